import { vietnamCalendarDay } from "./vietnam-time.js";

/** Public holidays (days off for public offices) as `YYYY-MM-DD`; weekends are off anyway. */
export interface HolidayCalendar {
  isHoliday(day: string): boolean;
}

export function holidayCalendar(days: readonly string[]): HolidayCalendar {
  const set = new Set(days);
  return { isHoliday: (day) => set.has(day) };
}

function dayOfWeek(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, calendar: HolidayCalendar): boolean {
  const weekday = dayOfWeek(day);
  return weekday !== 0 && weekday !== 6 && !calendar.isHoliday(day);
}

/**
 * The Nth working day after the day of `from` (Vietnam time): the day something arrives does not count,
 * as for the PAKN deadlines (reply within 15 working days, publish within 2).
 */
export function addWorkingDays(from: Date, workingDays: number, calendar: HolidayCalendar): string {
  let day = vietnamCalendarDay(from);
  let counted = 0;
  while (counted < workingDays) {
    day = nextDay(day);
    if (isWorkingDay(day, calendar)) counted += 1;
  }
  return day;
}

/** A deadline day ends at midnight Vietnam time (UTC+7): the instant the next day starts. */
export function endOfVietnamDay(day: string): string {
  return new Date(Date.parse(`${nextDay(day)}T00:00:00+07:00`)).toISOString();
}

export function workingDayDeadline(from: Date, workingDays: number, calendar: HolidayCalendar): string {
  return endOfVietnamDay(addWorkingDays(from, workingDays, calendar));
}

/**
 * Working days from the day of `now` to the deadline day of `deadline` (a deadline instant is the end of its
 * day): positive while time is left (1 = the deadline is the next working day, 0 = today is the last day),
 * negative once past it (-N = N working days overdue). Vietnam time.
 */
export function workingDaysLeft(now: Date, deadline: string, calendar: HolidayCalendar): number {
  const today = vietnamCalendarDay(now);
  const deadlineDay = vietnamCalendarDay(new Date(Date.parse(deadline) - 1));
  if (today === deadlineDay) return 0;
  const forward = today < deadlineDay;
  let day = forward ? today : deadlineDay;
  const end = forward ? deadlineDay : today;
  let counted = 0;
  while (day < end) {
    day = nextDay(day);
    if (isWorkingDay(day, calendar)) counted += 1;
  }
  if (forward) return counted;
  // Past the deadline: at least one day overdue even when the days since were all days off.
  return -Math.max(counted, 1);
}
