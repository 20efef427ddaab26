import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointStaff, firstIngestEvent, outboxItemInState, signedIngestRequest } from "../../test/builders.js";
import { eventually, waitForMessagesToSettle } from "../../test/eventually.js";
import { routeRequest } from "../../test/api-gateway-event.js";
import { startNotifyPoller, type StreamPoller } from "../../test/stream-poller.js";
import { startTestStack, testSecrets } from "../../test/test-stack.js";
import { HmacReceiptSigner } from "../adapters/crypto/hmac-receipt-signer.js";
import { createDocumentClient } from "../adapters/dynamodb/document-client.js";
import { DynamoDbFeedbackRepository } from "../adapters/dynamodb/dynamodb-feedback-repository.js";
import { DynamoDbOutboxRepository } from "../adapters/dynamodb/dynamodb-outbox-repository.js";
import { composeDependencies, type Dependencies } from "../composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../composition/http-handlers.js";
import { notifyHandlerFrom } from "../composition/stream-handlers.js";
import { generalFeedbackScope, newFeedbackThread } from "../domain/feedback.js";
import { vietnamCalendarDay } from "../domain/vietnam-time.js";
import { holidayCalendar } from "../domain/working-days.js";
import { shiftedClock } from "../adapters/system/shifted-clock.js";

const agency = "000.00.20.H27";
const otherAgency = "000.00.21.H27";
const code = "000.00.20.H27-261120-0300";
const citizenPhone = "0912300300";

let stack: Awaited<ReturnType<typeof startTestStack>>;
let deps: Dependencies;
let handlers: Record<"admin" | "api" | "ingest", HttpHandler>;
let poller: StreamPoller;
/**
 * A Tuesday morning in Vietnam, outside ZNS quiet hours (the delivery-log test sends by ZNS), running at real
 * speed; moved back while the test writes an old thread.
 */
const testDay = shiftedClock(new Date("2026-11-24T09:00:00+07:00"));
let offsetMs = 0;
const clock = { now: () => new Date(testDay.now().getTime() + offsetMs) };
const tokens = { admin: "", officer: "", otherOfficer: "", generalOfficer: "", citizen: "" };
let citizen: { zaloAppUserId: string; zaloOaUserId: string; accessToken: string };

// JSON answers are read loosely here; each assertion states the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

async function call(
  fn: "admin" | "api",
  routeKey: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; pathParameters?: Record<string, string>; query?: string } = {},
) {
  const response = await handlers[fn](
    routeRequest(routeKey, { rawPath: path, pathParameters: options.pathParameters, query: options.query, token: options.token, body: options.rawBody ?? options.body }),
  );
  return { status: response.statusCode ?? 0, body: response.body ? (JSON.parse(String(response.body)) as Body) : ({} as Body) };
}

const admin = (routeKey: string, path: string, options: Parameters<typeof call>[3] = {}) => call("admin", routeKey, path, options);
const inbox = (token: string, query = "") => admin("GET /v1/admin/feedback", "/v1/admin/feedback", { token, query });
const thread = (token: string, id: string) => admin("GET /v1/admin/feedback/{id}", `/v1/admin/feedback/${id}`, { token, pathParameters: { id } });
const reply = (token: string, id: string, body: unknown, rawBody?: string) =>
  admin("POST /v1/admin/feedback/{id}/replies", `/v1/admin/feedback/${id}/replies`, { token, pathParameters: { id }, body, ...(rawBody ? { rawBody } : {}) });
const action = (token: string, id: string, verb: "close" | "reopen") =>
  admin(`POST /v1/admin/feedback/{id}/${verb}`, `/v1/admin/feedback/${id}/${verb}`, { token, pathParameters: { id } });
const notifications = (token: string, query = "") => admin("GET /v1/admin/notifications", "/v1/admin/notifications", { token, query });
const retry = (token: string, id: string) => admin("POST /v1/admin/notifications/{id}/retry", `/v1/admin/notifications/${id}/retry`, { token, pathParameters: { id } });

async function submit(token: string, body: unknown): Promise<string> {
  const response = await call("api", "POST /v1/feedback", "/v1/feedback", { token, body });
  expect(response.status).toBe(201);
  return response.body["id"] as string;
}

