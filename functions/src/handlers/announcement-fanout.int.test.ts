import type { DynamoDBStreamEvent } from "aws-lambda";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eventually, waitForMessagesToSettle } from "../../test/eventually.js";
import { apiGatewayEvent } from "../../test/api-gateway-event.js";
import { startNotifyPoller, type StreamPoller } from "../../test/stream-poller.js";
import { startTestStack } from "../../test/test-stack.js";
import { HmacPhoneHasher } from "../adapters/crypto/hmac-phone-hasher.js";
import { DynamoDbAnnouncementFanoutRepository } from "../adapters/dynamodb/dynamodb-announcement-fanout-repository.js";
import { DynamoDbAnnouncementRepository } from "../adapters/dynamodb/dynamodb-announcement-repository.js";
import { DynamoDbCitizenRepository } from "../adapters/dynamodb/dynamodb-citizen-repository.js";
import { composeDependencies } from "../composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../composition/http-handlers.js";
import { announcementLimits, announcementOutboxId } from "../domain/announcement-fanout.js";
import { DynamoDbOutboxRepository } from "../adapters/dynamodb/dynamodb-outbox-repository.js";
import type { AnnouncementFanoutRepository } from "../ports/announcement-fanout-repository.js";
import { fanOutStepUseCase } from "../use-cases/announcement-fanout.js";
import { notifyHandlerFrom, wakeOutboxHandlerFrom } from "../composition/stream-handlers.js";
import { fanoutStallMs } from "../domain/announcement-fanout.js";
import { shiftedClock } from "../adapters/system/shifted-clock.js";

// The fan-out runs on a working morning it sets, not on the wall clock: the Vietnam day (the daily quota's) must not
// turn mid-run, whenever the suite runs.
const clock = shiftedClock(new Date("2026-11-24T09:00:00+07:00"));

// Seven pages of recipients: enough for a crash after page 2 and before page 5, and a stall after page 3. Each
// message goes through DynamoDB Local, its stream and the emulator, so the population is kept to what paging needs.
const pageSize = 15;
/** Opted-in followers Zalo still knows; one more (gone) is targeted and found no longer following: 100 in all. */
const optedInCount = 99;
const targeted = optedInCount + 1;
let stack: Awaited<ReturnType<typeof startTestStack>>;
let handlers: Record<"api" | "admin", HttpHandler>;
let poller: StreamPoller;
let notify: (event: DynamoDBStreamEvent) => Promise<unknown>;
let deps: ReturnType<typeof composeDependencies>;
let citizens: DynamoDbCitizenRepository;
let fanouts: DynamoDbAnnouncementFanoutRepository;
let adminToken = "";
/** The stream poller's log (it says when it drops records that ran out of retries). */
const pollerLog: string[] = [];
/** OA ids of the opted-in followers that Zalo still knows as followers: each must get exactly one message. */
const reachable: string[] = [];
/** OA ids that must get nothing: following but not opted in, opted in and then unfollowed or opted out. */
const silent: string[] = [];
/** Opted in and a follower in our records, but Zalo says no longer following (-213): undeliverable. */
const gone: string[] = [];
/** The same citizen's app-scoped id (the outbox item's id is built from it). */
let goneAppUserId = "";

async function createUsers(count: number, follower = true) {
  const users = [];
  for (let start = 0; start < count; start += 25) {
    users.push(...(await Promise.all(Array.from({ length: Math.min(25, count - start) }, () => stack.createZaloUser("Công dân", "0900000000", follower)))));
  }
  return users;
}

