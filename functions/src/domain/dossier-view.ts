import { maskApplicantName } from "./applicant-name.js";
import type { Dossier, DossierEvent } from "./dossier.js";
import { statusLabel, type DossierStatus } from "./dossier-status.js";
import { onTimeCategory, onTimeLabels, type OnTimeCategory } from "./on-time.js";

/**
 * Privacy levels (DESIGN.md §5): "public" for anyone holding the code, "owner" for a valid receipt
 * signature or a verified phone equal to the dossier's.
 */
export type DossierViewLevel = "public" | "owner";

export interface TimelineEntryView {
  status: DossierStatus;
  statusLabel: string;
  occurredAt: string;
  unitName: string | null;
  note?: string | null;
  apology?: { newDueAt: string; reason?: string };
}

export interface DossierView {
  view: DossierViewLevel;
  code: string;
  procedure: { code: string; name: string };
  agency: { code: string; name: string };
  applicantName: string;
  status: DossierStatus;
  statusLabel: string;
  receivedAt: string;
  dueAt: string;
  finishedAt: string | null;
  onTime: OnTimeCategory;
  onTimeLabel: string;
  apology: { newDueAt: string; occurredAt: string; reason?: string } | null;
  timeline: TimelineEntryView[];
}

export function buildDossierView(
  dossier: Dossier,
  sortedEvents: readonly DossierEvent[],
  level: DossierViewLevel,
  now: Date,
): DossierView {
  const owner = level === "owner";
  const onTime = onTimeCategory(dossier, now);
  const apology = dossier.latestApology;
  return {
    view: level,
    code: dossier.code,
    procedure: { code: dossier.procedureCode, name: dossier.procedureName },
    agency: { code: dossier.agencyCode, name: dossier.agencyName },
    applicantName: owner ? dossier.applicantName : maskApplicantName(dossier.applicantName),
    status: dossier.status,
    statusLabel: statusLabel(dossier.status),
    receivedAt: dossier.receivedAt,
    dueAt: dossier.dueAt,
    finishedAt: dossier.finishedAt,
    onTime,
    onTimeLabel: onTimeLabels[onTime],
    apology: apology
      ? { newDueAt: apology.newDueAt, occurredAt: apology.occurredAt, ...(owner ? { reason: apology.reason } : {}) }
      : null,
    timeline: sortedEvents.map((event) => ({
      status: event.status,
      statusLabel: statusLabel(event.status),
      occurredAt: event.occurredAt,
      unitName: event.unitName,
      ...(owner ? { note: event.note } : {}),
      ...(event.apology
        ? { apology: { newDueAt: event.apology.newDueAt, ...(owner ? { reason: event.apology.reason } : {}) } }
        : {}),
    })),
  };
}

/** A dossier in a list ("Hồ sơ của tôi"): the owner view without the timeline. */
export type DossierSummary = Omit<DossierView, "timeline">;

export function buildDossierSummary(dossier: Dossier, now: Date): DossierSummary {
  const { timeline: _timeline, ...summary } = buildDossierView(dossier, [], "owner", now);
  return summary;
}
