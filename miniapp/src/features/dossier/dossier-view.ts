export type DossierViewKind = "owner" | "public";
export type OnTimeCategory = "truoc_han" | "dung_han" | "qua_han" | "trong_han";

export interface DossierApology {
  newDueAt: string;
  occurredAt?: string;
  reason?: string;
}

export interface DossierTimelineEntry {
  status: number;
  statusLabel: string;
  occurredAt: string;
  unitName: string | null;
  note?: string;
  apology?: DossierApology;
}

/** GET /v1/dossiers/{code}: the owner view carries notes and reasons, the public view does not. */
export interface DossierView {
  view: DossierViewKind;
  code: string;
  procedure: { code: string; name: string };
  agency: { code: string; name: string };
  applicantName: string;
  status: number;
  statusLabel: string;
  receivedAt: string;
  dueAt: string;
  finishedAt: string | null;
  onTime: OnTimeCategory;
  onTimeLabel: string;
  apology: DossierApology | null;
  /** Oldest first, as the API sends it. */
  timeline: DossierTimelineEntry[];
}

type Json = Record<string, unknown>;

function object(value: unknown, at: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new TypeError(`${at}: object expected`);
  return value as Json;
}
function string(value: unknown, at: string): string {
  if (typeof value !== "string") throw new TypeError(`${at}: string expected`);
  return value;
}
function optionalString(value: unknown, at: string): string | undefined {
  return value === undefined || value === null ? undefined : string(value, at);
}
function number(value: unknown, at: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) throw new TypeError(`${at}: number expected`);
  return value;
}
function oneOf<T extends string>(value: unknown, allowed: readonly T[], at: string): T {
  if (!allowed.includes(value as T)) throw new TypeError(`${at}: one of ${allowed.join(", ")} expected`);
  return value as T;
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
    onTime: oneOf(json.onTime, ["truoc_han", "dung_han", "qua_han", "trong_han"] as const, "onTime"),
    onTimeLabel: string(json.onTimeLabel, "onTimeLabel"),
    apology: json.apology === null || json.apology === undefined ? null : parseApology(json.apology, "apology"),
    timeline: timeline.map((entry, index) => parseTimelineEntry(entry, `timeline[${index}]`)),
  };
}
