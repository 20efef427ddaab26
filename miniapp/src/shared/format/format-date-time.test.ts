import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDeadlineDay, formatTimeOfDay, vietnamMonth } from "./format-date-time";

describe("formatDateTime", () => {
  it("shows Vietnam time (UTC+7) as dd/MM/yyyy HH:mm", () => {
    expect(formatDateTime("2026-11-27T10:00:00.000Z")).toBe("27/11/2026 17:00");
    expect(formatDateTime("2026-12-31T20:05:00.000Z")).toBe("01/01/2027 03:05");
  });

  it("shows nothing for a date it cannot read", () => {
    expect(formatDateTime("not a date")).toBe("");
  });

  it("agrees with the time-zone database for Asia/Ho_Chi_Minh over the years dossiers span", () => {
    const zoned = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    for (let instant = Date.UTC(1990, 0, 1); instant < Date.UTC(2040, 0, 1); instant += 86_400_000 * 37 + 3_600_000 * 5 + 60_000 * 7) {
      const iso = new Date(instant).toISOString();
      expect(formatDateTime(iso), iso).toBe(zoned.format(new Date(instant)).replace(",", ""));
    }
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

describe("formatDate and formatTimeOfDay", () => {
  it("show the Vietnam day, which is the next UTC day from 17:00 UTC", () => {
    expect(formatDate("2026-11-09T16:59:00.000Z")).toBe("09/11/2026");
    expect(formatDate("2026-11-09T17:00:00.000Z")).toBe("10/11/2026");
    expect(formatTimeOfDay("2026-12-07T17:00:00.000Z")).toBe("00:00 ngày 08/12");
  });

  it("show nothing for a date they cannot read", () => {
    expect(formatDate("not a date")).toBe("");
    expect(formatTimeOfDay("not a date")).toBe("");
  });
});

describe("vietnamMonth", () => {
  it("is the Vietnam month, so the last evening of a UTC month is already the next one", () => {
    expect(vietnamMonth(new Date("2026-11-30T16:59:00.000Z"))).toBe("2026-11");
    expect(vietnamMonth(new Date("2026-11-30T17:00:00.000Z"))).toBe("2026-12");
  });

  it("counts back across a year", () => {
    expect(vietnamMonth(new Date("2026-02-10T00:00:00.000Z"), 2)).toBe("2025-12");
    expect(vietnamMonth(new Date("2026-02-10T00:00:00.000Z"), 14)).toBe("2024-12");
  });
});
