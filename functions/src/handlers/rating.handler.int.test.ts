import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiGatewayEvent } from "../../test/api-gateway-event.js";
import { firstIngestEvent, signedIngestRequest } from "../../test/builders.js";
import { paddedJson } from "../../test/padded-json.js";
import { startTestStack, testSecrets } from "../../test/test-stack.js";
import { FixedClock } from "../adapters/in-memory/fixed-clock.js";
import { composeDependencies } from "../composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../composition/http-handlers.js";
import { ingestSignature } from "./http/ingest-signature.js";

let stack: Awaited<ReturnType<typeof startTestStack>>;
let api: HttpHandler;
let ingest: HttpHandler;
let token: string;
const clock = new FixedClock(new Date("2026-11-28T03:00:00.000Z"));
const k: Record<string, string> = {};
const codes = { finished: "000.00.20.H27-261120-0101", unfinished: "000.00.20.H27-261120-0102", locked: "000.00.20.H27-261120-0103", sizeLimit: "000.00.20.H27-261120-0104" };

function sign(content: string) {
  const timestamp = String(Math.floor(clock.now().getTime() / 1000));
  return { "x-motcua-timestamp": timestamp, "x-motcua-signature": `v1=${ingestSignature(testSecrets.ingest, timestamp, Buffer.from(content)).toString("hex")}` };
}

beforeAll(async () => {
  stack = await startTestStack({ RATINGS_FEED_SETTLE_SECONDS: "5" });
  const handlers = httpHandlersFrom(composeDependencies(stack.config, { clock }));
  api = handlers.api;
  ingest = handlers.ingest;
  token = (await stack.createZaloUser()).accessToken;
  const events = Object.values(codes).flatMap((code, i) => [
    firstIngestEvent(code, { eventId: `rt-${i}-a`, occurredAt: "2026-11-20T08:00:00+07:00", dueAt: "2026-11-25T17:00:00+07:00" }),
    { eventId: `rt-${i}-b`, dossierCode: code, status: code === codes.unfinished ? 4 : 10, occurredAt: "2026-11-24T08:00:00+07:00" },
  ]);
  const response = await ingest(signedIngestRequest(events, String(Math.floor(clock.now().getTime() / 1000))));
  for (const result of JSON.parse(String(response.body)).results as { receipt?: { url: string } }[]) {
    if (result.receipt) {
      const url = new URL(result.receipt.url);
      k[url.searchParams.get("hs")!] = url.searchParams.get("k")!;
    }
  }
});
afterAll(async () => stack.stop());

async function call(routeKey: string, code: string, options: { body?: unknown; withK?: boolean } = {}) {
  const response = await api(
    apiGatewayEvent({
      routeKey,
      rawPath: `/v1/dossiers/${code}/rating`,
      pathParameters: { code },
      rawQueryString: options.withK === false ? "" : `k=${k[code]}`,
      headers: { authorization: `Bearer ${token}` },
      ...(options.body !== undefined ? { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) } : {}),
    }),
  );
  return { status: response.statusCode, body: JSON.parse(String(response.body)) };
}
const get = (code: string, withK = true) => call("GET /v1/dossiers/{code}/rating", code, { withK });
const put = (code: string, body: unknown, withK = true) => call("PUT /v1/dossiers/{code}/rating", code, { body, withK });
const good = { attitude: "rat_hai_long", result: "hai_long", overall: "hai_long" };

