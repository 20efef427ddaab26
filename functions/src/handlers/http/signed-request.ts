import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { Clock } from "../../ports/clock.js";
import type { Logger } from "../../ports/logger.js";
import { verifyIngestSignature } from "./ingest-signature.js";
import { header, maxBodyBytes, rawBody } from "./request.js";
import { errorResponse } from "./responses.js";

const signatureMessages = {
  missing: "X-Motcua-Timestamp and X-Motcua-Signature (v1=<hex>) are required",
  stale: "the request timestamp is more than 5 minutes away from the server's clock",
  mismatch: "the signature does not match",
} as const;

/**
 * Checks a machine client's signature over `signedContent` (the raw body of a POST/PUT, the raw query
 * string of a GET); answers the 401 to send, or null when the request is genuine.
 */
export function refuseUnsigned(
  event: APIGatewayProxyEventV2,
  signedContent: Buffer,
  deps: { ingestSecrets: readonly string[]; clock: Clock; log: Logger },
): APIGatewayProxyStructuredResultV2 | null {
  const signature = verifyIngestSignature({
    timestampHeader: header(event, "x-motcua-timestamp"),
    signatureHeader: header(event, "x-motcua-signature"),
    signedContent,
    secrets: deps.ingestSecrets,
    nowSeconds: Math.floor(deps.clock.now().getTime() / 1000),
  });
  if (signature.ok) return null;
  deps.log.warn("signature refused", { routeKey: event.routeKey, reason: signature.reason, sourceIp: event.requestContext.http.sourceIp });
  return errorResponse(401, "BAD_SIGNATURE", signatureMessages[signature.reason]);
}

/**
 * A machine client's signed JSON body (`POST`/`PUT` of the ingest routes): refused over the body limit (413), when
 * unsigned (401) or when it is not JSON (400), else parsed and left to the route's schema.
 */
export function readSignedJson(
  event: APIGatewayProxyEventV2,
  deps: { ingestSecrets: readonly string[]; clock: Clock; log: Logger },
): { ok: true; json: unknown } | { ok: false; response: APIGatewayProxyStructuredResultV2 } {
  const body = rawBody(event);
  if (body.length > maxBodyBytes) {
    return { ok: false, response: errorResponse(413, "PAYLOAD_TOO_LARGE", `body over ${maxBodyBytes} bytes; send smaller batches`) };
  }
  const refused = refuseUnsigned(event, body, deps);
  if (refused) return { ok: false, response: refused };
  try {
    return { ok: true, json: JSON.parse(body.toString("utf8")) };
  } catch {
    return { ok: false, response: errorResponse(400, "MALFORMED_JSON", "the body is not valid JSON") };
  }
}
