import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstIngestEvent, marriageRegistrationEvent } from "../../test/builders.js";
import { apiGatewayEvent } from "../../test/api-gateway-event.js";
import { startTestStack, testSecrets } from "../../test/test-stack.js";
import { loadConfig } from "../config/config.js";
import { ingestSignature } from "../handlers/http/ingest-signature.js";
import type { HttpFunctionName } from "../config/function-names.js";
import { composeDependencies } from "./compose.js";
import { httpHandlersFrom, type HttpHandler } from "./http-handlers.js";

let stack: Awaited<ReturnType<typeof startTestStack>>;
let handlers: Record<HttpFunctionName, HttpHandler>;
let token: string;

beforeAll(async () => {
  stack = await startTestStack();
  // The same configuration, but the table's endpoint is a closed port: DynamoDB is out.
  const config = loadConfig({ ...stack.env, DYNAMODB_ENDPOINT: "http://127.0.0.1:9" });
  handlers = httpHandlersFrom(composeDependencies(config));
  token = (await stack.createZaloUser()).accessToken;
});
afterAll(async () => stack.stop());

const nowSeconds = () => String(Math.floor(Date.now() / 1000));
function signed(routeKey: string, content: string, extra: Partial<Parameters<typeof apiGatewayEvent>[0]> = {}) {
  const timestamp = nowSeconds();
  const signature = `v1=${ingestSignature(testSecrets.ingest, timestamp, Buffer.from(content)).toString("hex")}`;
  return apiGatewayEvent({
    routeKey,
    rawPath: routeKey.split(" ")[1]!,
    headers: { "x-motcua-timestamp": timestamp, "x-motcua-signature": signature },
    ...extra,
  });
}

function webhookEvent() {
  const timestamp = String(Date.now());
  const body = JSON.stringify({ app_id: "1234567890", oa_id: "4321", event_name: "follow", timestamp, follower: { id: "oa-user-1" }, user_id_by_app: "app-user-1" });
  const mac = createHash("sha256").update("1234567890").update(body).update(timestamp).update(testSecrets.oaSecretKey).digest("hex");
  return apiGatewayEvent({ routeKey: "POST /v1/zalo/webhook", rawPath: "/v1/zalo/webhook", headers: { "x-zevent-signature": `mac=${mac}` }, body });
}

const event = firstIngestEvent("000.00.20.H27-261120-0001", {
  eventId: "outage-1",
  occurredAt: "2026-11-20T08:00:00+07:00",
  ...marriageRegistrationEvent,
  dueAt: "2026-11-25T17:00:00+07:00",
});
const procedures = JSON.stringify({
  procedures: [{ code: "1.000894", name: "Đăng ký kết hôn", field: "Hộ tịch", processingTime: "5 ngày", fee: "Miễn phí", documentsRequired: [], portalUrl: null }],
});

describe("one error boundary: DynamoDB out → 503 with Retry-After in the envelope, on every HTTP function", () => {
  const cases: [string, HttpFunctionName, () => ReturnType<typeof apiGatewayEvent>][] = [
    ["citizen lookup", "api", () => apiGatewayEvent({ routeKey: "GET /v1/dossiers/{code}", rawPath: "/v1/dossiers/HS-0001", pathParameters: { code: "HS-0001" }, headers: { authorization: `Bearer ${token}` } })],
    ["staff route", "admin", () => apiGatewayEvent({ routeKey: "GET /v1/admin/me", rawPath: "/v1/admin/me", headers: { authorization: `Bearer ${token}` } })],
    ["ingest events", "ingest", () => { const body = JSON.stringify({ events: [event] }); return signed("POST /v1/ingest/events", body, { body }); }],
    ["ingest ratings", "ingest", () => signed("GET /v1/ingest/ratings", "", {})],
    ["ingest procedures", "ingest", () => signed("PUT /v1/ingest/procedures", procedures, { body: procedures })],
    ["Zalo webhook", "webhook", webhookEvent],
  ];
  it.each(cases)("%s", async (_name, fn, build) => {
    const response = await handlers[fn](build());
    expect(response.statusCode).toBe(503);
    expect(response.headers?.["retry-after"]).toBe("5");
    expect(JSON.parse(String(response.body))).toEqual({ error: { code: "SERVICE_UNAVAILABLE", message: expect.any(String) } });
  });

  it("an unknown route key answers 404 in the envelope on every function", async () => {
    for (const fn of ["api", "admin", "ingest", "webhook"] as const) {
      const response = await handlers[fn](apiGatewayEvent({ routeKey: "$default", rawPath: "/v1/nothing", headers: { authorization: `Bearer ${token}` } }));
      expect([fn, response.statusCode, JSON.parse(String(response.body)).error.code]).toEqual([fn, 404, "ROUTE_NOT_FOUND"]);
    }
  });
});