beforeAll(async () => {
  stack = await startTestStack({ NOTIFY_RETRY_BASE_MS: "10", NOTIFY_RETRY_MAX_MS: "50", ZALO_SEND_RATE_PER_SECOND: "1000" }, { clock });
  const [admin] = await createUsers(1);
  stack.config.firstAdminZaloAppUserId = admin!.zaloAppUserId;
  adminToken = admin!.accessToken;
  deps = composeDependencies(stack.config, { clock, fanoutPageSize: pageSize });
  handlers = httpHandlersFrom(deps);
  citizens = new DynamoDbCitizenRepository(stack.table.table, new HmacPhoneHasher(stack.config.phoneHmacKey));
  fanouts = new DynamoDbAnnouncementFanoutRepository(stack.table.table);
  notify = notifyHandlerFrom(deps);
  poller = await startNotifyPoller(stack, (event) => notify(event) as never, { retryDelayMs: 100, maxRetries: 5, log: (line) => void pollerLog.push(line) });

  const at = clock.now().toISOString();
  const follow = (user: { zaloAppUserId: string; zaloOaUserId: string }, isFollower = true, when = at) =>
    citizens.recordFollowState({ zaloAppUserId: user.zaloAppUserId, zaloOaUserId: user.zaloOaUserId, isFollower, at: when });
  const optedIn = await createUsers(optedInCount);
  for (const user of optedIn) {
    await follow(user);
    await citizens.setAnnouncementSubscription(user.zaloAppUserId, true, at);
    reachable.push(user.zaloOaUserId);
  }
  const [notOptedIn1, notOptedIn2, unfollowed, optedOut] = await createUsers(4);
  for (const user of [notOptedIn1!, notOptedIn2!]) await follow(user);
  await follow(unfollowed!);
  await citizens.setAnnouncementSubscription(unfollowed!.zaloAppUserId, true, at);
  await follow(unfollowed!, false, new Date(clock.now().getTime() + 1000).toISOString());
  await follow(optedOut!);
  await citizens.setAnnouncementSubscription(optedOut!.zaloAppUserId, true, at);
  await citizens.setAnnouncementSubscription(optedOut!.zaloAppUserId, false, at);
  silent.push(notOptedIn1!.zaloOaUserId, notOptedIn2!.zaloOaUserId, unfollowed!.zaloOaUserId, optedOut!.zaloOaUserId);
  const [left] = await createUsers(1, false);
  await follow(left!);
  await citizens.setAnnouncementSubscription(left!.zaloAppUserId, true, at);
  gone.push(left!.zaloOaUserId);
  goneAppUserId = left!.zaloAppUserId;
}, 120_000);

// A -213 records that the citizen left (the first test checks it). The later tests keep them in our records as a
// follower Zalo no longer knows, by a follow state dated after anything the notify function records.
let restored = 0;
afterEach(async () => {
  restored += 1;
  const at = new Date(Date.parse("2100-01-01T00:00:00.000Z") + restored * 1000).toISOString();
  await citizens.recordFollowState({ zaloAppUserId: goneAppUserId, zaloOaUserId: gone[0]!, isFollower: true, at });
});

afterAll(async () => {
  await poller?.stop();
  await stack?.stop();
});

async function admin(routeKey: string, path: string, body?: unknown, token = adminToken) {
  const id = path.split("/")[4];
  const response = await handlers.admin(
    apiGatewayEvent({
      routeKey,
      rawPath: path,
      ...(id ? { pathParameters: { id } } : {}),
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    }),
  );
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON answer read field by field
  return { status: response.statusCode, body: JSON.parse(String(response.body ?? "null")) as Record<string, any> };
}

async function messages(): Promise<{ channel: string; recipient: string; templateId?: string; templateData?: Record<string, string> }[]> {
  const response = await fetch(`${stack.emulator.url}/_emulator/messages`);
  return ((await response.json()) as { messages: never[] }).messages;
}

async function finalProgress(id: string) {
  return eventually(
    async () => (await admin("GET /v1/admin/announcements/{id}", `/v1/admin/announcements/${id}`)).body["progress"],
    (progress) => progress.state === "done" && progress.pending === 0,
    90_000,
  );
}

function perRecipient(list: { recipient: string; templateData?: Record<string, string> }[], title: string) {
  const counts = new Map<string, number>();
  for (const message of list) {
    if (message.templateData?.["tieu_de"] !== title) continue;
    counts.set(message.recipient, (counts.get(message.recipient) ?? 0) + 1);
  }
  return counts;
}

