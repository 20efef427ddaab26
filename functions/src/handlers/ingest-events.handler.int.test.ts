import { PutCommand, QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { firstIngestEvent } from "../../test/builders.js";
import { apiGatewayEvent } from "../../test/api-gateway-event.js";
import { startTestStack, testSecrets } from "../../test/test-stack.js";
import { composeDependencies } from "../composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../composition/http-handlers.js";
import { FixedClock } from "../adapters/in-memory/fixed-clock.js";
import { ingestSignature } from "./http/ingest-signature.js";

let stack: Awaited<ReturnType<typeof startTestStack>>;
let ingest: HttpHandler;
let api: HttpHandler;
beforeAll(async () => {
  stack = await startTestStack();
  ({ ingest, api } = httpHandlersFrom(composeDependencies(stack.config)));
});
afterAll(async () => stack.stop());

function signedEvent(body: string | Buffer, options: { secret?: string; timestamp?: number } = {}) {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const raw = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const signature = ingestSignature(options.secret ?? testSecrets.ingest, timestamp, raw).toString("hex");
  return apiGatewayEvent({
    routeKey: "POST /v1/ingest/events",
    rawPath: "/v1/ingest/events",
    headers: { "content-type": "application/json", "x-motcua-timestamp": timestamp, "x-motcua-signature": `v1=${signature}` },
    body,
  });
}

let sequence = 0;
function newCode() {
  sequence += 1;
  return `000.00.20.H27-261102-${String(1000 + sequence).padStart(4, "0")}`;
}

function firstEvent(code: string, eventId = `${code}-received`) {
  return firstIngestEvent(code, { eventId, unitName: "Bộ phận Một cửa" });
}

async function itemCount() {
  const scan = await stack.table.documentClient.send(new ScanCommand({ TableName: stack.config.tableName, Select: "COUNT" }));
  return scan.Count ?? 0;
}

async function send(body: unknown, options?: { secret?: string; timestamp?: number }) {
  const response = await ingest(signedEvent(JSON.stringify(body), options));
  return { status: response.statusCode, body: JSON.parse(String(response.body)) };
}

describe("POST /v1/ingest/events", () => {
  let before = 0;
  beforeEach(async () => {
    before = await itemCount();
  });

  it("applies a first event and answers with the receipt QR (URL and SVG)", async () => {
    const code = newCode();
    const { status, body } = await send({ events: [firstEvent(code)] });
    expect(status).toBe(200);
    expect(body.results).toHaveLength(1);
    const [result] = body.results;
    expect(result).toMatchObject({ eventId: `${code}-received`, outcome: "applied" });
    expect(result.receipt.url).toMatch(new RegExp(`^https://zalo\\.me/s/3141592653589793/\\?hs=${code.replaceAll(".", "\\.")}&k=[A-Za-z0-9_-]{16}$`));
    expect(result.receipt.svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    // dossier, event (its own idempotency marker), outbox item, the dossier's reach marks, its desk's month counter
    // and its name in the agency directory (the first here for both)
    expect((await itemCount()) - before).toBe(6);
  });

  it("reports applied, duplicate and rejected per event in the order sent", async () => {
    const code = newCode();
    const { status, body } = await send({
      events: [
        firstEvent(code),
        { eventId: `${code}-processing`, dossierCode: code, status: 4, occurredAt: "2026-11-03T09:00:00+07:00" },
        firstEvent(code),
        { eventId: "no-details", dossierCode: newCode(), status: 4, occurredAt: "2026-11-03T09:00:00+07:00" },
        { eventId: "bad-status", dossierCode: code, status: 11, occurredAt: "2026-11-03T09:00:00+07:00" },
        { eventId: "bad-code", dossierCode: "x", status: 4, occurredAt: "2026-11-03T09:00:00+07:00" },
        { eventId: "bad-time", dossierCode: code, status: 4, occurredAt: 42 },
      ],
    });
    expect(status).toBe(200);
    expect(body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      "applied",
      "applied",
      "duplicate",
      "rejected",
      "rejected",
      "rejected",
      "rejected",
    ]);
    expect(body.results[1].receipt).toBeUndefined();
    expect(body.results[3].reason).toMatch(/first event/);
    expect(body.results[4].reason).toMatch(/^status:/);
    expect(body.results[5].reason).toMatch(/^dossierCode:/);
    // zod's own words, in English for the province's developers.
    expect(body.results[6].reason).toBe("occurredAt: Invalid input: expected string, received number");
  });

  it("keeps a landline number out of Zalo but still applies the event, with a warning", async () => {
    const event = firstEvent(newCode());
    event.dossier.applicantPhone = "02043854321";
    const { body } = await send({ events: [event] });
    expect(body.results[0]).toMatchObject({ outcome: "applied", warnings: [expect.stringMatching(/applicantPhone/)] });
  });

  it("accepts the second secret during a rotation", async () => {
    const { status } = await send({ events: [firstEvent(newCode())] }, { secret: testSecrets.ingestNext });
    expect(status).toBe(200);
  });

  it("refuses a bad signature or a stale timestamp with 401 and writes nothing", async () => {
    const wrongSecret = await send({ events: [firstEvent(newCode())] }, { secret: "not-the-secret-000000000" });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body.error.code).toBe("BAD_SIGNATURE");
    const stale = await send({ events: [firstEvent(newCode())] }, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.status).toBe(401);
    const unsigned = await ingest(
      apiGatewayEvent({ routeKey: "POST /v1/ingest/events", rawPath: "/v1/ingest/events", body: JSON.stringify({ events: [firstEvent(newCode())] }) }),
    );
    expect(unsigned.statusCode).toBe(401);
    expect(await itemCount()).toBe(before);
  });

  it("refuses malformed JSON and malformed batches with 400 and writes nothing", async () => {
    const malformed = await ingest(signedEvent('{"events": ['));
    expect(malformed.statusCode).toBe(400);
    expect(JSON.parse(String(malformed.body)).error.code).toBe("MALFORMED_JSON");
    expect((await send({ events: [] })).status).toBe(400);
    expect((await send({ notEvents: [] })).status).toBe(400);
    expect(await itemCount()).toBe(before);
  });

  it("takes 100 events in a batch but not 101", async () => {
    const code = newCode();
    const events = (n: number) =>
      Array.from({ length: n }, (_, i) => (i === 0 ? firstEvent(code) : { eventId: `${code}-n${n}-${i}`, dossierCode: code, status: 4, occurredAt: new Date(Date.parse("2026-11-03T00:00:00Z") + i * 60_000).toISOString() }));
    const tooMany = await send({ events: events(101) });
    expect(tooMany.status).toBe(400);
    expect(await itemCount()).toBe(before);
    const full = await send({ events: events(100) });
    expect(full.status).toBe(200);
    expect(full.body.results.every((r: { outcome: string }) => r.outcome === "applied")).toBe(true);
    // 100 transactions one after another: on a loaded 2-core machine this takes longer than the default 20 s.
  }, 60_000);

  it("takes a body of exactly 64 KiB but refuses one byte more with 413", async () => {
    const padded = (size: number) => {
      const body = JSON.stringify({ events: [firstEvent(newCode())], padding: "" });
      return body.replace('"padding":""', `"padding":"${"x".repeat(size - Buffer.byteLength(body))}"`);
    };
    const atLimit = padded(64 * 1024);
    expect(Buffer.byteLength(atLimit)).toBe(65536);
    expect((await ingest(signedEvent(atLimit))).statusCode).toBe(200);
    const countAfterLimit = await itemCount();
    const overLimit = await ingest(signedEvent(padded(64 * 1024 + 1)));
    expect(overLimit.statusCode).toBe(413);
    expect(await itemCount()).toBe(countAfterLimit);
  });

  it("checks each field's length at the limit and just past it", async () => {
    const code = newCode();
    const base = firstEvent(code);
    const { body } = await send({
      events: [
        { ...base, eventId: "e".repeat(128) },
        { ...base, eventId: "e".repeat(129) },
        { ...base, eventId: `${code}-note-ok`, status: 4, dossier: undefined, note: "n".repeat(2000) },
        { ...base, eventId: `${code}-note-long`, status: 4, dossier: undefined, note: "n".repeat(2001) },
        { ...base, eventId: `${code}-name-long`, dossier: { ...base.dossier, applicantName: "A".repeat(301) } },
      ],
    });
    expect(body.results.map((r: { outcome: string }) => r.outcome)).toEqual(["applied", "rejected", "applied", "rejected", "rejected"]);
  });

  it("makes the dossier visible to the citizen API, with the receipt's k giving the owner view", async () => {
    const code = newCode();
    const { body } = await send({
      events: [
        firstEvent(code),
        { eventId: `${code}-supplement`, dossierCode: code, status: 5, occurredAt: "2026-11-03T09:00:00+07:00", note: "Bổ sung giấy chứng sinh", unitName: "Phòng Tư pháp" },
      ],
    });
    const k = new URL(body.results[0].receipt.url).searchParams.get("k")!;
    const user = await stack.createZaloUser();
    const lookup = async (query: string) =>
      api(
        apiGatewayEvent({
          routeKey: "GET /v1/dossiers/{code}",
          rawPath: `/v1/dossiers/${code}`,
          pathParameters: { code },
          rawQueryString: query,
          headers: { authorization: `Bearer ${user.accessToken}` },
        }),
      );
    const owner = JSON.parse(String((await lookup(`k=${k}`)).body));
    expect(owner).toMatchObject({ view: "owner", status: 5, applicantName: "Nguyễn Văn An" });
    expect(owner.timeline[1].note).toBe("Bổ sung giấy chứng sinh");
    const publicView = JSON.parse(String((await lookup("")).body));
    expect(publicView).toMatchObject({ view: "public", applicantName: "Nguyễn V** A*" });
    expect(publicView.timeline[1].note).toBeUndefined();
  });
});

