import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestTable } from "../../../test/dynamodb-test-table.js";
import { HmacPhoneHasher } from "../crypto/hmac-phone-hasher.js";
import { DynamoDbCitizenRepository } from "./dynamodb-citizen-repository.js";
import { keys } from "./keys.js";

const hasher = new HmacPhoneHasher("test-phone-key-0123456789");
let table: Awaited<ReturnType<typeof createTestTable>>;
let citizens: DynamoDbCitizenRepository;
beforeAll(async () => {
  table = await createTestTable();
  citizens = new DynamoDbCitizenRepository(table.documentClient, table.tableName, hasher);
});
afterAll(async () => table.drop());

it("access pattern: citizen profile by Zalo app user id, with the follower state (newest wins)", async () => {
  expect(await citizens.get("app-1")).toBeNull();
  expect(await citizens.recordFollowState({ zaloAppUserId: "app-1", zaloOaUserId: "oa-1", isFollower: true, at: "2026-11-28T01:00:00.000Z" })).toBe("recorded");
  expect(await citizens.recordFollowState({ zaloAppUserId: "app-1", zaloOaUserId: "oa-1", isFollower: false, at: "2026-11-28T00:59:00.000Z" })).toBe(
    "older_than_recorded",
  );
  expect(await citizens.get("app-1")).toMatchObject({ zaloAppUserId: "app-1", zaloOaUserId: "oa-1", isFollower: true, verifiedPhone: null });
  await citizens.recordFollowState({ zaloAppUserId: "app-1", zaloOaUserId: "oa-1", isFollower: false, at: "2026-11-28T02:00:00.000Z" });
  expect((await citizens.get("app-1"))?.isFollower).toBe(false);
});

it("access pattern: citizens by verified phone share the phone's partition with its dossiers", async () => {
  await citizens.recordFollowState({ zaloAppUserId: "app-2", zaloOaUserId: "oa-2", isFollower: true, at: "2026-11-28T01:00:00.000Z" });
  await citizens.recordVerifiedPhone({ zaloAppUserId: "app-2", phone: "84912345678", at: "2026-11-28T01:05:00.000Z" });
  expect((await citizens.findByVerifiedPhone("84912345678")).map((c) => c.zaloOaUserId)).toEqual(["oa-2"]);
  expect(await citizens.findByVerifiedPhone("84987654321")).toEqual([]);
  expect(await citizens.get("app-2")).toMatchObject({
    isFollower: true,
    verifiedPhone: "84912345678",
    phoneVerifiedAt: "2026-11-28T01:05:00.000Z",
    phoneConsentAt: "2026-11-28T01:05:00.000Z",
    phoneConsentWithdrawnAt: null,
  });
  const stored = await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: keys.citizen("app-2") }));
  expect(stored.Item).toMatchObject(keys.citizenByPhone(hasher.hash("84912345678"), "app-2"));
  expect(`${stored.Item?.GSI1PK}${stored.Item?.GSI1SK}`).not.toContain("912345678");
});

it("verifying a phone creates the profile when there is none, and a new phone replaces the old one in the index", async () => {
  await citizens.recordVerifiedPhone({ zaloAppUserId: "app-3", phone: "84911111111", at: "2026-11-28T01:00:00.000Z" });
  expect(await citizens.get("app-3")).toMatchObject({ zaloAppUserId: "app-3", isFollower: false, verifiedPhone: "84911111111" });
  await citizens.recordVerifiedPhone({ zaloAppUserId: "app-3", phone: "84922222222", at: "2026-11-28T02:00:00.000Z" });
  expect(await citizens.findByVerifiedPhone("84911111111")).toEqual([]);
  expect((await citizens.findByVerifiedPhone("84922222222")).map((c) => c.zaloAppUserId)).toEqual(["app-3"]);
});

it("withdrawal deletes the stored phone and its index attributes, keeps the follower state", async () => {
  await citizens.recordFollowState({ zaloAppUserId: "app-4", zaloOaUserId: "oa-4", isFollower: true, at: "2026-11-28T01:00:00.000Z" });
  await citizens.recordVerifiedPhone({ zaloAppUserId: "app-4", phone: "84933333333", at: "2026-11-28T01:00:00.000Z" });
  const after = await citizens.removeVerifiedPhone("app-4", "2026-11-28T03:00:00.000Z");
  expect(after).toMatchObject({ verifiedPhone: null, phoneVerifiedAt: null, phoneConsentAt: null, phoneConsentWithdrawnAt: "2026-11-28T03:00:00.000Z", isFollower: true });
  const stored = await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: keys.citizen("app-4") }));
  expect(stored.Item).not.toHaveProperty("GSI1PK");
  expect(stored.Item).not.toHaveProperty("GSI1SK");
  expect(JSON.stringify(stored.Item)).not.toContain("933333333");
  expect(await citizens.findByVerifiedPhone("84933333333")).toEqual([]);
  expect(await citizens.removeVerifiedPhone("nobody", "2026-11-28T03:00:00.000Z")).toBeNull();
  expect(await citizens.get("nobody")).toBeNull();
});
