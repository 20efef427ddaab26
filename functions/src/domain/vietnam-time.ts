/** Vietnam has one time zone, UTC+7, and no daylight saving time. */
const vietnamOffsetMs = 7 * 60 * 60 * 1000;

/** The calendar day in Vietnam as `YYYY-MM-DD`. */
export function vietnamCalendarDay(instant: Date): string {
  return new Date(instant.getTime() + vietnamOffsetMs).toISOString().slice(0, 10);
}

export function vietnamHour(instant: Date): number {
  return new Date(instant.getTime() + vietnamOffsetMs).getUTCHours();
}
