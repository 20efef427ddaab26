import { describe, expect, it } from "vitest";
import { defaultQuietHours, endOfQuietHours, isQuietHour, parseQuietHours } from "./quiet-hours.js";

describe("quiet hours (default 22:00–06:00 Vietnam time)", () => {
  it.each([
    ["2026-03-02T14:59:00Z", false], // 21:59 in Vietnam
    ["2026-03-02T14:59:59Z", false], // 21:59:59
    ["2026-03-02T15:00:00Z", true], // 22:00
    ["2026-03-02T16:59:00Z", true], // 23:59
    ["2026-03-02T17:00:00Z", true], // 00:00
    ["2026-03-02T22:59:00Z", true], // 05:59
    ["2026-03-02T22:59:59Z", true], // 05:59:59
    ["2026-03-02T23:00:00Z", false], // 06:00
  ])("%s is quiet: %s", (instant, quiet) => {
    expect(isQuietHour(new Date(instant), defaultQuietHours)).toBe(quiet);
  });

  it("waits until 06:00 Vietnam time, on the next day before midnight and the same day after", () => {
    expect(endOfQuietHours(new Date("2026-03-02T15:00:00Z"), defaultQuietHours).toISOString()).toBe("2026-03-02T23:00:00.000Z");
    expect(endOfQuietHours(new Date("2026-03-02T15:30:00Z"), defaultQuietHours).toISOString()).toBe("2026-03-02T23:00:00.000Z");
    expect(endOfQuietHours(new Date("2026-03-02T18:00:00Z"), defaultQuietHours).toISOString()).toBe("2026-03-02T23:00:00.000Z");
    expect(endOfQuietHours(new Date("2026-03-02T22:59:59Z"), defaultQuietHours).toISOString()).toBe("2026-03-02T23:00:00.000Z");
  });

  it("leaves a daytime instant as it is", () => {
    const noon = new Date("2026-03-02T05:00:00Z");
    expect(endOfQuietHours(noon, defaultQuietHours)).toEqual(noon);
  });
});

describe("a configured window", () => {
  const lateEvening = parseQuietHours("21:30-07:15")!;
  const lunch = parseQuietHours("12:00-13:30")!;

  it.each([
    ["2026-03-02T14:29:00Z", false], // 21:29
    ["2026-03-02T14:30:00Z", true], // 21:30
    ["2026-03-03T00:14:00Z", true], // 07:14
    ["2026-03-03T00:15:00Z", false], // 07:15
  ])("21:30-07:15: %s is quiet: %s", (instant, quiet) => {
    expect(isQuietHour(new Date(instant), lateEvening)).toBe(quiet);
  });

  it("a window inside one day (start before end) does not wrap past midnight", () => {
    expect(isQuietHour(new Date("2026-03-02T04:59:00Z"), lunch)).toBe(false); // 11:59
    expect(isQuietHour(new Date("2026-03-02T05:00:00Z"), lunch)).toBe(true); // 12:00
    expect(isQuietHour(new Date("2026-03-02T06:29:00Z"), lunch)).toBe(true); // 13:29
    expect(isQuietHour(new Date("2026-03-02T06:30:00Z"), lunch)).toBe(false); // 13:30
    expect(isQuietHour(new Date("2026-03-02T17:00:00Z"), lunch)).toBe(false); // 00:00
    expect(endOfQuietHours(new Date("2026-03-02T05:10:00Z"), lunch).toISOString()).toBe("2026-03-02T06:30:00.000Z");
  });

  it("ends a wrapped window at its own end time, the next morning", () => {
    expect(endOfQuietHours(new Date("2026-03-02T14:30:00Z"), lateEvening).toISOString()).toBe("2026-03-03T00:15:00.000Z");
  });

  it("reads HH:MM-HH:MM and refuses anything else", () => {
    expect(parseQuietHours("22:00-06:00")).toEqual(defaultQuietHours);
    expect(parseQuietHours("22:00–06:00")).toEqual(defaultQuietHours);
    expect(parseQuietHours(" 00:00 - 23:59 ")).toEqual({ startMinute: 0, endMinute: 23 * 60 + 59 });
    for (const bad of ["", "22-06", "22:00", "24:00-06:00", "22:60-06:00", "22:00-22:00", "10pm-6am", "22:00/06:00"]) {
      expect(parseQuietHours(bad), bad).toBeNull();
    }
  });
});
