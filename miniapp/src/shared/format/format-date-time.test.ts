import { describe, expect, it } from "vitest";
import { formatDateTime } from "./format-date-time";

describe("formatDateTime", () => {
  it("shows Vietnam time (UTC+7) as dd/MM/yyyy HH:mm", () => {
    expect(formatDateTime("2026-11-27T10:00:00.000Z")).toBe("27/11/2026 17:00");
    expect(formatDateTime("2026-12-31T20:05:00.000Z")).toBe("01/01/2027 03:05");
  });

  it("shows nothing for a date it cannot read", () => {
    expect(formatDateTime("not a date")).toBe("");
  });
});