describe("rating a dossier: PUT and GET /v1/dossiers/{code}/rating", () => {
  it("only the owner (a valid receipt signature) may read or rate; a non-owner is answered exactly as an unknown code", async () => {
    const unknown = "000.00.20.H27-261120-0999";
    expect(await get(codes.finished, false)).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
    expect(await get(codes.finished, false)).toEqual(await get(unknown, false));
    expect(await put(codes.finished, good, false)).toEqual(await put(unknown, good, false));
    expect(await get(codes.finished)).toEqual({ status: 200, body: { rating: null, canRate: true, editableUntil: null, locked: false } });
    expect((await get(unknown)).status).toBe(404);
  });

  it("refuses an unfinished dossier with 409 and writes nothing", async () => {
    expect(await get(codes.unfinished)).toMatchObject({ status: 200, body: { rating: null, canRate: false } });
    expect(await put(codes.unfinished, good)).toMatchObject({ status: 409, body: { error: { code: "NOT_FINISHED", message: expect.stringMatching(/chưa giải quyết xong/) } } });
    expect((await get(codes.unfinished)).body.rating).toBeNull();
  });

  it("refuses bad bodies with 400 and writes nothing, at each limit and just past it", async () => {
    const bad: unknown[] = [
      "not json",
      {},
      { ...good, attitude: "tot" },
      { attitude: "hai_long", result: "hai_long" },
      { ...good, extra: 1 },
      { ...good, comment: "x".repeat(1001) },
      { ...good, attitude: "khong_hai_long", reason: "x".repeat(501) },
      { ...good, comment: 42 },
    ];
    for (const body of bad) {
      const response = await put(codes.finished, body);
      expect(response, JSON.stringify(body).slice(0, 60)).toMatchObject({ status: 400, body: { error: { code: "VALIDATION_FAILED" } } });
    }
    const noReason = await put(codes.finished, { ...good, overall: "khong_hai_long" });
    expect(noReason).toMatchObject({ status: 400, body: { error: { code: "REASON_REQUIRED", message: "Vui lòng cho biết lý do chưa hài lòng." } } });
    expect((await get(codes.finished)).body.rating).toBeNull();
  });

  it("saves at the limits, then lets the owner change it for 7 days and locks it after", async () => {
    const atLimits = { ...good, attitude: "khong_hai_long", reason: "r".repeat(500), comment: "c".repeat(1000) };
    const saved = await put(codes.locked, atLimits);
    expect(saved).toMatchObject({ status: 200, body: { rating: { attitude: "khong_hai_long", comment: "c".repeat(1000) }, canRate: true, locked: false } });
    expect(saved.body.editableUntil).toBe("2026-12-05T03:00:00.000Z");
    clock.advanceSeconds(7 * 24 * 3600);
    expect((await put(codes.locked, good)).status).toBe(200);
    clock.advanceSeconds(1);
    expect(await put(codes.locked, { ...good, overall: "rat_hai_long" })).toMatchObject({ status: 409, body: { error: { code: "RATING_LOCKED" } } });
    expect(await get(codes.locked)).toMatchObject({ status: 200, body: { canRate: false, locked: true, rating: { overall: "hai_long" } } });
  });

  it("the one-stop system pulls ratings in update order with a cursor, signed over the query string", async () => {
    clock.advanceSeconds(10);
    expect((await put(codes.finished, { ...good, comment: "Nhanh gọn" })).status).toBe(200);
    const pull = async (query: string, headers = sign(query)) => {
      const response = await ingest(apiGatewayEvent({ routeKey: "GET /v1/ingest/ratings", rawPath: "/v1/ingest/ratings", rawQueryString: query, headers }));
      return { status: response.statusCode, body: JSON.parse(String(response.body)) };
    };
    // Just rated: held back for the settle window (5 s here), then given.
    const early = await pull("");
    expect(early.body.ratings.map((r: { dossierCode: string }) => r.dossierCode)).toEqual([codes.locked]);
    clock.advanceSeconds(6);
    const all = await pull("");
    expect(all.status).toBe(200);
    expect(all.body.ratings.map((r: { dossierCode: string }) => r.dossierCode)).toEqual([codes.locked, codes.finished]);
    expect(all.body.ratings[1]).toEqual({
      dossierCode: codes.finished,
      agencyCode: "000.00.20.H27",
      procedureCode: "1.001193.000.00.00.H27",
      dossierStatus: 10,
      attitude: "rat_hai_long",
      result: "hai_long",
      overall: "hai_long",
      reason: null,
      comment: "Nhanh gọn",
      ratedAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const next = await pull(`since=${all.body.cursor}`);
    expect(next.body).toEqual({ ratings: [], cursor: all.body.cursor, hasMore: false });
    // A signature over another query, a wrong secret or a stale timestamp: 401.
    expect((await pull(`since=${all.body.cursor}`, sign(""))).status).toBe(401);
    expect((await pull("", { "x-motcua-timestamp": "1", "x-motcua-signature": "v1=00" })).status).toBe(401);
    expect((await pull("since=not-a-cursor")).status).toBe(400);
    expect((await pull("cursor=x")).status).toBe(400);
  });

  it("takes a body of exactly 65,536 bytes and refuses 65,537 with 413, writing nothing", async () => {
    const over = await put(codes.sizeLimit, paddedJson(good, 65_537));
    expect(over).toMatchObject({ status: 413, body: { error: { code: "PAYLOAD_TOO_LARGE" } } });
    expect((await get(codes.sizeLimit)).body.rating).toBeNull();
    expect(await put(codes.sizeLimit, paddedJson(good, 65_536))).toMatchObject({ status: 200, body: { rating: good } });
  });
});
