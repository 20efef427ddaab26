import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpRoutes, unmatchedRouteFunction, type HttpRoute } from "../../src/handlers/routes.js";
import { apiGatewayEvent } from "../api-gateway-event.js";
import { seededCodes, startHardeningStack } from "./hardening-stack.js";

/** Seeded, so a failure names its seed and path and can be replayed exactly. */
const seed = 20261128;
const runsPerRoute = Number(process.env.HARDENING_RUNS_PER_ROUTE ?? 1000);
/** Requests between two looks at the table: a batch that was all refused must have changed nothing. */
const batchSize = 10;

let h: Awaited<ReturnType<typeof startHardeningStack>>;
beforeAll(async () => {
  // Lookup limits high enough that the fuzzer reaches past the limiter; the limits have their own suite.
  h = await startHardeningStack({ RATE_LIMIT_USER_PER_MINUTE: "100000", RATE_LIMIT_USER_FAILED_PER_MINUTE: "100000" });
});
afterAll(async () => h?.stack.stop());

/** A plausible body for each route that takes one; the fuzzer mixes it with anything at all. */
const sampleBodies: Record<string, unknown> = {
  "POST /v1/me/phone": { token: "phone-token" },
  "PUT /v1/me/announcement-subscription": { subscribed: true },
  "PUT /v1/dossiers/{code}/rating": { attitude: "rat_hai_long", result: "hai_long", overall: "khong_hai_long", reason: "Chờ lâu", comment: null },
  "POST /v1/feedback": { type: "hoi_dap", text: "Hồ sơ của tôi đến đâu rồi?", dossierCode: seededCodes[0] },
  "POST /v1/feedback/{id}/messages": { text: "Cảm ơn" },
  "PUT /v1/feedback/{id}/messages/{messageId}/helpful": { helpful: true },
  "POST /v1/ingest/events": { events: [{ eventId: "fuzz-1", dossierCode: seededCodes[0], status: 10, occurredAt: "2026-11-27T08:00:00+07:00" }] },
  "PUT /v1/ingest/procedures": { procedures: [{ code: "1.000894", name: "Đăng ký kết hôn", field: "Hộ tịch", processingTime: "5 ngày", fee: "0", documentsRequired: [], portalUrl: null }] },
  "PUT /v1/admin/staff/{zaloAppUserId}": { name: "Cán bộ", role: "officer", agencyCodes: ["000.00.20.H27"] },
  "POST /v1/admin/announcements": { kind: "thu_tuc_moi", title: "Thông báo", body: "Nội dung", link: null },
  "POST /v1/admin/feedback/{id}/replies": { text: "Trả lời" },
  "POST /v1/zalo/webhook": { app_id: "1234567890", oa_id: "4321", event_name: "follow", follower: { id: "123" }, user_id_by_app: "456" },
};
const queryNames = ["k", "limit", "cursor", "q", "since", "from", "to", "agency", "procedure", "state", "format", "agencyName", "status"];

const nasty = fc.constantFrom("", " ", "../../x", "__proto__", "constructor", "%2F", "~", "\u202e", "\ud800", "null", "0", "-1", "1e309", "9".repeat(400), "<script>", "'; DROP", "\u0000");
const text = fc.oneof(fc.string({ unit: "binary", maxLength: 80 }), fc.string({ maxLength: 20 }), nasty);
const pathValue = fc.oneof(text, fc.constantFrom(...seededCodes, "03706~2026~07906", "000.00.20.H27-261120-9999"), fc.stringMatching(/^[0-9A-Za-z.\-/_~]{1,70}$/));

function bodyArbitrary(routeKey: string) {
  const sample = sampleBodies[routeKey];
  const mutated =
    sample && typeof sample === "object"
      ? fc
          .dictionary(fc.oneof(fc.constantFrom(...Object.keys(sample)), fc.string({ maxLength: 8 })), fc.oneof(fc.jsonValue({ maxDepth: 2 }), text), { maxKeys: 3 })
          .map((changes) => JSON.stringify({ ...sample, ...changes }))
      : fc.constant("{}");
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: text },
    { weight: 3, arbitrary: mutated },
    { weight: 1, arbitrary: fc.constant(sample === undefined ? "" : JSON.stringify(sample)) },
    { weight: 1, arbitrary: fc.integer({ min: 65_530, max: 65_540 }).map((size) => `{"a":"${"x".repeat(size - 8)}"}`) },
  );
}

function requestArbitrary(route: HttpRoute) {
  const names = [...route.routeKey.matchAll(/\{([A-Za-z]+)\}/gu)].map((m) => m[1]!);
  return fc.record({
    routeKey: fc.oneof({ weight: 9, arbitrary: fc.constant(route.routeKey) }, { weight: 1, arbitrary: fc.constant("$default") }),
    auth: fc.constantFrom("citizen", "staff", "none", "garbage", "non-latin"),
    garbageToken: text,
    pathParameters: fc.tuple(...names.map(() => pathValue)).map((values) => Object.fromEntries(names.map((name, i) => [name, values[i]!]))),
    query: fc.dictionary(fc.oneof(fc.constantFrom(...queryNames), fc.string({ maxLength: 6 })), fc.oneof(text, fc.constantFrom("1", "50", "51", "2026-11", "svg", "png")), { maxKeys: 4 }),
    body: bodyArbitrary(route.routeKey),
    base64: fc.boolean(),
    signature: fc.constantFrom("valid", "none", "garbage", "valid-with-suffix"),
    timestampSkewSeconds: fc.constantFrom(0, 0, 0, 300, 301, -301, 1e9),
  });
}

