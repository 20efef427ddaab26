import { describe, expect, it } from "vitest";
import { isWorthRecording, nextVietnamMidnight, recordingStep, reservedForDossiers, vietnamDay, type QuotaReading } from "./daily-quota.js";

describe("the Vietnam day", () => {
  it.each([
    ["2026-11-02T16:59:59.999Z", "2026-11-02", "2026-11-02T17:00:00.000Z"],
    ["2026-11-02T17:00:00.000Z", "2026-11-03", "2026-11-03T17:00:00.000Z"],
    ["2026-12-31T20:00:00.000Z", "2027-01-01", "2027-01-01T17:00:00.000Z"],
  ])("%s is on %s; the next day starts at %s", (instant, day, next) => {
    expect(vietnamDay(new Date(instant))).toBe(day);
    expect(nextVietnamMidnight(new Date(instant)).toISOString()).toBe(next);
  });
});

describe("recording the quota", () => {
  const reading = (day: string, dailyQuota: number, remainingQuota: number): QuotaReading => ({
    channel: "oa_template",
    day,
    dailyQuota,
    remainingQuota,
    updatedAt: "2026-11-02T03:00:00.000Z",
  });

  it("writes the first reading, a new day, a new daily quota and the quota running out", () => {
    expect(isWorthRecording(null, reading("2026-11-02", 1000, 999), 10)).toBe(true);
    expect(isWorthRecording(reading("2026-11-02", 1000, 5), reading("2026-11-03", 1000, 999), 10)).toBe(true);
    expect(isWorthRecording(reading("2026-11-02", 1000, 900), reading("2026-11-02", 2000, 1899), 10)).toBe(true);
    expect(isWorthRecording(reading("2026-11-02", 1000, 5), reading("2026-11-02", 1000, 0), 10)).toBe(true);
  });

  it("skips drops smaller than the step and writes one at the step", () => {
    expect(isWorthRecording(reading("2026-11-02", 1000, 900), reading("2026-11-02", 1000, 891), 10)).toBe(false);
    expect(isWorthRecording(reading("2026-11-02", 1000, 900), reading("2026-11-02", 1000, 890), 10)).toBe(true);
    expect(isWorthRecording(reading("2026-11-02", 1000, 890), reading("2026-11-02", 1000, 895), 10)).toBe(false);
  });

  it("steps by 1% of the daily quota, at least 1", () => {
    expect(recordingStep(20_000)).toBe(200);
    expect(recordingStep(1000)).toBe(10);
    expect(recordingStep(50)).toBe(1);
  });

  it("reserves a share of the day for dossier messages, rounded up", () => {
    expect(reservedForDossiers(1000, 30)).toBe(300);
    expect(reservedForDossiers(5001, 30)).toBe(1501);
    expect(reservedForDossiers(1000, 0)).toBe(0);
  });
});
