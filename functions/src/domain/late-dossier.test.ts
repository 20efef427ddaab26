import { describe, expect, it } from "vitest";
import { addCalendarDays, daysLate, isNewlyLate, lateWatch, promisedDueAt } from "./late-dossier.js";

const due = "2026-11-09T10:00:00.000Z"; // 17:00 on 9 Nov, Vietnam time
const open = {
  dueAt: due,
  finishedAt: null,
  supplementPausedMs: 0,
  supplementPausedSince: null,
  latestApology: null,
  lateAt: null,
};
const day = 24 * 3600 * 1000;
const at = (vietnamLocal: string) => new Date(`${vietnamLocal}+07:00`);

describe("who is late (the daily job, Vietnam calendar days)", () => {
  it("a dossier due yesterday and still open is late; one due today is not yet", () => {
    expect(isNewlyLate(open, at("2026-11-10T07:00:00"))).toBe(true);
    expect(isNewlyLate(open, at("2026-11-09T23:59:00"))).toBe(false);
    // 00:30 on 10 Nov in Vietnam is still 9 Nov in UTC: the day counts in Vietnam time.
    expect(isNewlyLate(open, at("2026-11-10T00:30:00"))).toBe(true);
  });

  it("a finished or returned dossier is never late for the job", () => {
    expect(isNewlyLate({ ...open, finishedAt: "2026-11-12T03:00:00.000Z" }, at("2026-11-20T07:00:00"))).toBe(false);
    expect(lateWatch({ ...open, finishedAt: "2026-11-12T03:00:00.000Z" })).toBeNull();
  });

  it("an apology with a later date moves the promise; once that date passes the dossier is late again", () => {
    const apologised = { ...open, latestApology: { reason: "Chờ xác minh", newDueAt: "2026-11-16T10:00:00.000Z", occurredAt: "2026-11-08T02:00:00.000Z" } };
    expect(promisedDueAt(apologised)).toBe("2026-11-16T10:00:00.000Z");
    expect(isNewlyLate(apologised, at("2026-11-10T07:00:00"))).toBe(false);
    expect(isNewlyLate(apologised, at("2026-11-17T07:00:00"))).toBe(true);
    expect(lateWatch(apologised)).toEqual({ kind: "due", day: "2026-11-16" });
  });

  it("an apology with an earlier date than the due date does not shorten the promise", () => {
    const odd = { ...open, latestApology: { reason: "x", newDueAt: "2026-11-05T10:00:00.000Z", occurredAt: "2026-11-01T00:00:00.000Z" } };
    expect(promisedDueAt(odd)).toBe(due);
  });

  it("time waiting for the citizen's supplement moves the due date; while waiting the clock is paused", () => {
    const resumed = { ...open, supplementPausedMs: 3 * day };
    expect(promisedDueAt(resumed)).toBe("2026-11-12T10:00:00.000Z");
    expect(isNewlyLate(resumed, at("2026-11-12T20:00:00"))).toBe(false);
    expect(isNewlyLate(resumed, at("2026-11-13T07:00:00"))).toBe(true);
    const waiting = { ...open, supplementPausedSince: "2026-11-08T00:00:00.000Z" };
    expect(isNewlyLate(waiting, at("2026-11-20T07:00:00"))).toBe(false);
    expect(lateWatch(waiting)).toBeNull();
  });

  it("a dossier already marked late is not late again (once per dossier) and sits in its agency's list", () => {
    const marked = { ...open, lateAt: "2026-11-10T00:00:00.000Z" };
    expect(isNewlyLate(marked, at("2026-11-20T07:00:00"))).toBe(false);
    expect(lateWatch(marked)).toEqual({ kind: "late" });
    expect(lateWatch({ ...marked, finishedAt: "2026-11-21T00:00:00.000Z" })).toBeNull();
  });

  it("lists an open dossier under the Vietnam day of its promise", () => {
    expect(lateWatch({ ...open, dueAt: "2026-11-09T17:30:00.000Z" })).toEqual({ kind: "due", day: "2026-11-10" });
  });

  it("counts days late from the promised day", () => {
    expect(daysLate(open, at("2026-11-10T07:00:00"))).toBe(1);
    expect(daysLate(open, at("2026-11-19T23:00:00"))).toBe(10);
    expect(daysLate(open, at("2026-11-09T07:00:00"))).toBe(0);
  });

  it("adds calendar days across months and years", () => {
    expect(addCalendarDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});
