import { describe, expect, it } from "vitest";
import { GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { testTableForThisFile } from "../../../test/dynamodb-test-table.js";
import { outboxItemFor } from "./dossier-items.js";
import { DynamoDbOutboxRepository } from "./dynamodb-outbox-repository.js";
import { keys } from "./keys.js";

const table = testTableForThisFile();

const sentAt = new Date("2026-11-28T03:00:00Z");
const notification = {
  kind: "dossier_status_changed",
  dossierCode: "000.00.20.H06-261128-0001",
  status: 4,
  procedureName: "Đăng ký khai sinh",
  dueAt: "2026-12-05T10:00:00.000Z",
  newDueAt: null,
  applicantPhone: null,
} as const;

async function sendingItem(repository: DynamoDbOutboxRepository, id: string) {
  await table.documentClient.send(new PutCommand({ TableName: table.tableName, Item: outboxItemFor(id, notification, "2026-11-28T02:59:00.000Z") }));
  expect(await repository.acquire(id, "sender-1", sentAt, new Date(sentAt.getTime() + 120_000))).toMatchObject({ kind: "acquired" });
}

async function expiresAtOf(id: string) {
  const { Item } = await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: keys.outboxItem(id), ConsistentRead: true }));
  return Item?.expiresAt;
}

it("access pattern: a sent item expires (TTL) the retention's days after it was sent; a failed one stays", async () => {
  const repository = new DynamoDbOutboxRepository(table.table, { sentRetentionDays: 90 });
  await sendingItem(repository, "sent-1");
  expect(await repository.finish("sent-1", "sender-1", 1, { state: "sent", channel: "zns", recipient: "84912345678", zaloMessageId: "m-1" }, sentAt)).toBe(true);
  expect(await expiresAtOf("sent-1")).toBe(Math.floor(sentAt.getTime() / 1000) + 90 * 86_400);
  // Still read as it was: the delivery log sees the sent item until TTL removes it.
  expect(await repository.get("sent-1")).toMatchObject({ state: "sent", zaloMessageId: "m-1" });

  await sendingItem(repository, "failed-1");
  expect(await repository.finish("failed-1", "sender-1", 5, { state: "failed", reason: "Zalo -32", channel: "zns", recipient: "84912345678" }, sentAt)).toBe(true);
  expect(await expiresAtOf("failed-1")).toBeUndefined();
});

it("a retention of 0 days keeps sent items", async () => {
  const repository = new DynamoDbOutboxRepository(table.table, { sentRetentionDays: 0 });
  await sendingItem(repository, "sent-2");
  expect(await repository.finish("sent-2", "sender-1", 1, { state: "sent", channel: "zns", recipient: "84912345678", zaloMessageId: "m-2" }, sentAt)).toBe(true);
  expect(await expiresAtOf("sent-2")).toBeUndefined();
});

