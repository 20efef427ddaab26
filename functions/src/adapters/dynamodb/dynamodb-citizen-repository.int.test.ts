import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { expect, it } from "vitest";
import { testTableForThisFile } from "../../../test/dynamodb-test-table.js";
import { HmacPhoneHasher } from "../crypto/hmac-phone-hasher.js";
import { DynamoDbCitizenRepository } from "./dynamodb-citizen-repository.js";
import { keys } from "./keys.js";

const hasher = new HmacPhoneHasher("test-phone-key-0123456789");
let citizens: DynamoDbCitizenRepository;
const table = testTableForThisFile((created) => {
  citizens = new DynamoDbCitizenRepository(created.table, hasher);
});

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

it("access pattern: opted-in followers of the OA, paged in id order (sparse GSI2, kept true on opt-in/out and follow/unfollow)", async () => {
  const at = (minute: number) => `2026-11-29T01:${String(minute).padStart(2, "0")}:00.000Z`;
  const follow = (id: string, isFollower: boolean, minute: number) =>
    citizens.recordFollowState({ zaloAppUserId: id, zaloOaUserId: `oa-${id}`, isFollower, at: at(minute) });
  const indexed = async (id: string) =>
    (await table.documentClient.send(new GetCommand({ TableName: table.tableName, Key: keys.citizen(id) }))).Item?.["GSI2PK"];

  // Opted in, then followed; followed, then opted in: both listed.
  await citizens.setAnnouncementSubscription("sub-a", true, at(1));
  expect(await indexed("sub-a")).toBeUndefined(); // not a follower yet
  await follow("sub-a", true, 2);
  await follow("sub-b", true, 1);
  expect(await indexed("sub-b")).toBeUndefined(); // following, not opted in (the default is off)
  await citizens.setAnnouncementSubscription("sub-b", true, at(2));
  // Opted in and followed, then unfollowed; opted in, then opted out.
  await follow("sub-c", true, 1);
  await citizens.setAnnouncementSubscription("sub-c", true, at(1));
  await follow("sub-c", false, 3);
  await follow("sub-d", true, 1);
  await citizens.setAnnouncementSubscription("sub-d", true, at(1));
  const optedOut = await citizens.setAnnouncementSubscription("sub-d", false, at(3));
  expect(optedOut).toMatchObject({ announcementsSubscribed: false, announcementsSubscriptionAt: at(3), isFollower: true });
  // Unfollowed, then followed again: listed again.
  await follow("sub-e", true, 1);
  await citizens.setAnnouncementSubscription("sub-e", true, at(1));
  await follow("sub-e", false, 2);
  await follow("sub-e", true, 3);
  for (let i = 0; i < 5; i += 1) {
    await follow(`sub-f${i}`, true, 1);
    await citizens.setAnnouncementSubscription(`sub-f${i}`, true, at(1));
  }

  const expected = ["sub-a", "sub-b", "sub-e", "sub-f0", "sub-f1", "sub-f2", "sub-f3", "sub-f4"];
  expect(await citizens.countAnnouncementSubscribers()).toBe(expected.length);
  const seen: string[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const page = await citizens.listAnnouncementSubscribers({ after, limit: 3 });
    seen.push(...page.zaloAppUserIds);
    after = page.next;
    pages += 1;
  } while (after);
  expect(seen).toEqual(expected);
  expect(pages).toBe(3);
  expect(await indexed("sub-c")).toBeUndefined();
  expect(await indexed("sub-d")).toBeUndefined();
});
