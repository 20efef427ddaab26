import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstIngestEvent, marriageRegistrationEvent, signedIngestRequest } from "../../test/builders.js";
import { apiGatewayEvent } from "../../test/api-gateway-event.js";
import { startTestStack } from "../../test/test-stack.js";
import { composeDependencies } from "../composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../composition/http-handlers.js";

let stack: Awaited<ReturnType<typeof startTestStack>>;
let api: HttpHandler;
let token: string;
let receiptUrls: Record<string, string>;

const codes = { official: "000.00.20.H27-261120-0007", slashed: "03706/2026/07906" };

beforeAll(async () => {
  stack = await startTestStack({
    RATE_LIMIT_USER_PER_MINUTE: "1000",
    RATE_LIMIT_USER_FAILED_PER_MINUTE: "1000",
    RATE_LIMIT_ADDRESS_PER_MINUTE: "1000",
    RATE_LIMIT_ADDRESS_FAILED_PER_MINUTE: "3",
  });
  const handlers = httpHandlersFrom(composeDependencies(stack.config));
  api = handlers.api;
  token = (await stack.createZaloUser()).accessToken;
  const events = Object.values(codes).map((code, i) =>
    firstIngestEvent(code, {
      eventId: `seed-${i}`,
      occurredAt: "2026-11-20T08:00:00+07:00",
      ...marriageRegistrationEvent,
      dueAt: "2026-11-25T17:00:00+07:00",
    }),
  );
  const response = await handlers.ingest(signedIngestRequest(events, String(Math.floor(Date.now() / 1000))));
  const results = JSON.parse(String(response.body)).results as { receipt: { url: string } }[];
  receiptUrls = { official: results[0]!.receipt.url, slashed: results[1]!.receipt.url };
});
afterAll(async () => stack.stop());

function lookup(pathCode: string, options: { query?: string; authorization?: string | null; sourceIp?: string } = {}) {
  return api(
    apiGatewayEvent({
      routeKey: "GET /v1/dossiers/{code}",
      rawPath: `/v1/dossiers/${pathCode}`,
      // API Gateway hands the handler the decoded path parameter.
      pathParameters: { code: decodeURIComponent(pathCode) },
      rawQueryString: options.query ?? "",
      headers: options.authorization === null ? {} : { authorization: options.authorization ?? `Bearer ${token}` },
      ...(options.sourceIp ? { sourceIp: options.sourceIp } : {}),
    }),
  ).then((response) => ({ status: response.statusCode, headers: response.headers ?? {}, body: JSON.parse(String(response.body)) }));
}

describe("GET /v1/dossiers/{code}", () => {
  it("answers the public view with the fields the Mini App shows", async () => {
    const { status, body } = await lookup(codes.official.toLowerCase());
    expect(status).toBe(200);
    expect(body).toMatchObject({
      view: "public",
      code: codes.official,
      status: 2,
      statusLabel: "Được tiếp nhận",
      dueAt: "2026-11-25T10:00:00.000Z",
      onTime: expect.stringMatching(/^(trong_han|qua_han)$/),
      applicantName: "Trần T** B***",
      procedure: { name: "Đăng ký kết hôn" },
      agency: { name: "UBND xã Sơn Động" },
    });
    expect(body.timeline).toEqual([
      { status: 2, statusLabel: "Được tiếp nhận", occurredAt: "2026-11-20T01:00:00.000Z", unitName: null },
    ]);
  });

  it("gives the owner view only with the receipt's signature for that code", async () => {
    const k = new URL(receiptUrls.official!).searchParams.get("k")!;
    expect((await lookup(codes.official, { query: `k=${k}` })).body.view).toBe("owner");
    expect((await lookup(codes.official, { query: "k=AAAAAAAAAAAAAAAA" })).body.view).toBe("public");
    const otherK = new URL(receiptUrls.slashed!).searchParams.get("k")!;
    expect((await lookup(codes.official, { query: `k=${otherK}` })).body.view).toBe("public");
  });

  it("reads a code with slashes written ~ in the path, or %2F where the platform passes it through", async () => {
    expect((await lookup("03706~2026~07906")).body.code).toBe(codes.slashed);
    expect((await lookup("03706%2F2026%2F07906")).body.code).toBe(codes.slashed);
    const url = new URL(receiptUrls.slashed!);
    expect(url.searchParams.get("hs")).toBe("03706~2026~07906");
  });

  it("401 without a token or with a token Zalo does not know", async () => {
    const missing = await lookup(codes.official, { authorization: null });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toEqual({ code: "UNAUTHORIZED", message: expect.stringContaining("Zalo") });
    expect((await lookup(codes.official, { authorization: "Bearer not-a-real-token" })).status).toBe(401);
    expect((await lookup(codes.official, { authorization: `Basic ${token}` })).status).toBe(401);
  });

  it("400 with a Vietnamese message for a malformed code", async () => {
    const tooShort = await lookup("AB1");
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.error.code).toBe("INVALID_CODE");
    expect(tooShort.body.error.message).toMatch(/Mã hồ sơ không hợp lệ/);
    const badDate = await lookup("000.00.20.H27-261399-0001");
    expect(badDate.body.error.message).toMatch(/ngày tiếp nhận/);
  });

  it("404 for an unknown code, and 429 with Retry-After once failures pass the limit", async () => {
    const sourceIp = "198.51.100.77";
    const unknown = await lookup("000.00.20.H27-261120-9991", { sourceIp });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("000.00.20.H27-261120-9991");
    await lookup("000.00.20.H27-261120-9992", { sourceIp });
    await lookup("000.00.20.H27-261120-9993", { sourceIp });
    const limited = await lookup(codes.official, { sourceIp });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited.body.error.message).toMatch(/thử lại sau \d+ giây/);
    // Another address is not affected.
    expect((await lookup(codes.official, { sourceIp: "198.51.100.78" })).status).toBe(200);
  });
});
