import type { DossierSummary, DossierView, DossierViewLevel } from "@motcua/contracts/dossier-view";
import { maskApplicantName } from "./applicant-name.js";
import type { Dossier, DossierEvent } from "./dossier.js";
import { statusLabel } from "./dossier-status.js";
import { onTimeCategory, onTimeLabels } from "./on-time.js";

export type { DossierSummary, DossierView, DossierViewLevel } from "@motcua/contracts/dossier-view";

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


export function buildDossierSummary(dossier: Dossier, now: Date): DossierSummary {
  const { timeline: _timeline, ...summary } = buildDossierView(dossier, [], "owner", now);
  return summary;
}
