import { describe, expect, it } from "vitest";
import { addCitizenMessage, addStaffReply, isFeedbackLate, newFeedbackThread } from "./feedback.js";
import { vietnamPublicHolidays } from "./vietnam-holidays.js";
import { holidayCalendar } from "./working-days.js";

const calendar = holidayCalendar(vietnamPublicHolidays);
const asked = new Date("2027-02-03T02:00:00Z");
const { thread } = newFeedbackThread({
  id: "t1", messageId: "m1", zaloAppUserId: "u1", type: "hoi_dap", text: "Hỏi", dossierCode: null, channel: "mini_app", now: asked, calendar,
});

describe("feedback threads", () => {
  it("a question asked just before Tết 2027 is due 15 working days later, on 3 March", () => {
    expect(thread).toMatchObject({ state: "moi", replyDueAt: "2027-03-03T17:00:00.000Z", answeredAt: null, messageCount: 1 });
  });

  it("is late once past its deadline unanswered, not at it", () => {
    expect(isFeedbackLate(thread, new Date("2027-03-03T17:00:00.000Z"))).toBe(false);
    expect(isFeedbackLate(thread, new Date("2027-03-03T17:00:00.001Z"))).toBe(true);
  });

  it("an answer in time is never late; an answer after the deadline stays late", () => {
    const reply = (at: string) => addStaffReply(thread, { messageId: "s", text: "Trả lời", staffName: "Cán bộ", now: new Date(at), calendar });
    const onTime = reply("2027-03-01T02:00:00Z");
    if (!onTime.ok) throw new Error("closed");
    expect(onTime.thread).toMatchObject({ state: "da_tra_loi", publishDueAt: "2027-03-03T17:00:00.000Z" });
    expect(isFeedbackLate(onTime.thread, new Date("2027-06-01T00:00:00Z"))).toBe(false);
    const lateReply = reply("2027-03-04T02:00:00Z");
    if (!lateReply.ok) throw new Error("closed");
    expect(isFeedbackLate(lateReply.thread, new Date("2027-03-04T03:00:00Z"))).toBe(true);
  });

  it("a citizen's question after an answer reopens the thread with a new deadline; a closed thread takes nothing", () => {
    const answered = addStaffReply(thread, { messageId: "s", text: "Trả lời", staffName: "Cán bộ", now: new Date("2027-03-01T02:00:00Z"), calendar });
    if (!answered.ok) throw new Error("closed");
    const again = addCitizenMessage(answered.thread, { messageId: "m2", text: "Hỏi thêm", now: new Date("2027-03-02T02:00:00Z"), calendar });
    expect(again).toMatchObject({ ok: true, thread: { state: "dang_xu_ly", replyDueAt: "2027-03-23T17:00:00.000Z", messageCount: 3 } });
    expect(addCitizenMessage({ ...thread, state: "da_dong" }, { messageId: "m3", text: "x", now: asked, calendar })).toEqual({ ok: false, reason: "closed" });
  });
});
