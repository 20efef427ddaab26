import { onTimeCategories, type DossierApology, type DossierTimelineEntry, type DossierView } from "@motcua/contracts/dossier-view";
import { nullableString, number, object, oneOf, string } from "../../shared/parse/json-shape";

export type { DossierApology, DossierTimelineEntry, DossierView, DossierViewLevel as DossierViewKind, OnTimeCategory } from "@motcua/contracts/dossier-view";

/** `undefined` for an absent or null field. */
function optionalString(value: unknown, at: string): string | undefined {
  return nullableString(value, at) ?? undefined;
}

function parseApology(value: unknown, at: string): DossierApology {
  const json = object(value, at);
  const apology: DossierApology = { newDueAt: string(json.newDueAt, `${at}.newDueAt`) };
  const occurredAt = optionalString(json.occurredAt, `${at}.occurredAt`);
  const reason = optionalString(json.reason, `${at}.reason`);
  if (occurredAt !== undefined) apology.occurredAt = occurredAt;
  if (reason !== undefined) apology.reason = reason;
  return apology;
}

function parseTimelineEntry(value: unknown, at: string): DossierTimelineEntry {
  const json = object(value, at);
  const entry: DossierTimelineEntry = {
    status: number(json.status, `${at}.status`),
    statusLabel: string(json.statusLabel, `${at}.statusLabel`),
    occurredAt: string(json.occurredAt, `${at}.occurredAt`),
    unitName: optionalString(json.unitName, `${at}.unitName`) ?? null,
  };
  const note = optionalString(json.note, `${at}.note`);
  if (note !== undefined) entry.note = note;
  if (json.apology !== undefined && json.apology !== null) entry.apology = parseApology(json.apology, `${at}.apology`);
  return entry;
}

export function parseDossierView(body: unknown): DossierView {
  const json = object(body, "dossier");
  const procedure = object(json.procedure, "procedure");
  const agency = object(json.agency, "agency");
  const timeline = json.timeline;
  if (!Array.isArray(timeline)) throw new TypeError("timeline: array expected");
  return {
    view: oneOf(json.view, ["owner", "public"] as const, "view"),
    code: string(json.code, "code"),
    procedure: { code: string(procedure.code, "procedure.code"), name: string(procedure.name, "procedure.name") },
    agency: { code: string(agency.code, "agency.code"), name: string(agency.name, "agency.name") },
    applicantName: string(json.applicantName, "applicantName"),
    status: number(json.status, "status"),
    statusLabel: string(json.statusLabel, "statusLabel"),
    receivedAt: string(json.receivedAt, "receivedAt"),
    dueAt: string(json.dueAt, "dueAt"),
    finishedAt: optionalString(json.finishedAt, "finishedAt") ?? null,
    onTime: oneOf(json.onTime, onTimeCategories, "onTime"),
    onTimeLabel: string(json.onTimeLabel, "onTimeLabel"),
    apology: json.apology === null || json.apology === undefined ? null : parseApology(json.apology, "apology"),
    timeline: timeline.map((entry, index) => parseTimelineEntry(entry, `timeline[${index}]`)),
  };
}