type Generated = ReturnType<typeof requestArbitrary> extends fc.Arbitrary<infer T> ? T : never;

function toEvent(route: HttpRoute, input: Generated) {
  const routeKey = input.routeKey;
  const rawQueryString = new URLSearchParams(input.query).toString();
  const headers: Record<string, string> = {};
  const token = { citizen: h.tokens.citizen, staff: h.tokens.staff, garbage: input.garbageToken, "non-latin": "tôi\u202e" } as const;
  if (input.auth !== "none") headers.authorization = `Bearer ${token[input.auth]}`;
  const body = input.body;
  const signed = route.routeKey.startsWith("GET") ? rawQueryString : (body ?? "");
  if (input.signature !== "none") {
    const valid = h.signedHeaders(signed);
    const timestamp = String(Number(valid["x-motcua-timestamp"]) + input.timestampSkewSeconds);
    headers["x-motcua-timestamp"] = input.timestampSkewSeconds === 0 ? valid["x-motcua-timestamp"] : timestamp;
    headers["x-motcua-signature"] =
      input.signature === "valid" ? valid["x-motcua-signature"] : input.signature === "garbage" ? `v1=${input.garbageToken}` : `${valid["x-motcua-signature"]}00`;
  }
  if (route.functionName === "webhook" && body !== undefined) {
    const timestamp = String(h.clock.now().getTime() + input.timestampSkewSeconds * 1000);
    let withTimestamp = body;
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) withTimestamp = JSON.stringify({ ...parsed, timestamp });
    } catch {
      // not JSON: sent as it is
    }
    headers["x-zevent-signature"] = input.signature === "valid" ? h.webhookSignature(withTimestamp, timestamp) : `mac=${input.garbageToken}`;
    return apiGatewayEvent({ routeKey, rawPath: "/v1/zalo/webhook", headers, body: input.base64 ? Buffer.from(withTimestamp) : withTimestamp });
  }
  const rawPath = Object.entries(input.pathParameters).reduce((path, [name, value]) => path.replace(`{${name}}`, encodeURIComponent(wellFormed(value))), route.routeKey.split(" ")[1]!);
  return apiGatewayEvent({
    routeKey,
    rawPath,
    rawQueryString,
    headers,
    ...(Object.keys(input.pathParameters).length > 0 ? { pathParameters: input.pathParameters } : {}),
    ...(body !== undefined ? { body: input.base64 ? Buffer.from(body) : body } : {}),
  });
}

/** A URL cannot carry a lone surrogate; API Gateway would have decoded it to U+FFFD (the handler still gets the raw value). */
function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu, "\uFFFD");
}

const routes: HttpRoute[] = [...httpRoutes];
const totals = { requests: 0, byStatus: new Map<number, number>(), checkedBatches: 0 };

describe(`fuzzing every route (${runsPerRoute} inputs each, seed ${seed})`, () => {
  it.each(routes.map((route) => [route.routeKey, route] as const))("%s", async (_key, route) => {
    let batch = { refusedOnly: true, size: 0, before: await h.fingerprint() };
    await fc.assert(
      fc.asyncProperty(requestArbitrary(route), async (input) => {
        h.clock.advanceSeconds(1);
        const event = toEvent(route, input);
        const fn = input.routeKey === "$default" ? unmatchedRouteFunction : route.functionName;
        const response = await h.handlers[fn](event);
        const status = response.statusCode ?? 0;
        totals.requests += 1;
        totals.byStatus.set(status, (totals.byStatus.get(status) ?? 0) + 1);
        expect(status, `${route.routeKey} answered ${status}: ${String(response.body).slice(0, 200)}`).toBeLessThan(500);
        if (status >= 400) {
          const answer = JSON.parse(String(response.body)) as { error?: { code?: unknown; message?: unknown } };
          expect(typeof answer.error?.code).toBe("string");
          expect(typeof answer.error?.message).toBe("string");
        } else {
          batch.refusedOnly = false;
        }
        batch.size += 1;
        if (batch.size === batchSize) {
          const after = await h.fingerprint();
          if (batch.refusedOnly) {
            totals.checkedBatches += 1;
            expect(after, `${batchSize} refused requests to ${route.routeKey} changed the table`).toBe(batch.before);
          }
          batch = { refusedOnly: true, size: 0, before: after };
        }
      }),
      { seed, numRuns: runsPerRoute, endOnFailure: true },
    );
  });

  it("printed what it did", () => {
    console.log(
      JSON.stringify({ requests: totals.requests, checkedBatchesOfRefusedRequests: totals.checkedBatches, byStatus: Object.fromEntries([...totals.byStatus].sort(([a], [b]) => a - b)) }),
    );
    expect(totals.requests).toBe(routes.length * runsPerRoute);
  });
});