async function ingestEvent(eventId: string, status: number) {
  const event = firstIngestEvent(code, {
    eventId,
    status,
    occurredAt: new Date(clock.now().getTime() - 60_000).toISOString(),
    agencyCode: agency,
    applicantPhone: citizenPhone,
    receivedAt: "2026-11-20T08:00:00+07:00",
    dueAt: "2026-11-25T17:00:00+07:00",
  });
  const response = await handlers.ingest(signedIngestRequest([event], String(Math.floor(clock.now().getTime() / 1000))));
  expect(response.statusCode).toBe(200);
}

type EmulatorMessage = { channel: string; recipient: string; templateId?: string; templateData?: Record<string, string> };
async function messagesTo(recipient: string): Promise<EmulatorMessage[]> {
  const response = await fetch(`${stack.emulator.url}/_emulator/messages`);
  const { messages } = (await response.json()) as { messages: EmulatorMessage[] };
  return messages.filter((message) => message.recipient === recipient);
}
async function auditActions(actor: string): Promise<string[]> {
  const client = createDocumentClient({ region: "ap-southeast-1", endpoint: stack.table.endpoint });
  const day = vietnamCalendarDay(clock.now());
  const result = await client.send(new QueryCommand({ TableName: stack.config.tableName, KeyConditionExpression: "PK = :pk", ExpressionAttributeValues: { ":pk": `AUDIT#${day}` } }));
  return (result.Items ?? []).filter((item) => item["actorZaloAppUserId"] === actor).map((item) => `${String(item["action"])} ${String(item["subject"])}`);
}

const ids = { admin: "", officer: "" };
let dossierThread = "";
let generalThread = "";
let lateThread = "";

beforeAll(async () => {
  stack = await startTestStack({ NOTIFY_RETRY_BASE_MS: "10", NOTIFY_RETRY_MAX_MS: "50", NOTIFY_MAX_ATTEMPTS: "2", ZALO_SEND_RATE_PER_SECOND: "1000" });
  const users = {
    admin: await stack.createZaloUser("Lê Minh Quân", "0900000001", false),
    officer: await stack.createZaloUser("Phạm Thu Hà", "0900000002", false),
    otherOfficer: await stack.createZaloUser("Đỗ Văn Hùng", "0900000003", false),
    generalOfficer: await stack.createZaloUser("Vũ Thị Lan", "0900000004", false),
  };
  citizen = await stack.createZaloUser("Nguyễn Văn An", citizenPhone, true);
  stack.config.firstAdminZaloAppUserId = users.admin.zaloAppUserId;
  deps = composeDependencies(stack.config, { clock });
  const http = httpHandlersFrom(deps);
  handlers = { admin: http.admin, api: http.api, ingest: http.ingest };
  const notify = notifyHandlerFrom(deps);
  poller = await startNotifyPoller(stack, (event) => notify(event));
  for (const [role, user] of Object.entries(users)) tokens[role as keyof typeof users] = user.accessToken;
  tokens.citizen = citizen.accessToken;
  ids.admin = users.admin.zaloAppUserId;
  ids.officer = users.officer.zaloAppUserId;
  await appointStaff(handlers.admin, tokens.admin, users.officer, { name: "Phạm Thu Hà", agencyCodes: [agency] });
  await appointStaff(handlers.admin, tokens.admin, users.otherOfficer, { name: "Đỗ Văn Hùng", agencyCodes: [otherAgency] });
  await appointStaff(handlers.admin, tokens.admin, users.generalOfficer, { name: "Vũ Thị Lan", agencyCodes: [generalFeedbackScope] });

  // The citizen opens the Mini App: the backend learns from Zalo that he follows the OA (and his OA id).
  expect((await call("api", "GET /v1/me", "/v1/me", { token: tokens.citizen })).status).toBe(200);
  await ingestEvent("inbox-test-received", 2);
  await eventually(() => messagesTo(`84${citizenPhone.slice(1)}`), (m) => m.length >= 1);

  // A general question asked 30 days ago is late; the dossier question is fresh.
  offsetMs = -30 * 24 * 60 * 60 * 1000;
  lateThread = await submit(tokens.citizen, { type: "hoi_dap", text: "Thủ tục đổi CCCD cần giấy tờ gì?" });
  offsetMs = 0;
  // He came from his receipt's QR: its signature proves the dossier is his, so the thread goes to its agency.
  const k = new HmacReceiptSigner(testSecrets.receiptKey, stack.config.miniAppId).sign(code);
  dossierThread = await submit(tokens.citizen, { type: "phan_anh", text: "Hồ sơ của tôi đã quá lâu chưa có kết quả.", dossierCode: code, k });
  generalThread = await submit(tokens.citizen, { type: "gop_y", text: "Nên mở thêm quầy vào thứ Bảy." });
}, 60_000);

