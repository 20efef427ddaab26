import type { Dossier } from "./dossier.js";
import { vietnamCalendarDay } from "./vietnam-time.js";

type LateFields = Pick<
  Dossier,
  "dueAt" | "finishedAt" | "supplementPausedMs" | "supplementPausedSince" | "latestApology" | "lateAt"
>;

/**
 * The return date the citizen was last promised: the due date moved on by the time spent waiting for the
 * citizen's supplement, or an apology's new date when that is later. (The national index still measures
 * against the original due date; this is the date whose passing the citizen is told about.)
 */
export function promisedDueAt(dossier: LateFields): string {
  const shifted = new Date(Date.parse(dossier.dueAt) + dossier.supplementPausedMs).toISOString();
  const apologyDate = dossier.latestApology?.newDueAt;
  return apologyDate && Date.parse(apologyDate) > Date.parse(shifted) ? apologyDate : shifted;
}

/**
 * Where the late-dossier job finds a dossier (written by ingest on the dossier item):
 * - `due`: open, the clock running, not yet marked late: listed under its promised return day (Vietnam calendar);
 * - `late`: marked late by the job and still open: listed for the staff of its agency;
 * - null: finished (no more watching), or waiting for the citizen's supplement (the clock is paused; the
 *   dossier comes back under a later day when the supplement arrives).
 */
export type LateWatch = { kind: "due"; day: string } | { kind: "late" } | null;

export function lateWatch(dossier: LateFields): LateWatch {
  if (dossier.finishedAt) return null;
  if (dossier.lateAt) return { kind: "late" };
  if (dossier.supplementPausedSince) return null;
  return { kind: "due", day: vietnamCalendarDay(new Date(promisedDueAt(dossier))) };
}

/**
 * Late for the citizen: still open, the clock running, and the promised return day is over (Vietnam
 * calendar: a dossier due today may still be returned today). A second supplement request makes a dossier
 * count as late in the national index, but the delay is the citizen's, so it sends no apology-style message.
 */
export function isNewlyLate(dossier: LateFields, now: Date): boolean {
  if (dossier.finishedAt || dossier.lateAt || dossier.supplementPausedSince) return false;
  return vietnamCalendarDay(new Date(promisedDueAt(dossier))) < vietnamCalendarDay(now);
}

/** Whole calendar days (Vietnam) from the promised return day to today; 1 on the day after. */
export function daysLate(dossier: LateFields, now: Date): number {
  const due = Date.parse(`${vietnamCalendarDay(new Date(promisedDueAt(dossier)))}T00:00:00Z`);
  const today = Date.parse(`${vietnamCalendarDay(now)}T00:00:00Z`);
  return Math.max(0, Math.round((today - due) / 86_400_000));
}

/** `YYYY-MM-DD` plus `days` (may be negative). */
export function addCalendarDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
