import { describe, expect, it } from "vitest";
import { formatDateTime, formatDeadlineDay } from "./format-date-time";

describe("formatDateTime", () => {
  it("shows Vietnam time (UTC+7) as dd/MM/yyyy HH:mm", () => {
    expect(formatDateTime("2026-11-27T10:00:00.000Z")).toBe("27/11/2026 17:00");
    expect(formatDateTime("2026-12-31T20:05:00.000Z")).toBe("01/01/2027 03:05");
  });

  it("shows nothing for a date it cannot read", () => {
    expect(formatDateTime("not a date")).toBe("");
  });
});

describe("formatDeadlineDay", () => {
  it("shows the day a deadline ends: the end of 28/12 (29/12 00:00 Vietnam time) is 28/12", () => {
    expect(formatDeadlineDay("2026-12-28T17:00:00.000Z")).toBe("28/12/2026");
    expect(formatDeadlineDay("2026-12-29T00:00:00+07:00")).toBe("28/12/2026");
  });

  it("a deadline inside a day is that day", () => {
    expect(formatDeadlineDay("2026-12-28T10:00:00+07:00")).toBe("28/12/2026");
  });

  it("shows nothing for a date it cannot read", () => {
    expect(formatDeadlineDay("not a date")).toBe("");
  });
});