afterAll(async () => {
  await poller?.stop();
  await stack?.stop();
});

describe("PAKN inbox", () => {
  it("lists open threads late first, each with its deadline, working days left, dossier and last message, in the caller's scope", async () => {
    const all = await inbox(tokens.admin);
    expect(all.status).toBe(200);
    const listed = all.body["threads"] as Body[];
    expect(listed.map((t) => t["id"])).toEqual([lateThread, dossierThread, generalThread].sort((a, b) => (a === lateThread ? -1 : b === lateThread ? 1 : 0)).slice(0, 1).concat(listed.slice(1).map((t) => t["id"])));
    expect(listed[0]).toMatchObject({ id: lateThread, late: true, state: "moi", lastMessage: { author: "citizen", text: "Thủ tục đổi CCCD cần giấy tờ gì?" } });
    expect(listed[0]!["workingDaysLeft"]).toBeLessThan(0);
    const fresh = listed.find((t) => t["id"] === dossierThread)!;
    expect(fresh).toMatchObject({ late: false, dossierCode: code, agencyCode: agency, type: "phan_anh" });
    expect(fresh["workingDaysLeft"]).toBeGreaterThanOrEqual(14);
    expect(new Set(listed.map((t) => t["id"]))).toEqual(new Set([lateThread, dossierThread, generalThread]));

    const idsFor = async (token: string, query = "") => ((await inbox(token, query)).body["threads"] as { id: string }[]).map((t) => t.id).sort();
    expect(await idsFor(tokens.officer)).toEqual([dossierThread]);
    expect(await idsFor(tokens.generalOfficer)).toEqual([lateThread, generalThread].sort());
    expect(await idsFor(tokens.otherOfficer)).toEqual([]);
    expect(await idsFor(tokens.admin, "late=true")).toEqual([lateThread]);
    expect(await idsFor(tokens.officer, "late=true")).toEqual([]);
    expect(JSON.stringify((await inbox(tokens.otherOfficer)).body)).not.toContain(code);
  });

  it("pages with a cursor; refuses bad queries with a JSON error (limit 50 and 51, unknown state, forged cursor)", async () => {
    const first = await inbox(tokens.admin, "limit=1");
    expect(first.body["threads"]).toHaveLength(1);
    expect(first.body["nextCursor"]).toEqual(expect.any(String));
    const second = await inbox(tokens.admin, `limit=1&cursor=${String(first.body["nextCursor"])}`);
    expect(second.body["threads"]).toHaveLength(1);
    expect(second.body["threads"][0].id).not.toBe(first.body["threads"][0].id);
    expect((await inbox(tokens.admin, "limit=50")).status).toBe(200);
    for (const query of ["limit=51", "limit=0", "state=pending", "late=yes", "other=1"]) {
      const response = await inbox(tokens.admin, query);
      expect({ query, status: response.status, code: response.body["error"]?.code }).toEqual({ query, status: 400, code: "INVALID_QUERY" });
    }
    for (const query of ["cursor=not-a-cursor", `cursor=${Buffer.from("x#y").toString("base64url")}`]) {
      const response = await inbox(tokens.admin, query);
      expect({ query, status: response.status, code: response.body["error"]?.code }).toEqual({ query, status: 400, code: "INVALID_CURSOR" });
    }
  });

  it("shows a thread with its messages and dossier to its agency's staff and records the read in the audit log", async () => {
    const read = await thread(tokens.officer, dossierThread);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: dossierThread, dossier: { code, procedureName: "Đăng ký khai sinh", status: 2 }, messages: [{ author: "citizen" }] });
    expect(await auditActions(ids.officer)).toContain(`read_feedback ${dossierThread}`);
    expect((await thread(tokens.otherOfficer, dossierThread)).status).toBe(404);
    expect((await thread(tokens.officer, generalThread)).status).toBe(404);
    expect((await thread(tokens.admin, "no-such-thread")).body).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("a reply is stored, audited and reaches the citizen in Zalo once; texts of 2000 characters pass, 2001 do not and write nothing", async () => {
    const before = (await messagesTo(citizen.zaloOaUserId)).length;
    for (const [body, raw] of [[{ text: "Đ".repeat(2001) }], [{ text: "   " }], [{ text: "ok", extra: 1 }], [undefined, "{not json"]] as const) {
      const refused = await reply(tokens.officer, dossierThread, body, raw);
      expect({ status: refused.status, code: refused.body["error"]?.code }).toEqual({ status: 400, code: "INVALID_INPUT" });
    }
    expect((await thread(tokens.officer, dossierThread)).body["messageCount"]).toBe(1);

    const text = `Hồ sơ đang chờ ký duyệt. ${"Đ".repeat(2000 - 25)}`;
    expect(text).toHaveLength(2000);
    const answered = await reply(tokens.officer, dossierThread, { text });
    expect(answered.status).toBe(201);
    expect(answered.body).toMatchObject({ state: "da_tra_loi", message: { author: "staff", staffName: "Phạm Thu Hà", text } });
    expect(await auditActions(ids.officer)).toContain(`reply_feedback ${dossierThread}`);
    expect((await reply(tokens.otherOfficer, dossierThread, { text: "x" })).status).toBe(404);

    const messages = await eventually(() => messagesTo(citizen.zaloOaUserId), (m) => m.length > before);
    await waitForMessagesToSettle(stack.emulator.url, { quietMs: 500, timeoutMs: 15_000 });
    const arrived = (await messagesTo(citizen.zaloOaUserId)).slice(before);
    expect(messages.length).toBeGreaterThan(before);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({
      channel: "oa_template",
      templateId: "100003",
      templateData: { ma_ho_so: code, duong_dan: `https://zalo.me/s/3141592653589793/?pakn=${dossierThread}` },
    });
    expect(arrived[0]!.templateData!["noi_dung"]).toMatch(/^Hồ sơ đang chờ ký duyệt\. Đ+…$/u);
    expect(arrived[0]!.templateData!["noi_dung"]).toHaveLength(400);

    // The citizen reads the answer in the Mini App.
    const own = await call("api", "GET /v1/feedback/{id}", `/v1/feedback/${dossierThread}`, { token: tokens.citizen, pathParameters: { id: dossierThread } });
    expect(own.body["messages"].at(-1)).toMatchObject({ author: "staff", text });
    const answeredTab = await inbox(tokens.officer, "state=answered");
    expect(answeredTab.body["threads"][0]).toMatchObject({ id: dossierThread, lastMessage: { author: "staff" }, workingDaysLeft: null });
  });

  it("closes and reopens a thread (each once), refuses replies while closed, audits both", async () => {
    expect((await action(tokens.generalOfficer, generalThread, "close")).body).toMatchObject({ state: "da_dong", closedAt: expect.any(String) });
    expect((await action(tokens.generalOfficer, generalThread, "close")).body).toMatchObject({ error: { code: "ALREADY_CLOSED" } });
    expect((await reply(tokens.generalOfficer, generalThread, { text: "Cảm ơn góp ý" })).body).toMatchObject({ error: { code: "THREAD_CLOSED" } });
    expect(((await inbox(tokens.admin, "state=closed")).body["threads"] as { id: string }[]).map((t) => t.id)).toEqual([generalThread]);
    expect((await action(tokens.officer, generalThread, "reopen")).status).toBe(404);
    expect((await action(tokens.generalOfficer, generalThread, "reopen")).body).toMatchObject({ state: "dang_xu_ly", closedAt: null });
    expect((await action(tokens.generalOfficer, generalThread, "reopen")).body).toMatchObject({ error: { code: "NOT_CLOSED" } });
    const audit = await auditActions((await admin("GET /v1/admin/me", "/v1/admin/me", { token: tokens.generalOfficer })).body["zaloAppUserId"]);
    expect(audit).toEqual(expect.arrayContaining([`close_feedback ${generalThread}`, `reopen_feedback ${generalThread}`]));
  });

  it("counts open and late threads for the badge, in scope", async () => {
    const counts = async (token: string) => (await admin("GET /v1/admin/feedback/counts", "/v1/admin/feedback/counts", { token })).body;
    expect(await counts(tokens.admin)).toEqual({ open: 2, late: 1 });
    expect(await counts(tokens.generalOfficer)).toEqual({ open: 2, late: 1 });
    expect(await counts(tokens.officer)).toEqual({ open: 0, late: 0 });
    expect(await counts(tokens.otherOfficer)).toEqual({ open: 0, late: 0 });
  });
});

