import { describe, expect, it } from "vitest";
import { shiftedClock } from "./shifted-clock.js";

describe("shiftedClock", () => {
  it("starts at the instant asked for and moves on by the time that really passed", () => {
    let elapsed = 0;
    const clock = shiftedClock(new Date("2027-01-31T16:59:30Z"), () => elapsed);
    expect(clock.now().toISOString()).toBe("2027-01-31T16:59:30.000Z");
    elapsed = 45_000;
    expect(clock.now().toISOString()).toBe("2027-01-31T17:00:15.000Z");
  });

  it("refuses an invalid start", () => {
    expect(() => shiftedClock(new Date("not a date"))).toThrow(/valid date/);
  });
});
