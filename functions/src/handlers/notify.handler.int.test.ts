import { GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import type { DynamoDBStreamEvent } from "aws-lambda";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { firstIngestEvent, signedIngestRequest } from "../../test/builders.js";
import { eventually, waitForMessagesToSettle } from "../../test/eventually.js";
import { startNotifyPoller, type StreamPoller } from "../../test/stream-poller.js";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { outboxItemFor } from "../adapters/dynamodb/dossier-items.js";
import { startTestStack, testSecrets } from "../../test/test-stack.js";
import { HmacPhoneHasher } from "../adapters/crypto/hmac-phone-hasher.js";
import { keys } from "../adapters/dynamodb/keys.js";
import { composeDependencies } from "../composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../composition/http-handlers.js";
import { notifyHandlerFrom, wakeOutboxHandlerFrom } from "../composition/stream-handlers.js";
import { indexNames } from "../adapters/dynamodb/table-definition.js";

let stack: Awaited<ReturnType<typeof startTestStack>>;
let ingest: HttpHandler;
let notify: ReturnType<typeof notifyHandlerFrom>;
let wake: ReturnType<typeof wakeOutboxHandlerFrom>;
let poller: StreamPoller;
// Daytime in Vietnam unless a test moves it (quiet hours).
let now = new Date("2026-11-02T03:00:00Z");
const clock = { now: () => now };

beforeAll(async () => {
  stack = await startTestStack({
    NOTIFY_RETRY_BASE_MS: "10",
    NOTIFY_RETRY_MAX_MS: "50",
    NOTIFY_MAX_ATTEMPTS: "4",
    ZALO_SEND_RATE_PER_SECOND: "1000",
  });
  const deps = composeDependencies(stack.config, { clock });
  ({ ingest } = httpHandlersFrom(deps));
  notify = notifyHandlerFrom(deps);
  wake = wakeOutboxHandlerFrom(deps);
  poller = await startNotifyPoller(stack, (event) => notify(event));
});
afterAll(async () => {
  await poller?.stop();
  await stack?.stop();
});
beforeEach(async () => {
  now = new Date("2026-11-02T03:00:00Z");
  await emulator("/_emulator/faults", { clear: true });
});

type EmulatorMessage = { channel: string; recipient: string; templateId?: string; templateData?: Record<string, string>; messageId: string };

async function emulator(path: string, body: unknown) {
  const response = await fetch(`${stack.emulator.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function messagesTo(recipient: string): Promise<EmulatorMessage[]> {
  const response = await fetch(`${stack.emulator.url}/_emulator/messages`);
  const { messages } = (await response.json()) as { messages: EmulatorMessage[] };
  return messages.filter((message) => message.recipient === recipient);
}

let sequence = 0;
/** A fresh phone number per test, so messages and citizens never mix between tests. */
function newPhone() {
  sequence += 1;
  return `0913${String(100000 + sequence).padStart(6, "0")}`;
}
const international = (phone: string) => `84${phone.slice(1)}`;

function newCode() {
  return `000.00.20.H27-261102-${String(2000 + sequence).padStart(4, "0")}`;
}

/** A citizen who verified `phone` (as the phone-number exchange records it) and follows the OA (or not). */
async function verifiedCitizen(phone: string, options: { followsInZalo: boolean; followsInOurRecords: boolean }) {
  const user = await stack.createZaloUser("Trần Thị Bình", phone, options.followsInZalo);
  const hasher = new HmacPhoneHasher(testSecrets.phoneKey);
  await stack.table.documentClient.send(
    new UpdateCommand({
      TableName: stack.config.tableName,
      Key: keys.citizen(user.zaloAppUserId),
      UpdateExpression:
        "SET #type = :type, zaloAppUserId = :app, zaloOaUserId = :oa, isFollower = :follower, followerStateAt = :at, " +
        "verifiedPhone = :phone, phoneVerifiedAt = :at, createdAt = :at, updatedAt = :at, GSI1PK = :gpk, GSI1SK = :gsk",
      ExpressionAttributeNames: { "#type": "type" },
      ExpressionAttributeValues: {
        ":type": "Citizen",
        ":app": user.zaloAppUserId,
        ":oa": user.zaloOaUserId,
        ":follower": options.followsInOurRecords,
        ":at": "2026-11-01T00:00:00.000Z",
        ":phone": international(phone),
        ...Object.fromEntries(
          Object.entries(keys.citizenByPhone(hasher.hash(international(phone)), user.zaloAppUserId)).map(([k, v]) => [
            k === "GSI1PK" ? ":gpk" : ":gsk",
            v,
          ]),
        ),
      },
    }),
  );
  return user;
}

function event(code: string, phone: string, status: number, suffix: string, occurredAt: string) {
  return firstIngestEvent(code, { eventId: `${code}-${suffix}`, status, occurredAt, applicantPhone: phone, receivedAt: "2026-11-02T08:15:00+07:00" });
}

async function ingestEvents(events: unknown[]) {
  const response = await ingest(signedIngestRequest(events, String(Math.floor(now.getTime() / 1000))));
  expect(response.statusCode).toBe(200);
}

async function outboxOf(code: string) {
  const { QueryCommand } = await import("@aws-sdk/lib-dynamodb");
  const result = await stack.table.documentClient.send(
    new QueryCommand({
      TableName: stack.config.tableName,
      IndexName: indexNames.gsi2,
      KeyConditionExpression: "GSI2PK = :pk",
      ExpressionAttributeValues: { ":pk": `OUTBOX_DOSSIER#${code}` },
      ConsistentRead: false,
    }),
  );
  return (result.Items ?? []) as Array<Record<string, unknown>>;
}


