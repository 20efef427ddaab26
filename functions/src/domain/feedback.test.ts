import { describe, expect, it } from "vitest";
import { addCitizenMessage, addStaffReply, closeFeedbackThread, feedbackScope, generalFeedbackScope, isFeedbackLate, newFeedbackThread, reopenFeedbackThread } from "./feedback.js";
import { vietnamPublicHolidays } from "./vietnam-holidays.js";
import { holidayCalendar, workingDayDeadline } from "./working-days.js";

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

describe("staff close and reopen", () => {
  const calendar = holidayCalendar([]);
  const created = () =>
    newFeedbackThread({ id: "t", messageId: "m", zaloAppUserId: "1", type: "hoi_dap", text: "Hỏi", dossierCode: null, channel: "mini_app", now: new Date("2027-03-01T02:00:00Z"), calendar }).thread;

  it("closes once; reopening an unanswered thread keeps its deadline, an answered one gets a new deadline", () => {
    const closed = closeFeedbackThread(created(), new Date("2027-03-02T02:00:00Z"));
    if (!closed.ok) throw new Error("not closed");
    expect(closed.thread).toMatchObject({ state: "da_dong", closedAt: "2027-03-02T02:00:00.000Z", version: 2 });
    expect(closeFeedbackThread(closed.thread, new Date("2027-03-02T03:00:00Z"))).toEqual({ ok: false, reason: "already_closed" });
    const reopened = reopenFeedbackThread(closed.thread, new Date("2027-03-03T02:00:00Z"), calendar);
    expect(reopened).toMatchObject({ ok: true, thread: { state: "dang_xu_ly", closedAt: null, replyDueAt: created().replyDueAt } });
    expect(reopenFeedbackThread(created(), new Date("2027-03-03T02:00:00Z"), calendar)).toEqual({ ok: false, reason: "not_closed" });

    const answered = addStaffReply(created(), { messageId: "s", text: "Đáp", staffName: "Cán bộ", now: new Date("2027-03-02T02:00:00Z"), calendar });
    if (!answered.ok) throw new Error("not answered");
    expect(answered.thread).toMatchObject({ lastMessageText: "Đáp", lastMessageAuthor: "staff" });
    const closedAnswered = closeFeedbackThread(answered.thread, new Date("2027-03-02T03:00:00Z"));
    if (!closedAnswered.ok) throw new Error("not closed");
    const again = reopenFeedbackThread(closedAnswered.thread, new Date("2027-04-01T02:00:00Z"), calendar);
    expect(again.ok && again.thread.replyDueAt).toBe(workingDayDeadline(new Date("2027-04-01T02:00:00Z"), 15, calendar));
  });

  it("files general feedback under the general scope, a known dossier's under its agency, an unknown one under none", () => {
    expect(feedbackScope({ dossierCode: null, agencyCode: null })).toBe(generalFeedbackScope);
    expect(feedbackScope({ dossierCode: "A-1", agencyCode: "000.00.20.H27" })).toBe("000.00.20.H27");
    expect(feedbackScope({ dossierCode: "A-1", agencyCode: null })).toBeNull();
  });
});
