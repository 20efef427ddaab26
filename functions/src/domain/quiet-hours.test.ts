import { describe, expect, it } from "vitest";
import { endOfQuietHours, isQuietHour } from "./quiet-hours.js";

describe("quiet hours (22:00–06:00 Vietnam time)", () => {
  it.each([
    ["2026-03-02T14:59:59Z", false], // 21:59:59 in Vietnam
    ["2026-03-02T15:00:00Z", true], // 22:00
    ["2026-03-02T22:59:59Z", true], // 05:59:59
    ["2026-03-02T23:00:00Z", false], // 06:00
  ])("%s is quiet: %s", (instant, quiet) => {
    expect(isQuietHour(new Date(instant))).toBe(quiet);
  });

  it("waits until 06:00 Vietnam time, on the next day before midnight and the same day after", () => {
    expect(endOfQuietHours(new Date("2026-03-02T15:30:00Z")).toISOString()).toBe("2026-03-02T23:00:00.000Z");
    expect(endOfQuietHours(new Date("2026-03-02T18:00:00Z")).toISOString()).toBe("2026-03-02T23:00:00.000Z");
    expect(endOfQuietHours(new Date("2026-03-02T21:00:00Z")).toISOString()).toBe("2026-03-02T23:00:00.000Z");
  });

  it("leaves a daytime instant as it is", () => {
    const noon = new Date("2026-03-02T05:00:00Z");
    expect(endOfQuietHours(noon)).toEqual(noon);
  });
});