const finished = (items: Array<Record<string, unknown>>, count: number) =>
  items.length === count && items.every((item) => ["sent", "failed", "undeliverable"].includes(String(item["state"])));

describe("notify: outbox → stream → Zalo", () => {
  it("sends an OA template message to a follower for a received dossier and for a status change, with the deep link", async () => {
    const phone = newPhone();
    const user = await verifiedCitizen(phone, { followsInZalo: true, followsInOurRecords: true });
    const code = newCode();
    await ingestEvents([event(code, phone, 2, "received", "2026-11-02T08:15:00+07:00")]);
    await ingestEvents([event(code, phone, 4, "processing", "2026-11-02T09:00:00+07:00")]);

    const messages = await eventually(() => messagesTo(user.zaloOaUserId), (m) => m.length >= 2);
    expect(messages).toHaveLength(2);
    expect(messages.map((m) => m.channel)).toEqual(["oa_template", "oa_template"]);
    expect(messages[1]).toMatchObject({
      templateId: "100001",
      templateData: {
        ma_ho_so: code,
        thu_tuc: "Đăng ký khai sinh",
        ngay_hen_tra: "09/11/2026",
        tieu_de: "Hồ sơ của bạn đã chuyển trạng thái",
      },
    });
    expect(messages[1]!.templateData!["duong_dan"]).toMatch(new RegExp(`^https://zalo\\.me/s/3141592653589793/\\?hs=${code.replaceAll(".", "\\.")}&k=[A-Za-z0-9_-]{16}$`));

    const items = await eventually(() => outboxOf(code), (items) => finished(items, 2));
    expect(items.map((item) => item["state"])).toEqual(["sent", "sent"]);
    expect(items.map((item) => item["zaloMessageId"]).sort()).toEqual(messages.map((m) => m.messageId).sort());
    expect(items.every((item) => item["channel"] === "oa_template" && item["attempts"] === 1)).toBe(true);
  });

  it("sends the result-ready message and, once, the invitation to rate it", async () => {
    const phone = newPhone();
    const user = await verifiedCitizen(phone, { followsInZalo: true, followsInOurRecords: true });
    const code = newCode();
    // A life that ended before the test's clock: the ingest refuses events dated ahead of it.
    await ingestEvents([event(code, phone, 2, "received", "2026-10-27T08:15:00+07:00")]);
    await ingestEvents([event(code, phone, 9, "done", "2026-10-30T09:00:00+07:00")]);
    await ingestEvents([event(code, phone, 10, "handed", "2026-10-31T09:00:00+07:00")]);

    const messages = await eventually(() => messagesTo(user.zaloOaUserId), (m) => m.length >= 4);
    const titles = messages.map((m) => m.templateData?.["tieu_de"]);
    expect(titles.filter((t) => t?.includes("đánh giá"))).toHaveLength(1);
    expect(titles).toContain("Hồ sơ của bạn đã có kết quả, mời bạn đến nhận");
    const items = await eventually(() => outboxOf(code), (items) => finished(items, 4));
    expect(items.map((item) => item["state"])).toEqual(["sent", "sent", "sent", "sent"]);
  });

  it("sends one message when the same stream record is delivered twice, even at the same time", async () => {
    const phone = newPhone();
    const user = await verifiedCitizen(phone, { followsInZalo: true, followsInOurRecords: true });
    const code = newCode();
    await ingestEvents([event(code, phone, 2, "received", "2026-11-02T08:15:00+07:00")]);
    const [item] = await eventually(() => outboxOf(code), (items) => finished(items, 1));

    const pending: Record<string, unknown> = { ...item!, state: "pending", attempts: 0 };
    delete pending["zaloMessageId"];
    const record: DynamoDBStreamEvent = {
      Records: [
        {
          eventID: "replayed",
          eventName: "INSERT",
          eventSource: "aws:dynamodb",
          dynamodb: {
            Keys: marshall({ PK: pending["PK"], SK: pending["SK"] }) as never,
            NewImage: marshall(pending, { removeUndefinedValues: true }) as never,
            SequenceNumber: "1",
          },
        },
      ],
    };
    const results = await Promise.all([notify(record), notify(record), notify(record)]);
    expect(results.every((result) => result.batchItemFailures.length === 0)).toBe(true);
    expect(await messagesTo(user.zaloOaUserId)).toHaveLength(1);
  });

  it("retries rate limits (-32) and 5xx answers with backoff, then records the message as sent", async () => {
    const phone = newPhone();
    const user = await verifiedCitizen(phone, { followsInZalo: true, followsInOurRecords: true });
    await emulator("/_emulator/faults", { count: 1, error: -32 });
    await emulator("/_emulator/faults", { count: 2, httpStatus: 503 });
    const code = newCode();
    await ingestEvents([event(code, phone, 2, "received", "2026-11-02T08:15:00+07:00")]);

    const [item] = await eventually(() => outboxOf(code), (items) => finished(items, 1));
    expect(item).toMatchObject({ state: "sent", attempts: 4, channel: "oa_template" });
    expect(await messagesTo(user.zaloOaUserId)).toHaveLength(1);
  });

  it("records an item that exhausts its retries as failed and puts it in the dead-letter queue", async () => {
    const phone = newPhone();
    const user = await verifiedCitizen(phone, { followsInZalo: true, followsInOurRecords: true });
    await emulator("/_emulator/faults", { count: 4, error: -32 });
    const code = newCode();
    await ingestEvents([event(code, phone, 2, "received", "2026-11-02T08:15:00+07:00")]);

    const [item] = await eventually(() => outboxOf(code), (items) => finished(items, 1));
    expect(item).toMatchObject({ state: "failed", attempts: 4 });
    expect(String(item!["reason"])).toMatch(/^retries_exhausted: -32/);
    const letter = await eventually(
      () => stack.table.documentClient.send(new GetCommand({ TableName: stack.config.tableName, Key: keys.deadLetter(String(item!["id"])) })),
      (result) => result.Item !== undefined,
    );
    expect(letter.Item).toMatchObject({ outboxId: item!["id"], attempts: 4, notification: { dossierCode: code } });
    expect(await messagesTo(user.zaloOaUserId)).toHaveLength(0);
  });

  describe("a retry's backoff: slept inline up to NOTIFY_INLINE_RETRY_MAX_MS, past it the item is postponed for the waker", () => {
    // Base 1000 ms and the jitter pinned at 0.5: the first retry waits exactly 500 ms.
    const withInlineMax = (inlineRetryMaxMs: number) => {
      const config = { ...stack.config, notify: { ...stack.config.notify, retryBaseMs: 1000, retryMaxMs: 8000, inlineRetryMaxMs } };
      return notifyHandlerFrom(composeDependencies(config, { clock, random: () => 0.5 }));
    };
    let restore: typeof notify;
    beforeEach(() => {
      restore = notify;
    });
    afterEach(() => {
      notify = restore;
    });

    it("a 500 ms backoff at a 500 ms threshold is slept inside the call", async () => {
      notify = withInlineMax(500);
      const phone = newPhone();
      const user = await verifiedCitizen(phone, { followsInZalo: true, followsInOurRecords: true });
      await emulator("/_emulator/faults", { count: 1, error: -32 });
      const code = newCode();
      await ingestEvents([event(code, phone, 2, "received", "2026-11-02T08:15:00+07:00")]);
      const [item] = await eventually(() => outboxOf(code), (items) => finished(items, 1));
      expect(item).toMatchObject({ state: "sent", attempts: 2 });
      expect(item!["wakeups"]).toBeUndefined(); // never postponed, never waited for the waker
      expect(item!["reason"]).toBeUndefined();
      expect(await messagesTo(user.zaloOaUserId)).toHaveLength(1);
    });

    it("a 500 ms backoff at a 499 ms threshold postpones the item; the waker sends it once it is due", async () => {
      notify = withInlineMax(499);
      const phone = newPhone();
      const user = await verifiedCitizen(phone, { followsInZalo: true, followsInOurRecords: true });
      await emulator("/_emulator/faults", { count: 1, error: -32 });
      const code = newCode();
      await ingestEvents([event(code, phone, 2, "received", "2026-11-02T08:15:00+07:00")]);
      const [waiting] = await eventually(() => outboxOf(code), (items) => items[0]?.["notBefore"] !== undefined);
      expect(waiting).toMatchObject({ state: "pending", attempts: 1, notBefore: new Date(now.getTime() + 500).toISOString() });
      expect(String(waiting!["reason"])).toMatch(/^retry_backoff: -32/);
      expect(await wake()).toEqual({ woken: 0, fanoutsNudged: 0 }); // not due yet
      await waitForMessagesToSettle(stack.emulator.url, { quietMs: 300, timeoutMs: 15_000 });
      expect(await messagesTo(user.zaloOaUserId)).toHaveLength(0);

      now = new Date(now.getTime() + 501);
      expect((await wake()).woken).toBe(1);
      const [item] = await eventually(() => outboxOf(code), (items) => finished(items, 1));
      expect(item).toMatchObject({ state: "sent", attempts: 2, wakeups: 1 });
      expect(await messagesTo(user.zaloOaUserId)).toHaveLength(1);
    });
  });

  it("does not retry a permanent error (template data refused)", async () => {
    const phone = newPhone();
    await verifiedCitizen(phone, { followsInZalo: true, followsInOurRecords: true });
    await emulator("/_emulator/faults", { count: 1, error: -131 });
    const code = newCode();
    await ingestEvents([event(code, phone, 2, "received", "2026-11-02T08:15:00+07:00")]);
    const [item] = await eventually(() => outboxOf(code), (items) => finished(items, 1));
    expect(item).toMatchObject({ state: "failed", attempts: 1 });
  });

  it("refreshes the OA access token once when Zalo says it expired, rotating the stored refresh token", async () => {
    const phone = newPhone();
    const user = await verifiedCitizen(phone, { followsInZalo: true, followsInOurRecords: true });
    const code = newCode();
    await ingestEvents([event(code, phone, 2, "received", "2026-11-02T08:15:00+07:00")]);
    await eventually(() => outboxOf(code), (items) => finished(items, 1));
    const before = await stack.table.documentClient.send(new GetCommand({ TableName: stack.config.tableName, Key: keys.oaToken() }));

    await emulator("/_emulator/oa-tokens/expire", {});
    now = new Date(now.getTime() + 60_000);
    await ingestEvents([event(code, phone, 4, "processing", "2026-11-02T09:00:00+07:00")]);
    const items = await eventually(() => outboxOf(code), (items) => finished(items, 2));
    expect(items.map((item) => item["state"])).toEqual(["sent", "sent"]);
    expect(items[1]).toMatchObject({ attempts: 2 });
    const after = await stack.table.documentClient.send(new GetCommand({ TableName: stack.config.tableName, Key: keys.oaToken() }));
    expect(after.Item!["refreshToken"]).not.toBe(before.Item!["refreshToken"]);
    expect(after.Item!["accessToken"]).not.toBe(before.Item!["accessToken"]);
    expect(await messagesTo(user.zaloOaUserId)).toHaveLength(2);
  });

  it("falls back to ZNS by phone when Zalo says the citizen no longer follows the OA (-213), and records that", async () => {
    const phone = newPhone();
    const user = await verifiedCitizen(phone, { followsInZalo: false, followsInOurRecords: true });
    const code = newCode();
    await ingestEvents([event(code, phone, 2, "received", "2026-11-02T08:15:00+07:00")]);
    const [item] = await eventually(() => outboxOf(code), (items) => finished(items, 1));
    expect(item).toMatchObject({ state: "sent", channel: "zns", recipient: international(phone) });
    expect(await messagesTo(user.zaloOaUserId)).toHaveLength(0);
    const [zns] = await messagesTo(international(phone));
    expect(zns).toMatchObject({ channel: "zns", templateId: "200001", templateData: { ma_ho_so: code } });
    const profile = await stack.table.documentClient.send(new GetCommand({ TableName: stack.config.tableName, Key: keys.citizen(user.zaloAppUserId) }));
    expect(profile.Item).toMatchObject({ isFollower: false, followerStateAt: now.toISOString() });
  });

  it("falls back to ZNS by phone when the template cannot be sent by UID (-249); the citizen still follows", async () => {
    const phone = newPhone();
    const user = await verifiedCitizen(phone, { followsInZalo: true, followsInOurRecords: true });
    await emulator("/_emulator/faults", { count: 1, error: -249 });
    const code = newCode();
    await ingestEvents([event(code, phone, 2, "received", "2026-11-02T08:15:00+07:00")]);
    const [item] = await eventually(() => outboxOf(code), (items) => finished(items, 1));
    expect(item).toMatchObject({ state: "sent", channel: "zns", recipient: international(phone), attempts: 2 });
    const profile = await stack.table.documentClient.send(new GetCommand({ TableName: stack.config.tableName, Key: keys.citizen(user.zaloAppUserId) }));
    expect(profile.Item).toMatchObject({ isFollower: true });
  });

  it("fails at once, without retrying, when Zalo refuses our appsecret_proof (-242)", async () => {
    const phone = newPhone();
    await verifiedCitizen(phone, { followsInZalo: true, followsInOurRecords: true });
    await emulator("/_emulator/faults", { count: 1, error: -242 });
    const code = newCode();
    await ingestEvents([event(code, phone, 2, "received", "2026-11-02T08:15:00+07:00")]);
    const [item] = await eventually(() => outboxOf(code), (items) => finished(items, 1));
    expect(item).toMatchObject({ state: "failed", attempts: 1, reason: expect.stringMatching(/^zalo_credentials -242/) });
  });

  it("sends by phone the same day when the OA's quota is spent (-211): the phone channel has its own", async () => {
    now = new Date("2026-11-03T02:00:00Z"); // a day of its own (before the next test's), 09:00 in Vietnam
    const phone = newPhone();
    const user = await verifiedCitizen(phone, { followsInZalo: true, followsInOurRecords: true });
    await emulator("/_emulator/faults", { count: 1, error: -211 });
    const code = newCode();
    await ingestEvents([event(code, phone, 2, "received", "2026-11-03T08:15:00+07:00")]);
    const [item] = await eventually(() => outboxOf(code), (items) => finished(items, 1));
    expect(item).toMatchObject({ state: "sent", channel: "zns", recipient: international(phone), attempts: 1 });
    expect(await messagesTo(user.zaloOaUserId)).toHaveLength(0);
  });

  it("waits for the next Vietnam day when both channels' quotas are spent (-211, -144), without spending an attempt, then sends", async () => {
    // A day of its own: the quota this test spends is not the other tests' day.
    now = new Date("2026-11-05T09:00:00Z"); // 16:00 in Vietnam
    const phone = newPhone();
    const user = await verifiedCitizen(phone, { followsInZalo: true, followsInOurRecords: true });
    await emulator("/_emulator/faults", { count: 1, error: -211 });
    await emulator("/_emulator/faults", { count: 1, error: -144 });
    const code = newCode();
    await ingestEvents([event(code, phone, 2, "received", "2026-11-05T08:15:00+07:00")]);
    const [waiting] = await eventually(() => outboxOf(code), (items) => items[0]?.["notBefore"] !== undefined);
    expect(waiting).toMatchObject({ state: "pending", attempts: 0, reason: "daily_quota_exhausted" });
    const notBefore = Date.parse(String(waiting!["notBefore"]));
    expect(notBefore).toBeGreaterThanOrEqual(Date.parse("2026-11-05T17:00:00Z"));
    expect(notBefore).toBeLessThan(Date.parse("2026-11-05T17:15:00Z"));
    const quota = await stack.table.documentClient.send(new GetCommand({ TableName: stack.config.tableName, Key: keys.sendQuota("oa_template") }));
    expect(quota.Item).toMatchObject({ day: "2026-11-05", remainingQuota: 0 });

    // Another dossier message of the same day does not even try: both quotas are known to be spent.
    const secondCode = `${code.slice(0, -4)}9${code.slice(-3)}`;
    await ingestEvents([event(secondCode, phone, 2, "received", "2026-11-05T08:16:00+07:00")]);
    const [second] = await eventually(() => outboxOf(secondCode), (items) => items[0]?.["notBefore"] !== undefined);
    expect(second).toMatchObject({ state: "pending", attempts: 0, reason: "daily_quota_exhausted" });
    expect(await messagesTo(user.zaloOaUserId)).toHaveLength(0);

    now = new Date("2026-11-06T01:00:00Z"); // 08:00 the next day
    expect((await wake()).woken).toBeGreaterThanOrEqual(2);
    const sent = await eventually(() => Promise.all([outboxOf(code), outboxOf(secondCode)]), ([a, b]) => finished(a, 1) && finished(b, 1));
    expect(sent.map(([item]) => item)).toEqual([expect.objectContaining({ state: "sent", attempts: 1 }), expect.objectContaining({ state: "sent", attempts: 1 })]);
    expect(await messagesTo(user.zaloOaUserId)).toHaveLength(2);
  });

  it("holds ZNS during quiet hours and sends it after 06:00 Vietnam time", async () => {
    const phone = newPhone();
    const code = newCode();
    now = new Date("2026-11-02T16:30:00Z"); // 23:30 in Vietnam
    await ingestEvents([event(code, phone, 2, "received", "2026-11-02T08:15:00+07:00")]);
    const [waiting] = await eventually(() => outboxOf(code), (items) => items[0]?.["notBefore"] !== undefined);
    expect(waiting).toMatchObject({ state: "pending", notBefore: "2026-11-02T23:00:00.000Z", reason: "quiet_hours" });
    expect(await wake()).toEqual({ woken: 0, fanoutsNudged: 0 });
    expect(await messagesTo(international(phone))).toHaveLength(0);

    now = new Date("2026-11-02T23:01:00Z"); // 06:01
    expect((await wake()).woken).toBeGreaterThanOrEqual(1);
    const [item] = await eventually(() => outboxOf(code), (items) => finished(items, 1));
    expect(item).toMatchObject({ state: "sent", channel: "zns" });
    expect(await messagesTo(international(phone))).toHaveLength(1);
  });

  it("an item whose sender died after taking it is unconfirmed once the waker finds its lease expired, never sent; one taken by an earlier version (no mark) is sent", async () => {
    const leaseUntil = new Date(now.getTime() + 2 * 60_000).toISOString();
    const diedWith = async (mark: { attemptStartedAt?: string }) => {
      const phone = newPhone();
      const code = newCode();
      const id = `lease-${code}`;
      // As a sender leaves it when its instance dies after the take: `sending`, held for two more minutes.
      const notification = { kind: "dossier_received" as const, dossierCode: code, status: 2 as const, procedureName: "Đăng ký khai sinh", dueAt: "2026-11-09T10:00:00.000Z", newDueAt: null, applicantPhone: international(phone) };
      await stack.table.documentClient.send(
        new PutCommand({
          TableName: stack.config.tableName,
          Item: { ...outboxItemFor(id, notification, now.toISOString()), state: "sending", leaseOwner: "dead-instance", leaseUntil, ...mark, ...keys.outboxWaiting(leaseUntil, id) },
        }),
      );
      return { phone, code };
    };
    const inDoubt = await diedWith({ attemptStartedAt: now.toISOString() });
    const earlier = await diedWith({});
    expect(await wake()).toEqual({ woken: 0, fanoutsNudged: 0 });
    await waitForMessagesToSettle(stack.emulator.url, { quietMs: 500, timeoutMs: 15_000 });
    expect(await messagesTo(international(inDoubt.phone))).toHaveLength(0);
    expect(await messagesTo(international(earlier.phone))).toHaveLength(0);

    now = new Date(now.getTime() + 3 * 60_000);
    expect((await wake()).woken).toBe(2);
    const [sent] = await eventually(() => outboxOf(earlier.code), (items) => finished(items, 1));
    expect(sent).toMatchObject({ state: "sent", channel: "zns", wakeups: 1 });
    const [unconfirmed] = await eventually(() => outboxOf(inDoubt.code), (items) => items.length === 1 && items[0]?.["state"] === "unconfirmed");
    expect(unconfirmed).toMatchObject({ state: "unconfirmed", reason: "sender_stopped_during_send" });
    await waitForMessagesToSettle(stack.emulator.url, { quietMs: 500, timeoutMs: 15_000 });
    expect(await messagesTo(international(earlier.phone))).toHaveLength(1);
    expect(await messagesTo(international(inDoubt.phone))).toHaveLength(0);
  });

  it("marks an item undeliverable, with the reason, when no channel reaches the citizen", async () => {
    const isolated = await startTestStack({ ZALO_ZNS_TEMPLATE_IDS: "" });
    try {
      const deps = composeDependencies(isolated.config, { clock });
      const code = newCode();
      const notifyIsolated = notifyHandlerFrom(deps);
      const item = outboxItemFor(
        "undeliverable-1",
        { kind: "dossier_received", dossierCode: code, status: 2, procedureName: "Đăng ký khai sinh", dueAt: "2026-11-09T10:00:00.000Z", newDueAt: null, applicantPhone: "84987654321" },
        "2026-11-02T01:00:00.000Z",
      );
      const record: DynamoDBStreamEvent = { Records: [{ eventName: "INSERT", dynamodb: { SequenceNumber: "7", NewImage: marshall(item) as never } }] };
      await isolated.table.documentClient.send(new PutCommand({ TableName: isolated.config.tableName, Item: item }));
      await notifyIsolated(record);
      const stored = await isolated.table.documentClient.send(
        new GetCommand({ TableName: isolated.config.tableName, Key: keys.outboxItem("undeliverable-1") }),
      );
      expect(stored.Item).toMatchObject({ state: "undeliverable", reason: "no_follower_for_phone_and_no_zns_template" });
    } finally {
      await isolated.stop();
    }
  });
});
