import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
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
  // The phone verification of issue 3 sets these attributes; written directly here.
  await table.documentClient.send(
    new UpdateCommand({
      TableName: table.tableName,
      Key: keys.citizen("app-2"),
      UpdateExpression: "SET verifiedPhone = :phone, phoneVerifiedAt = :at, GSI1PK = :pk, GSI1SK = :sk",
      ExpressionAttributeValues: {
        ":phone": "84912345678",
        ":at": "2026-11-28T01:00:00.000Z",
        ...Object.fromEntries(Object.entries(keys.citizenByPhone(hasher.hash("84912345678"), "app-2")).map(([k, v]) => [`:${k === "GSI1PK" ? "pk" : "sk"}`, v])),
      },
    }),
  );
  expect((await citizens.findByVerifiedPhone("84912345678")).map((c) => c.zaloOaUserId)).toEqual(["oa-2"]);
  expect(await citizens.findByVerifiedPhone("84987654321")).toEqual([]);
});