describe("ingest hardening (the clock pinned at 2026-11-28T03:00:00Z)", () => {
  const now = new Date("2026-11-28T03:00:00.000Z");
  const nowSeconds = now.getTime() / 1000;
  let pinned: HttpHandler;
  beforeAll(() => {
    pinned = httpHandlersFrom(composeDependencies(stack.config, { clock: new FixedClock(now) })).ingest;
  });
  async function sendPinned(body: unknown, signatureSuffix = "") {
    const event = signedEvent(JSON.stringify(body), { timestamp: nowSeconds });
    event.headers["x-motcua-signature"] += signatureSuffix;
    const response = await pinned(event);
    return { status: response.statusCode, body: JSON.parse(String(response.body)) };
  }
  const at = (offsetSeconds: number) => new Date(now.getTime() + offsetSeconds * 1000).toISOString();

  it("refuses, per event and with a reason, events dated beyond the 300 s clock-skew allowance; at the limit they apply", async () => {
    const [atLimit, pastLimit, farFuture] = [newCode(), newCode(), newCode()];
    const before = await itemCount();
    const { body } = await sendPinned({
      events: [
        { ...firstEvent(pastLimit), occurredAt: at(301) },
        { ...firstEvent(farFuture), occurredAt: "2099-01-01T00:00:00+07:00" },
      ],
    });
    expect(body.results).toEqual([
      { eventId: `${pastLimit}-received`, outcome: "rejected", reason: expect.stringMatching(/ahead of the server's clock/) },
      { eventId: `${farFuture}-received`, outcome: "rejected", reason: expect.stringMatching(/ahead of the server's clock/) },
    ]);
    expect(await itemCount()).toBe(before);
    expect((await sendPinned({ events: [{ ...firstEvent(atLimit), occurredAt: at(300) }] })).body.results[0].outcome).toBe("applied");
  });

  it("answers `rejected` for an event id reused with a different payload, `duplicate` for the same payload again", async () => {
    const code = newCode();
    const first = firstEvent(code);
    expect((await sendPinned({ events: [first] })).body.results[0].outcome).toBe("applied");
    const before = await itemCount();
    const { body } = await sendPinned({
      events: [first, { ...first, status: 9 }, { ...first, occurredAt: at(-60) }],
    });
    expect(body.results.map((r: { outcome: string }) => r.outcome)).toEqual(["duplicate", "rejected", "rejected"]);
    expect(body.results[1].reason).toMatch(/already applied with a different payload/);
    expect(await itemCount()).toBe(before);
  });

  it("keys idempotency by dossier and event id: the same event id in another dossier is that dossier's event", async () => {
    const first = firstEvent(newCode());
    expect((await sendPinned({ events: [first] })).body.results[0].outcome).toBe("applied");
    const other = { ...firstEvent(newCode()), eventId: first.eventId };
    const { body } = await sendPinned({ events: [other, other] });
    expect(body.results.map((r: { outcome: string }) => r.outcome)).toEqual(["applied", "duplicate"]);
  });

  it("still reads the separate marker of an event applied before the event item kept the payload's hash", async () => {
    const code = newCode();
    const first = firstEvent(code);
    expect((await sendPinned({ events: [first] })).body.results[0].outcome).toBe("applied");
    // The earlier layout: the event item without its hash, and a marker beside it holding the hash.
    const stored = await stack.table.documentClient.send(
      new QueryCommand({ TableName: stack.config.tableName, KeyConditionExpression: "PK = :pk AND begins_with(SK, :event)", ExpressionAttributeValues: { ":pk": `DOSSIER#${code}`, ":event": "EVENT#" } }),
    );
    const { payloadHash, ...earlierEvent } = stored.Items![0]!;
    await stack.table.documentClient.send(new PutCommand({ TableName: stack.config.tableName, Item: earlierEvent }));
    await stack.table.documentClient.send(
      new PutCommand({ TableName: stack.config.tableName, Item: { PK: `INGEST#${first.eventId}`, SK: "INGEST", type: "IngestMarker", dossierCode: code, payloadHash, appliedAt: at(0) } }),
    );
    const { body } = await sendPinned({ events: [first, { ...first, status: 9 }] });
    expect(body.results.map((r: { outcome: string }) => r.outcome)).toEqual(["duplicate", "rejected"]);
  });

  it("takes only the official and legacy code formats", async () => {
    const before = await itemCount();
    const refused = ["../../x", "__proto__", "A..B", "-ABC", "ABC/", "AB__CD"];
    const { body } = await sendPinned({ events: refused.map((code, i) => ({ ...firstEvent(code, `odd-code-${i}`) })) });
    expect(body.results.map((r: { outcome: string; reason: string }) => [r.outcome, /format/.test(r.reason)])).toEqual(refused.map(() => ["rejected", true]));
    expect(await itemCount()).toBe(before);
    const legacy = await sendPinned({ events: [firstEvent("03706/2026/07906", "legacy-slashed"), firstEvent("1897C359"), firstEvent("HS_2026-0001.A")] });
    expect(legacy.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(["applied", "applied", "applied"]);
  });

  it("refuses a valid hex signature followed by anything else", async () => {
    const before = await itemCount();
    for (const suffix of ["zz", "0", " x", "g"]) {
      expect((await sendPinned({ events: [firstEvent(newCode())] }, suffix)).status).toBe(401);
    }
    expect(await itemCount()).toBe(before);
    expect((await sendPinned({ events: [firstEvent(newCode())] }, "")).status).toBe(200);
  });
});
