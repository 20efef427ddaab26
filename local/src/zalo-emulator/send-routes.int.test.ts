import { beforeEach, describe, expect, it } from "vitest";
import { emulatorForThisFile } from "./emulator-fixture.js";

const fixture = emulatorForThisFile();
let accessToken: string;
beforeEach(async () => {
  await fixture.post("/_emulator/reset", {});
  accessToken = await fixture.issueOaAccessToken();
});

type Answer = { error: number; data: { quota: unknown } };
type QuotaState = { daily: unknown };

const template = (userId: string) => ({ user_id: userId, template_id: "100001", template_data: { ma_ho_so: "A-1" } });

describe("send endpoints", () => {
  it("accepts an OA template message to a follower and lists it", async () => {
    const user = await fixture.createUser({ follower: true });
    const body = await (await fixture.post("/v3.0/oa/message/template", template(user.zaloOaUserId), { access_token: accessToken })).json();
    expect(body).toMatchObject({ error: 0, data: { message_id: expect.any(String), user_id: user.zaloOaUserId } });
    const { messages } = (await (await fixture.get("/_emulator/messages")).json()) as { messages: unknown[] };
    expect(messages).toEqual([
      expect.objectContaining({ channel: "oa_template", recipient: user.zaloOaUserId, templateId: "100001", templateData: { ma_ho_so: "A-1" }, at: expect.any(String) }),
    ]);
  });

  it("answers -216 without a valid OA token and -213 for a user who does not follow", async () => {
    const user = await fixture.createUser({ follower: false });
    expect(await (await fixture.post("/v3.0/oa/message/template", template(user.zaloOaUserId), { access_token: "nope" })).json()).toMatchObject({ error: -216 });
    expect(await (await fixture.post("/v3.0/oa/message/template", template(user.zaloOaUserId), { access_token: accessToken })).json()).toMatchObject({ error: -213 });
  });

  it("allows CS text for 7 days after the last interaction, then -230", async () => {
    const user = await fixture.createUser({ follower: true });
    const cs = { recipient: { user_id: user.zaloOaUserId }, message: { text: "Xin chào" } };
    fixture.advanceClock(7 * 24 * 60 * 60 * 1000);
    accessToken = await fixture.issueOaAccessToken();
    expect(await (await fixture.post("/v3.0/oa/message/cs", cs, { access_token: accessToken })).json()).toMatchObject({ error: 0 });
    fixture.advanceClock(1);
    expect(await (await fixture.post("/v3.0/oa/message/cs", cs, { access_token: accessToken })).json()).toMatchObject({ error: -230 });
  });

  it("counts the permission asked with interactOA as an interaction: CS messages are allowed again", async () => {
    const user = await fixture.createUser({ follower: true });
    const cs = { recipient: { user_id: user.zaloOaUserId }, message: { text: "Hồ sơ của bạn đã có kết quả" } };
    fixture.advanceClock(8 * 24 * 60 * 60 * 1000);
    accessToken = await fixture.issueOaAccessToken();
    expect(await (await fixture.post("/v3.0/oa/message/cs", cs, { access_token: accessToken })).json()).toMatchObject({ error: -230 });
    expect((await fixture.post(`/_emulator/users/${user.zaloAppUserId}/interact`, {})).status).toBe(200);
    expect(await (await fixture.post("/v3.0/oa/message/cs", cs, { access_token: accessToken })).json()).toMatchObject({ error: 0 });
    expect((await fixture.post("/_emulator/users/1111111111111111/interact", {})).status).toBe(404);
  });

  it("sends ZNS by phone with the quota in the answer; -108 for a bad phone", async () => {
    const zns = { phone: "0912345678", template_id: "200001", template_data: { ma_ho_so: "A-1" }, tracking_id: "t-1" };
    const body = await (await fixture.post("/message/template", zns, { access_token: accessToken })).json();
    expect(body).toMatchObject({ error: 0, data: { msg_id: expect.any(String), quota: { dailyQuota: "500000", remainingQuota: "499999" } } });
    expect(await (await fixture.post("/message/template", { ...zns, phone: "123" }, { access_token: accessToken })).json()).toMatchObject({ error: -108 });
  });

  it("fails the next N send calls with an injected error or HTTP status", async () => {
    const user = await fixture.createUser({ follower: true });
    await fixture.post("/_emulator/faults", { count: 1, error: -32 });
    await fixture.post("/_emulator/faults", { count: 1, httpStatus: 503 });
    const send = () => fixture.post("/v3.0/oa/message/template", template(user.zaloOaUserId), { access_token: accessToken });
    expect(await (await send()).json()).toMatchObject({ error: -32 });
    expect((await send()).status).toBe(503);
    expect(await (await send()).json()).toMatchObject({ error: 0 });
    expect((await fixture.post("/_emulator/faults", { count: 1 })).status).toBe(400);
  });

  it("refuses sends past the per-second quota with -32", async () => {
    const user = await fixture.createUser({ follower: true });
    await fixture.post("/_emulator/quota", { perSecond: 2 });
    const send = async () => (await (await fixture.post("/v3.0/oa/message/template", template(user.zaloOaUserId), { access_token: accessToken })).json()) as { error: number };
    expect([(await send()).error, (await send()).error, (await send()).error]).toEqual([0, 0, -32]);
    fixture.advanceClock(1000);
    expect((await send()).error).toBe(0);
    expect(await (await fixture.get("/_emulator/quota")).json()).toMatchObject({ perSecond: 2, refused: 1 });
  });

  it("counts template messages against a daily quota per channel: -211 by UID, -144 by phone, whole again the next day", async () => {
    const user = await fixture.createUser({ follower: true });
    expect((await fixture.post("/_emulator/quota", { perDay: 2, channel: "oa" })).status).toBe(200);
    await fixture.post("/_emulator/quota", { perDay: 1, channel: "zns" });
    const byUid = async () => (await (await fixture.post("/v3.0/oa/message/template", template(user.zaloOaUserId), { access_token: accessToken })).json()) as Answer;
    const zns = { phone: "0912345678", template_id: "200001", template_data: { ma_ho_so: "A-1" } };
    const byPhone = async () => (await (await fixture.post("/message/template", zns, { access_token: accessToken })).json()) as Answer;

    expect((await byUid()).data.quota).toEqual({ dailyQuota: "2", remainingQuota: "1" });
    expect((await byUid()).data.quota).toEqual({ dailyQuota: "2", remainingQuota: "0" });
    expect(await byUid()).toMatchObject({ error: -211 });
    expect((await byPhone()).data.quota).toEqual({ dailyQuota: "1", remainingQuota: "0" });
    expect(await byPhone()).toMatchObject({ error: -144 });
    const { messages } = (await (await fixture.get("/_emulator/messages")).json()) as { messages: unknown[] };
    expect(messages).toHaveLength(3);

    const nextDay = (await (await fixture.post("/_emulator/quota/next-day", {})).json()) as QuotaState;
    expect(nextDay.daily).toEqual({ oa: { dailyQuota: 2, remainingQuota: 2 }, zns: { dailyQuota: 1, remainingQuota: 1 } });
    expect((await byUid()).data.quota).toEqual({ dailyQuota: "2", remainingQuota: "1" });
    fixture.advanceClock(24 * 60 * 60 * 1000); // Vietnam midnight passed: a new day by the clock as well
    expect((await byUid()).data.quota).toEqual({ dailyQuota: "2", remainingQuota: "1" });
  });

  it("starts a day part-way through when told how much is already spent", async () => {
    const user = await fixture.createUser({ follower: true });
    await fixture.post("/_emulator/quota", { perDay: 100, usedToday: 90, channel: "oa" });
    const answer = (await (await fixture.post("/v3.0/oa/message/template", template(user.zaloOaUserId), { access_token: accessToken })).json()) as Answer;
    expect(answer.data.quota).toEqual({ dailyQuota: "100", remainingQuota: "9" });
  });

  it("refuses a daily quota body without a setting, with an unknown field or a negative count", async () => {
    expect((await fixture.post("/_emulator/quota", {})).status).toBe(400);
    expect((await fixture.post("/_emulator/quota", { perDay: 5, extra: 1 })).status).toBe(400);
    expect((await fixture.post("/_emulator/quota", { perDay: -1 })).status).toBe(400);
    expect((await fixture.post("/_emulator/quota", { perDay: 10_000_000 })).status).toBe(200);
    expect((await fixture.post("/_emulator/quota", { perDay: 10_000_001 })).status).toBe(400);
  });

  it("accepts a template message by UID with the id at the top or under recipient, and says which came", async () => {
    const user = await fixture.createUser({ follower: true });
    const nested = { recipient: { user_id: user.zaloOaUserId }, template_id: "100001", template_data: { ma_ho_so: "A-2" } };
    expect(await (await fixture.post("/v3.0/oa/message/template", template(user.zaloOaUserId), { access_token: accessToken })).json()).toMatchObject({ error: 0 });
    expect(await (await fixture.post("/v3.0/oa/message/template", nested, { access_token: accessToken })).json()).toMatchObject({ error: 0 });
    const { messages } = (await (await fixture.get("/_emulator/messages")).json()) as { messages: { uidBody: string }[] };
    expect(messages.map((message) => message.uidBody)).toEqual(["user_id", "recipient"]);
  });

  it("fails the next N calls with -211 like any other code", async () => {
    const user = await fixture.createUser({ follower: true });
    expect((await fixture.post("/_emulator/faults", { count: 2, error: -211 })).status).toBe(201);
    const send = async () => ((await (await fixture.post("/v3.0/oa/message/template", template(user.zaloOaUserId), { access_token: accessToken })).json()) as { error: number }).error;
    expect([await send(), await send(), await send()]).toEqual([-211, -211, 0]);
  });
});
