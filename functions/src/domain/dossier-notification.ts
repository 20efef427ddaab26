import type { ApplyEventOutcome, Dossier } from "./dossier.js";
import type { DossierStatus } from "./dossier-status.js";

export const dossierNotificationKinds = [
  "dossier_received",
  "dossier_status_changed",
  "dossier_result_ready",
  "dossier_result_delivered",
  "dossier_apology",
  /** Sent once, the first time a dossier reaches 9 or 10: invites the citizen to rate it. */
  "rating_invitation",
  /** Sent once by the late-dossier job when the promised return date passed without a result. */
  "dossier_overdue",
] as const;

export type DossierNotificationKind = (typeof dossierNotificationKinds)[number];

/** What the citizen should be told about an applied event; the notify function renders and sends it. */
export interface DossierNotification {
  kind: DossierNotificationKind;
  dossierCode: string;
  status: DossierStatus;
  procedureName: string;
  dueAt: string;
  newDueAt: string | null;
  /** Where to reach the citizen when they do not follow the OA (ZNS by phone). */
  applicantPhone: string | null;
  /** The agency that will contact the citizen (the overdue message names it); absent on older items. */
  agencyName?: string;
}

/**
 * One message per change the citizen cares about: a new current status, or an apology with a new date.
 * A late or repeated event that does not change the current status sends nothing.
 */
export function notificationFor(outcome: Extract<ApplyEventOutcome, { ok: true }>): DossierNotification | null {
  const { dossier, event } = outcome;
  const base = {
    dossierCode: dossier.code,
    status: dossier.status,
    procedureName: dossier.procedureName,
    dueAt: dossier.dueAt,
    newDueAt: event.apology?.newDueAt ?? null,
    applicantPhone: dossier.applicantPhone,
  };
  if (event.apology && !outcome.stale) return { kind: "dossier_apology", ...base };
  if (!outcome.statusChanged || outcome.stale) return null;
  const kind: DossierNotificationKind =
    dossier.status === 9
      ? "dossier_result_ready"
      : dossier.status === 10
        ? "dossier_result_delivered"
        : outcome.isFirstEvent && dossier.status === 2
          ? "dossier_received"
          : "dossier_status_changed";
  return { kind, ...base };
}

/** The invitation to rate, a message of its own (its own outbox item) beside the status message. */
export function ratingInvitationFor(outcome: Extract<ApplyEventOutcome, { ok: true }>): DossierNotification | null {
  if (!outcome.ratingInvitationDue) return null;
  const { dossier } = outcome;
  return {
    kind: "rating_invitation",
    dossierCode: dossier.code,
    status: dossier.status,
    procedureName: dossier.procedureName,
    dueAt: dossier.dueAt,
    newDueAt: null,
    applicantPhone: dossier.applicantPhone,
  };
}

/** The overdue message: `dueAt` is the promised return date that passed. */
export function overdueNotificationFor(dossier: Pick<Dossier, "code" | "status" | "procedureName" | "applicantPhone" | "agencyName">, promisedDueAt: string): DossierNotification {
  return {
    kind: "dossier_overdue",
    dossierCode: dossier.code,
    status: dossier.status,
    procedureName: dossier.procedureName,
    dueAt: promisedDueAt,
    newDueAt: null,
    applicantPhone: dossier.applicantPhone,
    agencyName: dossier.agencyName,
  };
}
