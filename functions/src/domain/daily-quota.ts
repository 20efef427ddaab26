import type { DeliveryChannel } from "./outbox.js";
import type { QuotaReport } from "./send-outcome.js";

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;
const vietnamOffsetMs = 7 * hourMs;

/** The Vietnam calendar day (UTC+7) of an instant, `YYYY-MM-DD`: Zalo's daily quota starts again at its midnight. */
export function vietnamDay(instant: Date): string {
  return new Date(instant.getTime() + vietnamOffsetMs).toISOString().slice(0, 10);
}

/** The next Vietnam midnight after `instant`. */
export function nextVietnamMidnight(instant: Date): Date {
  const local = instant.getTime() + vietnamOffsetMs;
  const localMidnight = local - (((local % dayMs) + dayMs) % dayMs);
  return new Date(localMidnight + dayMs - vietnamOffsetMs);
}

/** The latest quota a channel's send answers reported, as recorded (one small item per channel). */
export interface QuotaReading extends QuotaReport {
  channel: DeliveryChannel;
  /** The Vietnam day the reading belongs to. */
  day: string;
  updatedAt: string;
}

/**
 * Whether a new answer is worth a write: a new day, a changed daily quota, the quota running out, or a drop of at
 * least `step` since the recorded reading. Most sends change nothing worth a write (the reading is a display and a
 * safety net; each sender keeps its own exact count in memory).
 */
export function isWorthRecording(recorded: QuotaReading | null, next: QuotaReading, step: number): boolean {
  if (!recorded || recorded.day !== next.day || recorded.dailyQuota !== next.dailyQuota) return true;
  if (next.remainingQuota === 0 && recorded.remainingQuota !== 0) return true;
  return recorded.remainingQuota - next.remainingQuota >= step;
}

/** Quota kept for dossier messages: announcements stop when the remaining quota would fall below it. */
export function reservedForDossiers(dailyQuota: number, reservePercent: number): number {
  return Math.ceil((dailyQuota * reservePercent) / 100);
}

/** One write per this many sends at most (1% of the day's quota, at least 1). */
export function recordingStep(dailyQuota: number): number {
  return Math.max(1, Math.floor(dailyQuota / 100));
}