describe("a sender that dies: the call to Zalo begun or not", () => {
  const repository = () => new DynamoDbOutboxRepository(table.table, { sentRetentionDays: 90 });
  const leaseMs = 60_000;
  const at = (ms: number) => new Date(sentAt.getTime() + ms);
  const take = (id: string, owner: string, now: Date) => repository().acquire(id, owner, now, new Date(now.getTime() + leaseMs));

  it("access pattern: taking an item records that its call to Zalo begins", async () => {
    await sendingItem(repository(), "attempt-1");
    expect(await repository().get("attempt-1")).toMatchObject({ state: "sending", leaseOwner: "sender-1", attemptStartedAt: sentAt.toISOString() });
  });

  it("an item taken by an earlier version (no mark) whose lease expired is taken over and sent again", async () => {
    await sendingItem(repository(), "no-call-1");
    await table.documentClient.send(
      new UpdateCommand({ TableName: table.tableName, Key: keys.outboxItem("no-call-1"), UpdateExpression: "REMOVE attemptStartedAt" }),
    );
    // Not before the lease ends (+120 s)…
    expect(await take("no-call-1", "sender-2", at(120_000))).toEqual({ kind: "not_available" });
    // …and just after it.
    const taken = await take("no-call-1", "sender-2", at(120_001));
    expect(taken).toMatchObject({ kind: "acquired", item: { state: "sending", leaseOwner: "sender-2", attemptStartedAt: at(120_001).toISOString() } });
  });

  it("a take sent again by the SDK after its answer was lost (the first one applied) is the same sender's take", async () => {
    await sendingItem(repository(), "retried-take-1");
    expect(await take("retried-take-1", "sender-1", at(500))).toMatchObject({ kind: "acquired", item: { state: "sending", leaseOwner: "sender-1" } });
    // Another sender still finds it held.
    expect(await take("retried-take-1", "sender-2", at(600))).toEqual({ kind: "not_available" });
  });

  it("a lease that expired during a call is in doubt: not taken, then unconfirmed and listed for staff", async () => {
    await sendingItem(repository(), "in-doubt-1");
    // Still held: neither taken nor in doubt.
    expect(await take("in-doubt-1", "sender-2", at(60_000))).toEqual({ kind: "not_available" });
    expect(await repository().markUnconfirmed("in-doubt-1", at(60_000))).toBe(false);

    const found = await take("in-doubt-1", "sender-2", at(120_001));
    expect(found).toMatchObject({ kind: "in_doubt", item: { state: "sending", leaseOwner: "sender-1" } });
    expect(await repository().markUnconfirmed("in-doubt-1", at(120_001))).toBe(true);
    // A second redelivery finds it settled.
    expect(await take("in-doubt-1", "sender-3", at(200_000))).toEqual({ kind: "not_available" });
    expect(await repository().markUnconfirmed("in-doubt-1", at(200_000))).toBe(false);

    const item = await repository().get("in-doubt-1");
    expect(item).toMatchObject({ state: "unconfirmed", leaseOwner: null, attemptStartedAt: sentAt.toISOString(), reason: "sender_stopped_during_send" });
    const listed = await repository().listByState("unconfirmed", { after: null, limit: 10 });
    expect(listed.items.map((i) => i.id)).toContain("in-doubt-1");
    // The late finish of the sender that died (had it come back) changes nothing.
    expect(await repository().finish("in-doubt-1", "sender-1", 1, { state: "sent", channel: "zns", recipient: "84912345678", zaloMessageId: "m-late" }, at(130_000))).toBe(false);
  });

  it("access pattern: a sender that failed before any call gives the item back, due at once and takeable", async () => {
    await sendingItem(repository(), "release-1");
    expect(await repository().release("release-1", "someone-else", at(1_000))).toBe(false);
    expect(await repository().release("release-1", "sender-1", at(1_000))).toBe(true);
    expect(await repository().get("release-1")).toMatchObject({ state: "pending", leaseOwner: null, leaseUntil: null, attemptStartedAt: null });
    // Taken again at once by the retried batch, without waiting for the old lease.
    expect(await take("release-1", "sender-2", at(2_000))).toMatchObject({ kind: "acquired", item: { leaseOwner: "sender-2" } });
    expect(await repository().release("release-1", "sender-1", at(3_000))).toBe(false);
  });

  it("Zalo's delivery receipt turns an unconfirmed item into sent, once", async () => {
    await sendingItem(repository(), "receipt-1");
    await repository().markUnconfirmed("receipt-1", at(130_000));
    expect(await repository().confirmDelivered("receipt-1", "zalo-msg-1", at(140_000))).toBe(true);
    expect(await repository().confirmDelivered("receipt-1", "zalo-msg-1", at(150_000))).toBe(false);
    expect(await repository().get("receipt-1")).toMatchObject({ state: "sent", zaloMessageId: "zalo-msg-1", reason: null });
    expect(await expiresAtOf("receipt-1")).toBe(Math.floor(at(140_000).getTime() / 1000) + 90 * 86_400);
    expect((await repository().listByState("unconfirmed", { after: null, limit: 10 })).items.map((i) => i.id)).not.toContain("receipt-1");
    // A receipt for an item that is not unconfirmed (sending, or unknown) changes nothing.
    await sendingItem(repository(), "receipt-2");
    expect(await repository().confirmDelivered("receipt-2", "zalo-msg-2", at(1_000))).toBe(false);
    expect(await repository().confirmDelivered("no-such-item", "zalo-msg-3", at(1_000))).toBe(false);
  });

  it("staff send an unconfirmed item again deliberately: back to pending with the call marker gone", async () => {
    await sendingItem(repository(), "resend-1");
    await repository().markUnconfirmed("resend-1", at(130_000));
    const retried = await repository().retry("resend-1", "unconfirmed", at(140_000));
    expect(retried).toMatchObject({ kind: "retried", item: { state: "pending", attempts: 0, attemptStartedAt: null, manualRetries: 1 } });
    expect(await take("resend-1", "sender-9", at(141_000))).toMatchObject({ kind: "acquired" });
  });
});

it("access pattern: an undeliverable item expires (TTL) its retention's days after it finished; a staff retry takes the expiry away", async () => {
  const repository = new DynamoDbOutboxRepository(table.table, { sentRetentionDays: 90, undeliverableRetentionDays: 30 });
  await sendingItem(repository, "undeliverable-1");
  expect(await repository.finish("undeliverable-1", "sender-1", 1, { state: "undeliverable", reason: "no route", channel: null, recipient: null }, sentAt)).toBe(true);
  expect(await expiresAtOf("undeliverable-1")).toBe(Math.floor(sentAt.getTime() / 1000) + 30 * 86_400);
  // Still in the staff's list of undeliverable messages until TTL removes it.
  expect(await repository.get("undeliverable-1")).toMatchObject({ state: "undeliverable", reason: "no route" });

  const retried = await repository.retry("undeliverable-1", "undeliverable", new Date(sentAt.getTime() + 60_000));
  expect(retried.kind).toBe("retried");
  expect(await expiresAtOf("undeliverable-1")).toBeUndefined();
});

it("an undeliverable retention of 0 days keeps undeliverable items", async () => {
  const repository = new DynamoDbOutboxRepository(table.table, { sentRetentionDays: 90, undeliverableRetentionDays: 0 });
  await sendingItem(repository, "undeliverable-2");
  expect(await repository.finish("undeliverable-2", "sender-1", 1, { state: "undeliverable", reason: "no route", channel: null, recipient: null }, sentAt)).toBe(true);
  expect(await expiresAtOf("undeliverable-2")).toBeUndefined();
});

it("access pattern: a sent announcement message expires after the announcement retention; a dossier message after the sent retention", async () => {
  const repository = new DynamoDbOutboxRepository(table.table, { sentRetentionDays: 90, sentAnnouncementRetentionDays: 7 });
  await sendingItem(repository, "announcement-1");
  const sent = { state: "sent" as const, channel: "oa_template" as const, recipient: "oa-user-1", zaloMessageId: "m-a1" };
  expect(await repository.finish("announcement-1", "sender-1", 1, sent, sentAt, { announcementId: "ann-1" })).toBe(true);
  expect(await expiresAtOf("announcement-1")).toBe(Math.floor(sentAt.getTime() / 1000) + 7 * 86_400);
  await sendingItem(repository, "dossier-message-1");
  expect(await repository.finish("dossier-message-1", "sender-1", 1, { ...sent, zaloMessageId: "m-d1" }, sentAt)).toBe(true);
  expect(await expiresAtOf("dossier-message-1")).toBe(Math.floor(sentAt.getTime() / 1000) + 90 * 86_400);
});
