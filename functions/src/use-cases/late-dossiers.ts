import { overdueNotificationFor } from "../domain/dossier-notification.js";
import { addCalendarDays, daysLate, isNewlyLate, promisedDueAt } from "../domain/late-dossier.js";
import { canSeeAgency, type StaffMember } from "../domain/staff.js";
import { vietnamCalendarDay } from "../domain/vietnam-time.js";
import type { Clock } from "../ports/clock.js";
import type { IdGenerator } from "../ports/id-generator.js";
import type { LateDossierRepository } from "../ports/late-dossier-repository.js";
import { isInvalidCursor, orInvalidCursor, type InvalidCursor } from "../ports/page-cursor.js";

export interface DetectLateDossiersDeps {
  lateDossiers: LateDossierRepository;
  clock: Clock;
  ids: IdGenerator;
  /** Send the citizen one "quá hạn" message per late dossier (`LATE_DOSSIER_NOTIFY`). */
  notifyCitizens: boolean;
  /** Days before yesterday read again on every run (catches dossiers ingested after their day was read). */
  lookbackDays: number;
}

export interface LateDossierRun {
  /** The days read, oldest first. */
  days: string[];
  marked: number;
  notified: number;
}

/**
 * The daily job: every day that is over, from the last run's mark (or the look-back window, whichever is
 * earlier) up to yesterday, lists the open dossiers promised for that day; each one still open is marked
 * late once (a conditional write) and, when configured, its citizen gets one message through the outbox.
 */
export function detectLateDossiersUseCase(deps: DetectLateDossiersDeps) {
  return async function detectLateDossiers(): Promise<LateDossierRun> {
    const now = deps.clock.now();
    const yesterday = addCalendarDays(vietnamCalendarDay(now), -1);
    const windowStart = addCalendarDays(yesterday, -deps.lookbackDays);
    const mark = await deps.lateDossiers.lastProcessedDay();
    const afterMark = mark ? addCalendarDays(mark, 1) : windowStart;
    const first = afterMark < windowStart ? afterMark : windowStart;
    const run: LateDossierRun = { days: [], marked: 0, notified: 0 };
    const at = now.toISOString();
    for (let day = first; day <= yesterday; day = addCalendarDays(day, 1)) {
      run.days.push(day);
      for (const dossier of await deps.lateDossiers.dueOn(day)) {
        // The index is eventually consistent: the dossier item it returns is checked again here.
        if (!isNewlyLate(dossier, now)) continue;
        const notification = deps.notifyCitizens
          ? { id: deps.ids.newId(), notification: overdueNotificationFor(dossier, promisedDueAt(dossier)) }
          : null;
        if (await deps.lateDossiers.markLate(dossier, day, at, notification)) {
          run.marked += 1;
          if (notification) run.notified += 1;
        }
      }
    }
    await deps.lateDossiers.saveLastProcessedDay(yesterday, at);
    return run;
  };
}

export const lateDossierListLimits = { defaultPageSize: 20, maxPageSize: 50 } as const;

export interface LateDossierRow {
  code: string;
  procedureName: string;
  agencyCode: string;
  agencyName: string;
  status: number;
  dueAt: string;
  /** The date that passed: the due date moved by supplement time, or an apology's later date. */
  promisedDueAt: string;
  daysLate: number;
  lateAt: string;
  apology: { newDueAt: string; occurredAt: string } | null;
}

export type LateDossierListResult =
  | { kind: "ok"; dossiers: LateDossierRow[]; nextCursor: string | null }
  | { kind: "agency_required" }
  | { kind: "forbidden" }
  | InvalidCursor;

/** Staff: the late dossiers of one agency in their scope (an officer with one agency need not name it). */
export function listLateDossiersUseCase(deps: { lateDossiers: LateDossierRepository; clock: Clock }) {
  return async function listLateDossiers(
    actor: StaffMember,
    query: { agency: string | null; limit: number; cursor: string | null },
  ): Promise<LateDossierListResult> {
    const agency = query.agency ?? (!actor.allAgencies && actor.agencyCodes.length === 1 ? actor.agencyCodes[0]! : null);
    if (!agency) return { kind: "agency_required" };
    if (!canSeeAgency(actor, agency)) return { kind: "forbidden" };
    const page = await orInvalidCursor(() => deps.lateDossiers.lateOfAgency(agency, { limit: query.limit, cursor: query.cursor }));
    if (isInvalidCursor(page)) return page;
    const now = deps.clock.now();
    return {
      kind: "ok",
      nextCursor: page.nextCursor,
      dossiers: page.dossiers.map((dossier) => ({
        code: dossier.code,
        procedureName: dossier.procedureName,
        agencyCode: dossier.agencyCode,
        agencyName: dossier.agencyName,
        status: dossier.status,
        dueAt: dossier.dueAt,
        promisedDueAt: promisedDueAt(dossier),
        daysLate: daysLate(dossier, now),
        lateAt: dossier.lateAt ?? "",
        apology: dossier.latestApology
          ? { newDueAt: dossier.latestApology.newDueAt, occurredAt: dossier.latestApology.occurredAt }
          : null,
      })),
    };
  };
}
