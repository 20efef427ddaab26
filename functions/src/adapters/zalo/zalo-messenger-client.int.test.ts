import { beforeEach, describe, expect, it } from "vitest";
import { emulatorForThisFile } from "../../../test/zalo-emulator-fixture.js";
import { ZaloMessengerClient, type UidBodyShape } from "./zalo-messenger-client.js";

const fixture = emulatorForThisFile();
let accessToken: string;
beforeEach(async () => {
  await fixture.post("/_emulator/reset", {});
  accessToken = await fixture.issueOaAccessToken();
});

const client = (uidBodyShape: UidBodyShape) =>
  new ZaloMessengerClient({ oaBaseUrl: fixture.emulator.url, znsBaseUrl: fixture.emulator.url, timeoutMs: 5000, znsDevelopmentMode: false, uidBodyShape });
const data = { ma_ho_so: "000.00.20.H27-261102-0001" };

describe("ZaloMessengerClient against the emulator", () => {
  it.each(["user_id", "recipient"] as const)("sends a template message by UID with the id as `%s` and reads the day's quota", async (shape) => {
    const user = await fixture.createUser({ follower: true });
    await fixture.post("/_emulator/quota", { perDay: 50, channel: "oa" });
    const outcome = await client(shape).sendOaTemplate(accessToken, { zaloOaUserId: user.zaloOaUserId, templateId: "100001", templateData: data });
    expect(outcome).toEqual({ ok: true, messageId: expect.any(String), quota: { dailyQuota: 50, remainingQuota: 49 } });
    const { messages } = (await (await fixture.get("/_emulator/messages")).json()) as { messages: { uidBody: string; recipient: string }[] };
    expect(messages).toEqual([expect.objectContaining({ uidBody: shape, recipient: user.zaloOaUserId })]);
  });

  it("reports a spent daily quota as quota_exhausted on both channels (-211 by UID, -144 by phone)", async () => {
    const user = await fixture.createUser({ follower: true });
    await fixture.post("/_emulator/quota", { perDay: 0 });
    const byUid = await client("user_id").sendOaTemplate(accessToken, { zaloOaUserId: user.zaloOaUserId, templateId: "100001", templateData: data });
    expect(byUid).toMatchObject({ ok: false, failure: "quota_exhausted", code: -211 });
    const byPhone = await client("user_id").sendZns(accessToken, { phone: "84912345678", templateId: "200001", templateData: data, trackingId: "t-1" });
    expect(byPhone).toMatchObject({ ok: false, failure: "quota_exhausted", code: -144 });
  });

  it("maps the settled codes to our kinds: -213 not a follower, -249 not by UID, -242 credentials, -234 night", async () => {
    const user = await fixture.createUser({ follower: true });
    const send = () => client("user_id").sendOaTemplate(accessToken, { zaloOaUserId: user.zaloOaUserId, templateId: "100001", templateData: data });
    for (const [error, failure] of [[-249, "not_by_uid"], [-242, "credentials"], [-234, "quiet_hours"]] as const) {
      await fixture.post("/_emulator/faults", { count: 1, error });
      expect(await send()).toMatchObject({ ok: false, failure, code: error });
    }
    const stranger = await fixture.createUser({ follower: false });
    const notFollowing = await client("recipient").sendOaTemplate(accessToken, { zaloOaUserId: stranger.zaloOaUserId, templateId: "100001", templateData: data });
    expect(notFollowing).toMatchObject({ ok: false, failure: "not_a_follower", code: -213 });
  });
});
