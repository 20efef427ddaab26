import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointStaff, firstIngestEvent, signedIngestRequest } from "../../test/builders.js";
import { dossierOutboxItems } from "../../test/dossier-outbox.js";
import { eventually, waitForMessagesToSettle } from "../../test/eventually.js";
import { apiGatewayEvent } from "../../test/api-gateway-event.js";
import { waitForOutboxAtRest } from "../../test/outbox-at-rest.js";
import { startNotifyPoller, type StreamPoller } from "../../test/stream-poller.js";
import { startTestStack } from "../../test/test-stack.js";
import { DynamoDbLateDossierRepository } from "../adapters/dynamodb/dynamodb-late-dossier-repository.js";
import { keys } from "../adapters/dynamodb/keys.js";
import { composeDependencies } from "../composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../composition/http-handlers.js";
import { lateDossiersHandlerFrom, notifyHandlerFrom } from "../composition/stream-handlers.js";

const agency = "000.00.30.H27";
const otherAgency = "000.00.31.H27";
let stack: Awaited<ReturnType<typeof startTestStack>>;
let handlers: Record<"ingest" | "admin", HttpHandler>;
let job: ReturnType<typeof lateDossiersHandlerFrom>;
let poller: StreamPoller;
let now = new Date("2026-11-02T03:00:00Z");
const clock = { now: () => now };
let officerToken = "";
let adminToken = "";

/**
 * Moves the stack's clock once the notify handler has finished what it was doing: the stream poller delivers beside
 * the test, and a delivery that saw the clock jump days in its middle stamped a fresh OA token with the old day, so
 * the other deliveries judged it expired and waited out the refresh claim (30 s) with the shard held behind them.
 */
async function setClock(instant: string) {
  await waitForOutboxAtRest(stack);
  now = new Date(instant);
}

const code = (n: number) => `${agency}-261102-${String(3000 + n).padStart(4, "0")}`;
const phone = (n: number) => `0914${String(200000 + n)}`;
const international = (local: string) => `84${local.slice(1)}`;

function event(n: number, status: number, suffix: string, occurredAt: string, extra: Record<string, unknown> = {}, agencyCode = agency) {
  const dossierCode = agencyCode === agency ? code(n) : `${agencyCode}-261102-${String(3000 + n).padStart(4, "0")}`;
  return {
    ...firstIngestEvent(dossierCode, {
      eventId: `late-${n}-${suffix}`,
      status,
      occurredAt,
      agencyCode,
      agencyName: "UBND xã Tân Phú",
      applicantPhone: n === 6 ? "02438123456" : phone(n), // a landline: no phone to message
      receivedAt: "2026-11-02T08:15:00+07:00",
      dueAt: n === 2 ? "2026-11-10T17:00:00+07:00" : "2026-11-09T17:00:00+07:00",
    }),
    ...extra,
  };
}

async function ingestEvents(events: unknown[]) {
  const response = await handlers.ingest(signedIngestRequest(events, String(Math.floor(now.getTime() / 1000))));
  expect(response.statusCode).toBe(200);
  const { results } = JSON.parse(String(response.body)) as { results: Array<{ outcome: string; reason?: string }> };
  expect(results.filter((result) => result.outcome === "rejected")).toEqual([]);
}

type EmulatorMessage = { channel: string; recipient: string; templateData?: Record<string, string> };
async function overdueMessages(): Promise<EmulatorMessage[]> {
  const response = await fetch(`${stack.emulator.url}/_emulator/messages`);
  const { messages } = (await response.json()) as { messages: EmulatorMessage[] };
  return messages.filter((message) => message.templateData?.tieu_de === "Hồ sơ của bạn đã quá hạn trả kết quả");
}

const outboxStates = (dossierCode: string) => dossierOutboxItems(stack.table.documentClient, stack.config.tableName, dossierCode);


async function storedDossier(dossierCode: string) {
  const result = await stack.table.documentClient.send(
    new GetCommand({ TableName: stack.config.tableName, Key: keys.dossier(dossierCode), ConsistentRead: true }),
  );
  return result.Item as Record<string, unknown>;
}

beforeAll(async () => {
  stack = await startTestStack({ ZALO_SEND_RATE_PER_SECOND: "1000" });
  const firstAdmin = await stack.createZaloUser("Lê Minh Quân", "0900000001");
  const officer = await stack.createZaloUser("Phạm Thu Hà", "0900000002");
  stack.config.firstAdminZaloAppUserId = firstAdmin.zaloAppUserId;
  adminToken = firstAdmin.accessToken;
  officerToken = officer.accessToken;
  const deps = composeDependencies(stack.config, { clock });
  handlers = httpHandlersFrom(deps);
  job = lateDossiersHandlerFrom(deps);
  const notify = notifyHandlerFrom(deps);
  poller = await startNotifyPoller(stack, (records) => notify(records));
  await appointStaff(handlers.admin, adminToken, officer, { name: "Phạm Thu Hà", agencyCodes: [agency] });
});
afterAll(async () => {
  await poller?.stop();
  await stack?.stop();
});

