import { expect, it } from "vitest";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
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
  expect(await repository.acquire(id, "sender-1", sentAt, new Date(sentAt.getTime() + 120_000))).not.toBeNull();
}

async function expiresAtOf(id: string) {
  const { Item } = await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: keys.outboxItem(id), ConsistentRead: true }));
  return Item?.expiresAt;
}

it("access pattern: a sent item expires (TTL) the retention's days after it was sent; a failed one stays", async () => {
  const repository = new DynamoDbOutboxRepository(table.documentClient, table.tableName, { sentRetentionDays: 90 });
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
  const repository = new DynamoDbOutboxRepository(table.documentClient, table.tableName, { sentRetentionDays: 0 });
  await sendingItem(repository, "sent-2");
  expect(await repository.finish("sent-2", "sender-1", 1, { state: "sent", channel: "zns", recipient: "84912345678", zaloMessageId: "m-2" }, sentAt)).toBe(true);
  expect(await expiresAtOf("sent-2")).toBeUndefined();
});