describe("delivery log", () => {
  it("lists a failed message for its agency's staff and admins, and a retry sends it exactly once", async () => {
    // The citizen has not verified his phone: dossier messages go by ZNS to the dossier's phone.
    const phone = `84${citizenPhone.slice(1)}`;
    const before = (await messagesTo(phone)).length;
    // Two template errors (-124 is not one: it is a token error) make the next send fail for good.
    await fetch(`${stack.emulator.url}/_emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ error: -109, count: 1 }) });
    await ingestEvent("inbox-test-processing", 4);
    const failed = await eventually(
      () => notifications(tokens.officer, "state=failed"),
      (response) => (response.body["notifications"] as unknown[] | undefined)?.length === 1,
    );
    const item = failed.body["notifications"][0] as Body;
    expect(item).toMatchObject({ kind: "dossier_status_changed", state: "failed", channel: "zns", recipient: "84******300", dossierCode: code, agencyCode: agency, attempts: 1, zaloMessageId: null });
    expect(item["reason"]).toContain("-109");
    expect((await notifications(tokens.admin, "state=failed")).body["notifications"]).toHaveLength(1);
    expect((await notifications(tokens.otherOfficer, "state=failed")).body["notifications"]).toHaveLength(0);
    expect((await notifications(tokens.otherOfficer, `dossier=${code}`)).body["notifications"]).toHaveLength(0);
    expect((await retry(tokens.otherOfficer, item["id"])).status).toBe(404);

    const retried = await retry(tokens.officer, item["id"]);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ state: "pending", attempts: 0, manualRetries: 1, reason: null });
    expect(await auditActions(ids.officer)).toContain(`retry_notification ${item["id"]}`);
    const after = await eventually(() => messagesTo(phone), (m) => m.length > before);
    await waitForMessagesToSettle(stack.emulator.url, { quietMs: 500, timeoutMs: 15_000 });
    expect((await messagesTo(phone)).length - before).toBe(1);
    expect(after.at(-1)!.templateData!["ma_ho_so"]).toBe(code);
    expect((await retry(tokens.officer, item["id"])).body).toMatchObject({ error: { code: "NOT_RETRYABLE" } });
    expect((await notifications(tokens.officer, "state=failed")).body["notifications"]).toHaveLength(0);

    const log = (await notifications(tokens.officer, `dossier=${code}`)).body["notifications"] as Body[];
    expect(log.map((entry) => [entry["kind"], entry["state"]])).toEqual([
      ["dossier_received", "sent"],
      ["feedback_reply", "sent"],
      ["dossier_status_changed", "sent"],
    ]);
    expect(log[2]).toMatchObject({ zaloMessageId: expect.any(String), manualRetries: 1, attempts: 1 });
    expect((await notifications(tokens.officer, `state=sent&dossier=${code}`)).body["notifications"]).toHaveLength(3);
  });

  it("refuses sent without a dossier, bad codes and cursors; an announcement is for admins only", async () => {
    expect((await notifications(tokens.admin, "state=sent")).body).toMatchObject({ error: { code: "DOSSIER_REQUIRED" } });
    expect((await notifications(tokens.admin, "dossier=%20")).status).toBe(400);
    expect((await notifications(tokens.admin, "state=lost")).body).toMatchObject({ error: { code: "INVALID_QUERY" } });
    expect((await notifications(tokens.admin, "limit=51")).status).toBe(400);
    expect((await notifications(tokens.admin, "limit=50")).status).toBe(200);
    expect((await notifications(tokens.admin, "cursor=bm90LWEtY3Vyc29y")).body).toMatchObject({ error: { code: "INVALID_CURSOR" } });

    const client = createDocumentClient({ region: "ap-southeast-1", endpoint: stack.table.endpoint });
    const finishedAt = clock.now().toISOString();
    await client.send(
      new PutCommand({
        TableName: stack.config.tableName,
        Item: outboxItemInState("undeliverable", "announcement-item-1", { kind: "announcement", announcementId: "a1", title: "Nghỉ lễ", summary: "…", zaloAppUserId: citizen.zaloAppUserId }, finishedAt, {
          reason: "not_a_follower",
        }),
      }),
    );
    expect(((await notifications(tokens.admin, "state=undeliverable")).body["notifications"] as { id: string }[]).map((n) => n.id)).toEqual(["announcement-item-1"]);
    expect((await notifications(tokens.generalOfficer, "state=undeliverable")).body["notifications"]).toEqual([]);
    expect((await retry(tokens.officer, "announcement-item-1")).status).toBe(404);
  });
});

describe("access patterns", () => {
  const calendar = holidayCalendar([]);

  it("access pattern: feedback threads of several states merged, earliest deadline first, paged, bounded by a deadline", async () => {
    const repository = new DynamoDbFeedbackRepository(stack.table.table);
    const threadAt = async (id: string, day: string, reopened: boolean) => {
      const created = newFeedbackThread({ id, messageId: `${id}-m`, zaloAppUserId: "9", type: "hoi_dap", text: id, dossierCode: null, channel: "mini_app", now: new Date(`${day}T03:00:00Z`), calendar });
      const thread = { ...created.thread, state: reopened ? ("dang_xu_ly" as const) : ("moi" as const) };
      await repository.create(thread, created.message);
    };
    // Deadlines in 2020 sort before every thread of the other tests.
    await threadAt("ap-a", "2020-01-06", false);
    await threadAt("ap-b", "2020-01-07", true);
    await threadAt("ap-c", "2020-01-08", false);
    await threadAt("ap-d", "2020-01-09", true);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const result = await repository.pageByStates(["moi", "dang_xu_ly"], { after, limit: 2, dueBefore: "2021-01-01T00:00:00.000Z" });
      seen.push(...result.threads.map((t) => t.id));
      after = result.next;
      if (after === null) break;
    }
    expect(seen).toEqual(["ap-a", "ap-b", "ap-c", "ap-d"]);
    expect((await repository.pageByStates(["dang_xu_ly"], { after: null, limit: 10, dueBefore: "2021-01-01T00:00:00.000Z" })).threads.map((t) => t.id)).toEqual(["ap-b", "ap-d"]);
  });

  it("access pattern: failed and undeliverable outbox items by state (sparse GSI1), newest first; a dossier's delivery log by GSI2", async () => {
    const outbox = new DynamoDbOutboxRepository(stack.table.table);
    const undeliverable = await outbox.listByState("undeliverable", { after: null, limit: 10 });
    expect(undeliverable.items.map((item) => item.id)).toContain("announcement-item-1");
    const byDossier = await outbox.listByDossier(code, { after: null, limit: 2 });
    expect(byDossier.items).toHaveLength(2);
    const rest = await outbox.listByDossier(code, { after: byDossier.next, limit: 2 });
    expect(rest.items.map((item) => item.notification.kind)).toEqual(["dossier_status_changed"]);
    expect((await outbox.listByState("failed", { after: null, limit: 10 })).items).toEqual([]);
  });
});

describe("a question naming a dossier", () => {
  it("files a question naming someone else's or an unknown dossier in the general inbox, answered alike", async () => {
    const answers = [];
    for (const dossierCode of [code, "000.00.20.H27-261120-9999"]) {
      const response = await call("api", "POST /v1/feedback", "/v1/feedback", { token: tokens.otherOfficer, body: { type: "hoi_dap", text: "Hồ sơ này đến đâu rồi?", dossierCode } });
      expect(response.status).toBe(201);
      const { id, createdAt, replyDueAt, lastMessageAt, ...rest } = response.body as Record<string, unknown>;
      answers.push(rest);
      expect((await new DynamoDbFeedbackRepository(stack.table.table).get(String(id)))?.thread.agencyCode ?? null).toBeNull();
      expect([createdAt, replyDueAt, lastMessageAt].every((value) => typeof value === "string")).toBe(true);
    }
    expect({ ...answers[0], dossierCode: null }).toEqual({ ...answers[1], dossierCode: null });
  });
});
