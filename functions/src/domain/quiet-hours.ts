const minuteMs = 60 * 1000;
const dayMs = 24 * 60 * minuteMs;
const vietnamOffsetMs = 7 * 60 * minuteMs;

/**
 * A daily window in Vietnam time (UTC+7) in which ZNS is not sent (Zalo refuses it then; DESIGN.md §8), as
 * minutes after local midnight: from `startMinute` (quiet) up to `endMinute` (not quiet any more). A start
 * after the end wraps past midnight. Configuration (`ZALO_ZNS_QUIET_HOURS`) holds it.
 */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

/** Zalo's night ban on ZNS: 22:00–06:00. */
export const defaultQuietHours: QuietHours = { startMinute: 22 * 60, endMinute: 6 * 60 };

/** `HH:MM-HH:MM` (24-hour, Vietnam time; a hyphen or an en dash), e.g. `22:00-06:00`; null when malformed or the two are equal. */
export function parseQuietHours(text: string): QuietHours | null {
  // The en dash escaped (\u2013): each Lambda bundle stays ASCII (infra's stack test says why).
  const match = /^([01]\d|2[0-3]):([0-5]\d)\s*[-\u2013]\s*([01]\d|2[0-3]):([0-5]\d)$/u.exec(text.trim());
  if (!match) return null;
  const [, startHour, startMinute, endHour, endMinute] = match.map(Number) as [number, number, number, number, number];
  const window = { startMinute: startHour * 60 + startMinute, endMinute: endHour * 60 + endMinute };
  return window.startMinute === window.endMinute ? null : window;
}

function vietnamMinuteOfDay(instant: Date): number {
  const local = new Date(instant.getTime() + vietnamOffsetMs);
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

export function isQuietHour(instant: Date, window: QuietHours): boolean {
  const minute = vietnamMinuteOfDay(instant);
  return window.startMinute < window.endMinute
    ? minute >= window.startMinute && minute < window.endMinute
    : minute >= window.startMinute || minute < window.endMinute;
}

/** The first instant at or after `instant` outside the quiet window (its end, Vietnam time, when inside it). */
export function endOfQuietHours(instant: Date, window: QuietHours): Date {
  if (!isQuietHour(instant, window)) return instant;
  const local = instant.getTime() + vietnamOffsetMs;
  const localMidnight = local - (((local % dayMs) + dayMs) % dayMs);
  const endToday = localMidnight + window.endMinute * minuteMs;
  const end = endToday > local ? endToday : endToday + dayMs;
  return new Date(end - vietnamOffsetMs);
}