/** The real fan-out repository with its page write replaced, to inject a crash or an outage. */
function fanoutsWithPageWrite(writePage: AnnouncementFanoutRepository["writePage"]): AnnouncementFanoutRepository {
  return {
    publish: (a, f) => fanouts.publish(a, f),
    getFanout: (id) => fanouts.getFanout(id),
    progress: (id) => fanouts.progress(id),
    nudgeStalled: (before, now, limit) => fanouts.nudgeStalled(before, now, limit),
    markPaused: (id, until) => fanouts.markPaused(id, until),
    writePage,
  };
}

/** The notify function whose fan-out steps use `fanoutRepository`. */
function notifyWithFanouts(fanoutRepository: AnnouncementFanoutRepository) {
  const announcements = new DynamoDbAnnouncementRepository(stack.table.table);
  return notifyHandlerFrom({ ...deps, fanOutStep: fanOutStepUseCase({ fanouts: fanoutRepository, announcements, citizens, clock: deps.clock, pageSize }) });
}

describe("announcement fan-out on DynamoDB Local and the Zalo emulator", () => {
  it("sends exactly one OA message per opted-in follower and counts the outcomes", async () => {
    const title = "Thủ tục mới: cấp bản sao trích lục hộ tịch trực tuyến";
    const published = await admin("POST /v1/admin/announcements", "/v1/admin/announcements", {
      kind: "new_procedure",
      title,
      body: "Từ 01/12/2026 công dân có thể đề nghị cấp bản sao trích lục hộ tịch trực tuyến.",
      link: "https://dichvucong.gov.vn/",
    });
    expect(published.status).toBe(201);
    expect(published.body["progress"]).toMatchObject({ state: "running", written: 0, pending: 0 });
    const progress = await finalProgress(published.body["announcement"].id);
    expect(progress).toMatchObject({ state: "done", targeted, written: targeted, sent: optedInCount, undeliverable: 1, failed: 0, pending: 0 });

    const counts = perRecipient(await messages(), title);
    expect([...counts.keys()].sort()).toEqual([...reachable].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    for (const id of [...silent, ...gone]) expect(counts.has(id)).toBe(false);
    const sample = (await messages()).find((m) => m.templateData?.["tieu_de"] === title)!;
    expect(sample).toMatchObject({ channel: "oa_template", templateId: "100002" });
    expect(sample.templateData?.["duong_dan"]).toMatch(/^https:\/\/zalo\.me\/s\/3141592653589793\/\?tb=/);

    const list = await admin("GET /v1/admin/announcements", "/v1/admin/announcements");
    expect(list.body["announcements"][0]).toMatchObject({ announcement: { title }, progress: { sent: optedInCount } });
    // Zalo's -213 is recorded: the citizen is no longer a follower in our records, nor a recipient of the next one.
    expect(await citizens.get(goneAppUserId)).toMatchObject({ isFollower: false });
    expect(await citizens.countAnnouncementSubscribers()).toBe(optedInCount);
  }, 120_000);

  it("a crash after page 2 and another before page 5 resume from the cursor: no duplicates, no losses", async () => {
    let writes = 0;
    let crashedAfter = false;
    let crashedBefore = false;
    const crashing = fanoutsWithPageWrite(async (page) => {
      if (writes === 4 && !crashedBefore) {
        crashedBefore = true;
        throw new Error("injected crash before page 5");
      }
      const result = await fanouts.writePage(page);
      if (result === "written") writes += 1;
      if (writes === 2 && !crashedAfter) {
        crashedAfter = true;
        throw new Error("injected crash after page 2");
      }
      return result;
    });
    notify = notifyWithFanouts(crashing);

    const title = "Bãi bỏ thủ tục cấp giấy xác nhận tình trạng hôn nhân bản giấy";
    const published = await admin("POST /v1/admin/announcements", "/v1/admin/announcements", { kind: "abolished_procedure", title, body: "Nội dung" });
    const progress = await finalProgress(published.body["announcement"].id);
    expect(crashedAfter && crashedBefore).toBe(true);
    expect(progress).toMatchObject({ state: "done", written: targeted, sent: optedInCount, undeliverable: 1, failed: 0, pending: 0 });
    const counts = perRecipient(await messages(), title);
    expect(counts.size).toBe(optedInCount);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  }, 120_000);

  it("a step whose record runs out of retries leaves the job running; the waker, once it is stalled, gets it finished", async () => {
    let broken = true;
    let writes = 0;
    let failures = 0;
    const failing = fanoutsWithPageWrite(async (page) => {
      if (writes === 3 && broken) {
        failures += 1;
        throw new Error("injected: the page write keeps failing");
      }
      const result = await fanouts.writePage(page);
      if (result === "written") writes += 1;
      return result;
    });
    notify = notifyWithFanouts(failing);

    const title = "Thông báo: tạm dừng tiếp nhận hồ sơ trực tiếp ngày 30/11";
    const published = await admin("POST /v1/admin/announcements", "/v1/admin/announcements", { kind: "notice", title, body: "Nội dung" });
    const id = published.body["announcement"].id as string;
    const dropped = pollerLog.length;
    await eventually(
      async () => pollerLog.slice(dropped),
      (lines) => lines.some((line) => line.includes("dropping")),
      30_000,
    );
    expect(failures).toBe(6); // the first call and the poller's 5 retries
    // Once the first pages' messages have stopped going out, the run stands still where the failure left it.
    await waitForMessagesToSettle(stack.emulator.url, { quietMs: 500, timeoutMs: 30_000 });
    expect(await fanouts.getFanout(id)).toMatchObject({ state: "running", pages: 3, written: 3 * pageSize });
    expect(failures).toBe(6); // nothing brings it back by itself

    broken = false; // the dependency recovers; nothing would write the next page without the waker
    const realWaker = wakeOutboxHandlerFrom(deps);
    expect((await realWaker()).fanoutsNudged).toBe(0); // not stalled yet
    const later = wakeOutboxHandlerFrom({ ...deps, clock: { now: () => new Date(clock.now().getTime() + fanoutStallMs + 60_000) } });
    expect((await later()).fanoutsNudged).toBe(1);
    expect((await later()).fanoutsNudged).toBe(0); // nudged once; its stall clock restarted

    const progress = await finalProgress(id);
    expect(progress).toMatchObject({ state: "done", targeted, written: targeted, sent: optedInCount, undeliverable: 1, failed: 0, pending: 0 });
    const counts = perRecipient(await messages(), title);
    expect([...counts.keys()].sort()).toEqual([...reachable].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  }, 120_000);

  it("a message retried from the delivery log takes its old count back: the progress counts it once, in its new state", async () => {
    notify = notifyHandlerFrom(deps);
    const title = "Thông báo: lịch tiếp công dân tháng 12";
    const published = await admin("POST /v1/admin/announcements", "/v1/admin/announcements", { kind: "notice", title, body: "Nội dung" });
    const id = published.body["announcement"].id as string;
    expect(await finalProgress(id)).toMatchObject({ written: targeted, sent: optedInCount, undeliverable: 1, failed: 0 });
    const outbox = new DynamoDbOutboxRepository(stack.table.table);
    const itemId = announcementOutboxId(id, goneAppUserId);
    const retry = () => admin("POST /v1/admin/notifications/{id}/retry", `/v1/admin/notifications/${itemId}/retry`);
    const finishedAgain = (retries: number) =>
      eventually(() => outbox.get(itemId), (item) => item?.manualRetries === retries && item.finishedAt !== null, 30_000);

    // Still not a follower: undeliverable again, counted once (not 2).
    expect((await retry()).status).toBe(200);
    expect(await finishedAgain(1)).toMatchObject({ state: "undeliverable" });
    expect(await finalProgress(id)).toMatchObject({ written: targeted, sent: optedInCount, undeliverable: 1, failed: 0, pending: 0 });

    // Follows the OA again: the next retry is sent, and leaves the undeliverable count.
    const followed = await fetch(`${stack.emulator.url}/_emulator/users/${goneAppUserId}/follow`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ follower: true }),
    });
    expect(followed.status).toBe(200);
    expect((await retry()).status).toBe(200);
    expect(await finishedAgain(2)).toMatchObject({ state: "sent" });
    expect(await finalProgress(id)).toMatchObject({ written: targeted, sent: targeted, undeliverable: 0, failed: 0, pending: 0 });
    expect(perRecipient(await messages(), title).get(gone[0]!)).toBe(1);
    // A retry of a sent message is refused and changes no count.
    expect((await retry()).body).toMatchObject({ error: { code: "NOT_RETRYABLE" } });
    expect((await fanouts.progress(id))?.tally).toEqual({ sent: targeted, failed: 0, undeliverable: 0 });
  }, 120_000);

  it("refuses bad announcements with JSON errors at each limit and just past it, writing nothing", async () => {
    const post = (body: unknown) => admin("POST /v1/admin/announcements", "/v1/admin/announcements", body);
    const before = (await admin("GET /v1/admin/announcements", "/v1/admin/announcements")).body["announcements"].length;
    const base = { kind: "notice", title: "T", body: "B" };
    const link = (length: number) => `https://example.vn/${"a".repeat(length - "https://example.vn/".length)}`;
    const refused = [
      { ...base, title: "Đ".repeat(announcementLimits.titleLength + 1) },
      { ...base, body: "Đ".repeat(announcementLimits.bodyLength + 1) },
      { ...base, link: link(announcementLimits.linkLength + 1) },
      { ...base, link: "http://example.vn/" },
      { ...base, title: "   " },
      { ...base, kind: "changed" },
      { ...base, extra: 1 },
    ];
    for (const body of refused) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(response.body["error"]).toMatchObject({ code: "INVALID_INPUT" });
    }
    expect((await post("{not json")).body["error"].code).toBe("MALFORMED_JSON");
    expect((await admin("GET /v1/admin/announcements", "/v1/admin/announcements")).body["announcements"].length).toBe(before);
    const atLimit = await post({
      kind: "notice",
      title: "Đ".repeat(announcementLimits.titleLength),
      body: "Đ".repeat(announcementLimits.bodyLength),
      link: link(announcementLimits.linkLength),
    });
    expect(atLimit.status).toBe(201);
    await finalProgress(atLimit.body["announcement"].id);
    expect((await admin("GET /v1/admin/announcements/{id}", "/v1/admin/announcements/nope")).status).toBe(404);
  }, 120_000);

  it("a citizen turns the subscription on and off; GET /v1/me shows it; a bad body is refused", async () => {
    const [citizen] = await createUsers(1);
    const call = (routeKey: string, body?: string) =>
      handlers.api(
        apiGatewayEvent({
          routeKey,
          rawPath: routeKey.split(" ")[1]!,
          headers: { authorization: `Bearer ${citizen!.accessToken}`, "content-type": "application/json" },
          ...(body !== undefined ? { body } : {}),
        }),
      );
    const me = JSON.parse(String((await call("GET /v1/me")).body));
    expect(me.announcements).toEqual({ subscribed: false, changedAt: null, receiving: false });
    const on = await call("PUT /v1/me/announcement-subscription", JSON.stringify({ subscribed: true }));
    expect(on.statusCode).toBe(200);
    expect(JSON.parse(String(on.body)).announcements).toMatchObject({ subscribed: true, receiving: true });
    expect(await citizens.listAnnouncementSubscribers({ after: citizen!.zaloAppUserId.slice(0, -1), limit: 1000 })).toMatchObject({
      zaloAppUserIds: expect.arrayContaining([citizen!.zaloAppUserId]),
    });
    for (const bad of ['{"subscribed": "yes"}', "{}", '{"subscribed": true, "x": 1}', "nope"]) {
      const response = await call("PUT /v1/me/announcement-subscription", bad);
      expect(response.statusCode).toBe(400);
      expect(JSON.parse(String(response.body)).error.code).toBe("INVALID_BODY");
    }
    const off = await call("PUT /v1/me/announcement-subscription", JSON.stringify({ subscribed: false }));
    expect(JSON.parse(String(off.body)).announcements).toMatchObject({ subscribed: false, receiving: false });
    expect(JSON.parse(String((await call("GET /v1/me")).body)).announcements.subscribed).toBe(false);
  }, 60_000);
});
