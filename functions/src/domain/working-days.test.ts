import { describe, expect, it } from "vitest";
import { vietnamPublicHolidays } from "./vietnam-holidays.js";
import { addWorkingDays, endOfVietnamDay, holidayCalendar, workingDayDeadline, workingDaysLeft } from "./working-days.js";

const calendar = holidayCalendar(vietnamPublicHolidays);

describe("working-day deadlines", () => {
  it("skips weekends; the day of arrival does not count", () => {
    // Friday 2026-11-20 (Vietnam time) + 1 working day = Monday 2026-11-23.
    expect(addWorkingDays(new Date("2026-11-20T03:00:00Z"), 1, calendar)).toBe("2026-11-23");
    expect(addWorkingDays(new Date("2026-11-20T03:00:00Z"), 15, calendar)).toBe("2026-12-11");
  });

  it("counts in Vietnam time: 23:30 on a Friday in Vietnam is still Friday", () => {
    expect(addWorkingDays(new Date("2026-11-20T16:30:00Z"), 1, calendar)).toBe("2026-11-23");
    // 00:30 Saturday in Vietnam: the next working day is Monday still, the first to count.
    expect(addWorkingDays(new Date("2026-11-20T17:30:00Z"), 1, calendar)).toBe("2026-11-23");
  });

  it("runs across Tết 2027: 15 working days from Wednesday 3 February 2027 end on 3 March 2027", () => {
    // 4–5 Feb and 8–10 Feb are Tết days off, 6–7 Feb a weekend: the first working day counted is 11 Feb.
    expect(addWorkingDays(new Date("2027-02-03T02:00:00Z"), 1, calendar)).toBe("2027-02-11");
    expect(addWorkingDays(new Date("2027-02-03T02:00:00Z"), 15, calendar)).toBe("2027-03-03");
    // Without the holidays it would be 24 February.
    expect(addWorkingDays(new Date("2027-02-03T02:00:00Z"), 15, holidayCalendar([]))).toBe("2027-02-24");
  });

  it("publishing within 2 working days across Tết 2026", () => {
    // Answered Friday 13 Feb 2026; 16–20 Feb are Tết: due Tuesday 24 Feb.
    expect(addWorkingDays(new Date("2026-02-13T03:00:00Z"), 2, calendar)).toBe("2026-02-24");
  });

  it("a deadline day ends at midnight Vietnam time", () => {
    expect(workingDayDeadline(new Date("2027-02-03T02:00:00Z"), 15, calendar)).toBe("2027-03-03T17:00:00.000Z");
  });
});

describe("workingDaysLeft", () => {
  const calendar = holidayCalendar(["2027-03-03"]);
  // Monday 2027-03-01; the deadline instant of a day is the next midnight, Vietnam time.
  const deadline = (day: string) => endOfVietnamDay(day);
  const monday = new Date("2027-03-01T02:00:00Z");

  it("counts working days to the deadline day, skipping weekends and holidays; 0 on the day itself", () => {
    expect(workingDaysLeft(monday, deadline("2027-03-01"), calendar)).toBe(0);
    expect(workingDaysLeft(monday, deadline("2027-03-02"), calendar)).toBe(1);
    expect(workingDaysLeft(monday, deadline("2027-03-04"), calendar)).toBe(2);
    expect(workingDaysLeft(monday, deadline("2027-03-08"), calendar)).toBe(4);
  });

  it("is negative once past: the working days since the deadline day, at least one", () => {
    expect(workingDaysLeft(new Date("2027-03-02T02:00:00Z"), deadline("2027-03-01"), calendar)).toBe(-1);
    expect(workingDaysLeft(new Date("2027-03-08T02:00:00Z"), deadline("2027-03-01"), calendar)).toBe(-4);
    expect(workingDaysLeft(new Date("2027-03-07T02:00:00Z"), deadline("2027-03-05"), calendar)).toBe(-1);
  });
});
