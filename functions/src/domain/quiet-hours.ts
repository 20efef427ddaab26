import { vietnamHour } from "./vietnam-time.js";

const hourMs = 60 * 60 * 1000;
const vietnamOffsetMs = 7 * hourMs;

/** ZNS is not sent at night in Vietnam (Zalo refuses it with -133; DESIGN.md §8): 22:00–06:00, UTC+7. */
export const quietHours = { startHour: 22, endHour: 6 } as const;

export function isQuietHour(instant: Date): boolean {
  const hour = vietnamHour(instant);
  return hour >= quietHours.startHour || hour < quietHours.endHour;
}

/** The first instant at or after `instant` outside quiet hours (06:00 Vietnam time when inside them). */
export function endOfQuietHours(instant: Date): Date {
  if (!isQuietHour(instant)) return instant;
  const local = new Date(instant.getTime() + vietnamOffsetMs);
  const sixLocal = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), quietHours.endHour);
  const nextSixLocal = local.getUTCHours() >= quietHours.startHour ? sixLocal + 24 * hourMs : sixLocal;
  return new Date(nextSixLocal - vietnamOffsetMs);
}