describe("late-dossier job (DynamoDB Local + Zalo emulator)", () => {
  it("marks the dossiers whose promised day is over, tells each citizen once, and a second run sends nothing", async () => {
    await ingestEvents([
      event(1, 2, "a", "2026-11-02T08:15:00+07:00"), // due 9 Nov, still open → late
      event(2, 2, "a", "2026-11-02T08:15:00+07:00"), // due 10 Nov (today at the run) → not yet
      event(3, 2, "a", "2026-11-02T08:15:00+07:00"), // due 9 Nov, finished → never
      event(4, 2, "a", "2026-11-02T08:15:00+07:00"), // due 9 Nov, apology with a later date → not yet
      event(5, 2, "a", "2026-11-02T08:15:00+07:00"), // due 9 Nov, waiting for a supplement → clock paused
      event(6, 2, "a", "2026-11-02T08:15:00+07:00"), // due 9 Nov, no phone → marked, message undeliverable
      event(7, 2, "a", "2026-11-02T08:15:00+07:00", {}, otherAgency), // another agency's late dossier
    ]);
    await setClock("2026-11-05T03:00:00Z");
    await ingestEvents([
      event(3, 9, "b", "2026-11-05T09:00:00+07:00"),
      event(4, 4, "b", "2026-11-05T09:00:00+07:00", { apology: { reason: "Chờ xác minh thực địa", newDueAt: "2026-11-16T17:00:00+07:00" } }),
      event(5, 5, "b", "2026-11-05T09:00:00+07:00", { note: "Bổ sung bản sao giấy chứng sinh" }),
    ]);

    await setClock("2026-11-10T00:00:00Z"); // 07:00 on 10 Nov, Vietnam time
    expect(await job()).toMatchObject({ marked: 3, notified: 3 });

    const marked = await Promise.all([1, 2, 3, 4, 5, 6].map(async (n) => (await storedDossier(code(n))).lateAt ?? null));
    expect(marked.map((at) => at !== null)).toEqual([true, false, false, false, false, true]);
    expect(await storedDossier(code(1))).toMatchObject({ GSI2PK: `LATE#${agency}`, lateAt: "2026-11-10T00:00:00.000Z" });
    expect(await storedDossier(code(2))).toMatchObject({ GSI2PK: "DUE#2026-11-10" });
    expect((await storedDossier(code(3))).GSI2PK).toBeUndefined();
    expect(await storedDossier(code(4))).toMatchObject({ GSI2PK: "DUE#2026-11-16" });
    expect((await storedDossier(code(5))).GSI2PK).toBeUndefined();

    const messages = await eventually(overdueMessages, (found) => found.length >= 2).catch(async (error: unknown) => {
      // What the two messages' outbox items say, so a failure names the step that stopped.
      const items = [...(await outboxStates(code(1))), ...(await outboxStates(`${otherAgency}-261102-3007`))];
      const states = items.map((item) => ({ id: item.id, state: item.state, reason: item.reason, notBefore: item.notBefore }));
      throw new Error(`${String(error)}; outbox items: ${JSON.stringify(states)}`);
    });
    expect(messages.map((message) => message.recipient).sort()).toEqual([international(phone(1)), international(phone(7))].sort());
    expect(messages[0]?.templateData).toMatchObject({ ngay_hen_tra: "09/11/2026", trang_thai: "Được tiếp nhận" });
    await eventually(() => outboxStates(code(6)), (items) => items.some((item) => item.state === "undeliverable"));

    // A second run the same day, and one the next day (dossier 2 is late then), each message once.
    expect(await job()).toMatchObject({ marked: 0, notified: 0 });
    await setClock("2026-11-11T00:00:00Z");
    expect(await job()).toMatchObject({ marked: 1, notified: 1 });
    await eventually(overdueMessages, (found) => found.length >= 3);
    await waitForMessagesToSettle(stack.emulator.url, { quietMs: 500, timeoutMs: 15_000 });
    const after = await overdueMessages();
    expect(after.map((message) => message.recipient).sort()).toEqual(
      [international(phone(1)), international(phone(2)), international(phone(7))].sort(),
    );
  });

  it("a late event that finishes the dossier takes it off the late list; an ingest keeps the late mark", async () => {
    await setClock("2026-11-11T02:00:00Z");
    await ingestEvents([event(1, 4, "c", "2026-11-11T08:00:00+07:00", { note: "Đang xác minh" })]);
    expect(await storedDossier(code(1))).toMatchObject({ GSI2PK: `LATE#${agency}`, lateAt: "2026-11-10T00:00:00.000Z", status: 4 });
    await ingestEvents([event(6, 10, "c", "2026-11-11T09:00:00+07:00")]);
    const finished = await storedDossier(code(6));
    expect(finished.GSI2PK).toBeUndefined();
    expect(finished.lateAt).toBe("2026-11-10T00:00:00.000Z");
  });

  it("catches up the days it missed from its mark, and notifies nobody when switched off", async () => {
    const quiet = composeDependencies({ ...stack.config, lateDossiers: { notifyCitizens: false, lookbackDays: 5 } }, { clock });
    await setClock("2026-11-11T02:00:00Z");
    await ingestEvents([event(8, 2, "a", "2026-11-02T08:15:00+07:00")]); // due 9 Nov, ingested after its day was read
    await setClock("2026-11-14T00:00:00Z"); // three days later; the mark says 10 Nov
    const run = await quiet.detectLateDossiers();
    // The look-back window (5 days before yesterday) reads 9 Nov again, where the straggler sits.
    expect(run.days).toEqual(["2026-11-08", "2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13"]);
    expect(run).toMatchObject({ marked: 1, notified: 0 });
    expect((await storedDossier(code(8))).lateAt).toBe("2026-11-14T00:00:00.000Z");
    expect((await outboxStates(code(8))).every((item) => (item.notification as { kind: string }).kind !== "dossier_overdue")).toBe(true);

  });
});

