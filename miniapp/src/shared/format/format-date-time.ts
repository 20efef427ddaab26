// Vietnam keeps UTC+7 all year (no daylight saving since 1975): plain arithmetic gives its wall-clock time. An
// Intl.DateTimeFormat with a time zone costs a cheap phone a noticeable moment to build, on the way to the first
// timeline entry.
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

const twoDigits = (value: number) => String(value).padStart(2, "0");

/** The parts of an instant in Vietnam time, or null for a date that cannot be read. */
function vietnamParts(iso: string): { day: string; month: string; year: string; hour: string; minute: string } | null {
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return null;
  const local = new Date(time + VIETNAM_OFFSET_MS);
  return {
    day: twoDigits(local.getUTCDate()),
    month: twoDigits(local.getUTCMonth() + 1),
    year: String(local.getUTCFullYear()),
    hour: twoDigits(local.getUTCHours()),
    minute: twoDigits(local.getUTCMinutes()),
  };
}

/** "dd/MM/yyyy HH:mm" in Vietnam time, whatever the phone's time zone; "" for a bad date. */
export function formatDateTime(iso: string): string {
  const parts = vietnamParts(iso);
  return parts ? `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}` : "";
}

/** "dd/MM/yyyy" in Vietnam time; "" for a bad date. */
export function formatDate(iso: string): string {
  const parts = vietnamParts(iso);
  return parts ? `${parts.day}/${parts.month}/${parts.year}` : "";
}

/** "HH:mm ngày dd/MM" in Vietnam time (a moment in the next days, such as when sending resumes); "" for a bad date. */
export function formatTimeOfDay(iso: string): string {
  const parts = vietnamParts(iso);
  return parts ? `${parts.hour}:${parts.minute} ngày ${parts.day}/${parts.month}` : "";
}

/**
 * The day a deadline falls on. The API gives a deadline as the end of its day (the next midnight, Vietnam time),
 * so 28/12 is sent as 29/12 00:00: the day is the one that ends there.
 */
export function formatDeadlineDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return formatDate(new Date(date.getTime() - 1).toISOString());
}

/** The month `back` months before the Vietnam month of `now`, as `YYYY-MM` (the month pickers of the reports). */
export function vietnamMonth(now: Date, back = 0): string {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const index = local.getUTCFullYear() * 12 + local.getUTCMonth() - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}
