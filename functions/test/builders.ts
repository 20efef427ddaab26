import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { ingestSignature } from "../src/handlers/http/ingest-signature.js";
import { apiGatewayEvent } from "./api-gateway-event.js";
import { testSecrets } from "./test-stack.js";

export { firstIngestEvent, type DossierDetails, type FirstEventOptions } from "../../local/src/seed/first-ingest-event.js";

/** `POST /v1/ingest/events` as the province's one-stop system signs it (timestamp in Unix seconds). */
export function signedIngestRequest(events: readonly unknown[], timestamp: string, secret = testSecrets.ingest): APIGatewayProxyEventV2 {
  const body = JSON.stringify({ events });
  return apiGatewayEvent({
    routeKey: "POST /v1/ingest/events",
    rawPath: "/v1/ingest/events",
    headers: { "content-type": "application/json", "x-motcua-timestamp": timestamp, "x-motcua-signature": `v1=${ingestSignature(secret, timestamp, Buffer.from(body)).toString("hex")}` },
    body,
  });
}