describe("late dossiers: index and staff list", () => {
  it("access pattern: open dossiers by promised return day (sparse GSI2 `DUE#<day>`, 1 Query per day)", async () => {
    const repository = new DynamoDbLateDossierRepository(stack.table.table);
    const due = await repository.dueOn("2026-11-16");
    expect(due.map((dossier) => dossier.code)).toEqual([code(4)]);
    expect(await repository.dueOn("2026-11-09")).toEqual([]);
  });

  it("access pattern: an agency's late dossiers, earliest due first, a page at a time (GSI2 `LATE#<agency>`)", async () => {
    const repository = new DynamoDbLateDossierRepository(stack.table.table);
    const first = await repository.lateOfAgency(agency, { limit: 2, cursor: null });
    expect(first.dossiers.map((dossier) => dossier.code)).toEqual([code(1), code(8)]);
    const second = await repository.lateOfAgency(agency, { limit: 2, cursor: first.nextCursor });
    expect(second.dossiers.map((dossier) => dossier.code)).toEqual([code(2)]);
    expect(second.nextCursor).toBeNull();
    expect((await repository.lateOfAgency(otherAgency, { limit: 10, cursor: null })).dossiers).toHaveLength(1);
  });

  async function list(token: string, query: string) {
    const response = await handlers.admin(
      apiGatewayEvent({
        routeKey: "GET /v1/admin/late-dossiers",
        rawPath: "/v1/admin/late-dossiers",
        rawQueryString: query,
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    return { status: response.statusCode, body: JSON.parse(String(response.body)) as Record<string, unknown> };
  }

  it("GET /v1/admin/late-dossiers: the officer's agency by default, days late and the apology, paged; scope enforced", async () => {
    await setClock("2026-11-14T00:00:00Z");
    const mine = await list(officerToken, "");
    expect(mine.status).toBe(200);
    const rows = mine.body.dossiers as Array<Record<string, unknown>>;
    expect(rows.map((row) => row.code)).toEqual([code(1), code(8), code(2)]);
    expect(rows[0]).toMatchObject({ procedureName: "Đăng ký khai sinh", daysLate: 5, apology: null, status: 4 });
    expect(rows[2]).toMatchObject({ daysLate: 4 });

    const page = await list(officerToken, "limit=1");
    expect((page.body.dossiers as unknown[]).length).toBe(1);
    const next = await list(officerToken, `limit=1&cursor=${String(page.body.nextCursor)}`);
    expect((next.body.dossiers as Array<{ code: string }>)[0]?.code).toBe(code(8));

    expect((await list(officerToken, `agency=${otherAgency}`)).status).toBe(403);
    expect((await list(adminToken, "")).body).toMatchObject({ error: { code: "AGENCY_REQUIRED" } });
    expect((await list(adminToken, `agency=${otherAgency}`)).body.dossiers).toHaveLength(1);
    expect((await list(officerToken, "cursor=bm90LWEtY3Vyc29y")).body).toMatchObject({ error: { code: "INVALID_CURSOR" } });
    expect((await list(officerToken, "limit=50")).status).toBe(200);
    expect((await list(officerToken, "limit=51")).status).toBe(400);
    expect((await list(officerToken, "other=1")).status).toBe(400);
  });
});

describe("late-dossier job after an outage", () => {
  it("starts from its mark when that is older than the look-back window; a broken apology date makes a dossier late", async () => {
    await setClock("2026-11-20T00:00:00Z");
    const short = composeDependencies({ ...stack.config, lateDossiers: { notifyCitizens: false, lookbackDays: 1 } }, { clock });
    const run = await short.detectLateDossiers();
    expect(run.days).toEqual(["2026-11-14", "2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"]);
    expect(run.marked).toBe(1);
    expect(await storedDossier(code(4))).toMatchObject({ GSI2PK: `LATE#${agency}`, lateAt: "2026-11-20T00:00:00.000Z" });
  });
});
