import type { DossierCodeKind } from "@motcua/contracts/dossier-code";
import { reviseDossier, type Apology, type Dossier, type DossierDetails, type DossierEvent, type IncomingDossierEvent, type SourceStatus } from "../domain/dossier.js";
import type { DossierStatus } from "../domain/dossier-status.js";
import type { Clock } from "../ports/clock.js";
import type { DossierRepository } from "../ports/dossier-repository.js";
import type { ApplyEventResult } from "./apply-dossier-event.js";

/** One timeline entry the national sync dialect implies; its id is derived from its content. */
export interface DialectEvent {
  eventId: string;
  status: DossierStatus;
  occurredAt: string;
  note: string | null;
  unitName: string | null;
  apology: Apology | null;
  /**
   * The item gave no date for this status (e.g. "4" with only NgayTiepNhan): the time is the latest date it did
   * give, one second on. Such an event is skipped when the dossier already has that status, and placed after
   * the held current status otherwise, so a re-sent item never adds an entry or moves the status back.
   */
  timeInferred?: boolean;
}

/**
 * Clients re-send whole dossiers and synthetic steps, so an event is identified by its content: the same
 * dossier, status and time is the same event, whichever service or door it came through.
 */
export function dialectEventId(code: string, status: DossierStatus, occurredAt: string): string {
  const compact = occurredAt.slice(0, 19).replace(/[-:T]/gu, "");
  return `dvcqg:${status}:${compact}:${code}`;
}

/** A `DongBoHoSoMC` item, already translated: whatever details it carries and the events it implies. */
export interface DialectDossierItem {
  code: string;
  codeKind: DossierCodeKind;
  details: Partial<DossierDetails>;
  events: DialectEvent[];
  /** The sender's status code when its status map does not know it: kept on the answer, never a status change. */
  sourceStatus: string | null;
}

/** A `CapNhatTienDoHoSoMC` step, translated; `event` is null when the step's status is unknown to the map. */
export interface DialectStep {
  code: string;
  codeKind: DossierCodeKind;
  event: DialectEvent | null;
  sourceStatus: string | null;
}

export type DialectItemOutcome =
  /** New timeline events; `sourceStatus` when the item's own status was outside the map (e.g. a create under 11). */
  | { outcome: "applied"; code: string; applied: number; sourceStatus?: string }
  /** No new event, but the dossier's details changed (a new due date, a corrected name…): no message. */
  | { outcome: "updated"; code: string }
  | { outcome: "duplicate"; code: string }
  /** A create (`isUpdating` False) of a dossier already held: the dialect's "đã tồn tại". */
  | { outcome: "exists"; code: string }
  /** Accepted, but its status code is outside the sender's map: kept as the dossier's source status, no status change. */
  | { outcome: "ignored"; code: string; sourceStatus: string }
  | { outcome: "rejected"; code: string; reason: string };

export interface SyncDialectDeps {
  dossiers: Pick<DossierRepository, "findWithTimeline" | "saveRevisedDossier">;
  clock: Clock;
  applyEvent: (event: IncomingDossierEvent, payloadHash: string) => Promise<ApplyEventResult>;
  /** A stable digest of an event's content, the idempotency marker's payload hash. */
  hashEvent: (event: IncomingDossierEvent) => string;
}

const maxReviseAttempts = 5;

const notSynced = "hồ sơ chưa được đồng bộ (gửi DongBoHoSoMC trước)";

/** Dossiers are independent, so a few are synced side by side, as our own ingest does; one dossier's in order. */
const dossiersInParallel = 8;

async function byDossier<T extends { code: string }>(
  entries: readonly T[],
  run: (entry: T) => Promise<DialectItemOutcome>,
): Promise<DialectItemOutcome[]> {
  const outcomes: DialectItemOutcome[] = new Array(entries.length);
  const queues = new Map<string, number[]>();
  entries.forEach((entry, index) => queues.set(entry.code, [...(queues.get(entry.code) ?? []), index]));
  const pending = [...queues.values()];
  const worker = async () => {
    for (let positions = pending.shift(); positions; positions = pending.shift()) {
      for (const index of positions) outcomes[index] = await run(entries[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(dossiersInParallel, pending.length) }, worker));
  return outcomes;
}

/** Whether the sender may write a dossier of this agency. */
export type AgencyCheck = (agencyCode: string) => boolean;

function notOurs(code: string): DialectItemOutcome {
  return { outcome: "rejected", code, reason: "hồ sơ thuộc đơn vị khác, tài khoản không được ghi" };
}

const detailFields = [
  "agencyCode",
  "agencyName",
  "procedureCode",
  "procedureName",
  "applicantName",
  "receivedAt",
  "dueAt",
] as const satisfies readonly (keyof DossierDetails)[];

const detailLabels: Record<(typeof detailFields)[number], string> = {
  agencyCode: "mã đơn vị (madonvi)",
  agencyName: "DonViXuLy",
  procedureCode: "MaTTHC",
  procedureName: "TenTTHC",
  applicantName: "ChuHoSo",
  receivedAt: "NgayTiepNhan",
  dueAt: "NgayHenTra",
};

/**
 * The national dossier-sync dialect as a second door into the same use case as our own ingest: each item or
 * step becomes ordinary dossier events; nothing downstream knows which door they came through.
 */
export function syncDialectUseCases(deps: SyncDialectDeps) {
  async function applyAll(events: readonly IncomingDossierEvent[]): Promise<{ applied: number; rejected: string | null }> {
    let applied = 0;
    for (const event of events) {
      const result = await deps.applyEvent(event, deps.hashEvent(event));
      if (result.outcome === "applied") applied += 1;
      if (result.outcome === "rejected") return { applied, rejected: result.reason };
    }
    return { applied, rejected: null };
  }

  /** Writes details or a source status that changed without an event; false when nothing differed. */
  async function revise(first: Dossier, change: { details?: DossierDetails; sourceStatus?: SourceStatus | null }): Promise<boolean> {
    let current: Dossier | null = first;
    for (let attempt = 1; attempt <= maxReviseAttempts && current; attempt += 1) {
      const next = reviseDossier(current, change, deps.clock.now().toISOString());
      if (!next) return false;
      if ((await deps.dossiers.saveRevisedDossier(next, current.version)) === "written") return true;
      current = (await deps.dossiers.findWithTimeline(current.code, { consistent: true }))?.dossier ?? null;
    }
    if (!current) return false;
    throw new Error(`dossier ${first.code} kept changing while its details were updated`);
  }

  const seen = (code: string): SourceStatus => ({ code, seenAt: deps.clock.now().toISOString() });

  async function syncDossier(item: DialectDossierItem, isUpdating: boolean, allowAgency: AgencyCheck): Promise<DialectItemOutcome> {
    const held = await deps.dossiers.findWithTimeline(item.code, { consistent: true });
    if (held && !allowAgency(held.dossier.agencyCode)) return notOurs(item.code);
    if (held && !isUpdating) return { outcome: "exists", code: item.code };
    const details = completeDetails(item.details, held?.dossier ?? null);
    if (!details.ok) return { outcome: "rejected", code: item.code, reason: details.reason };
    if (!held && item.events.length === 0) {
      return { outcome: "rejected", code: item.code, reason: "không có ngày nào để tạo hồ sơ (NgayTiepNhan…)" };
    }
    // An item is the sender's current view of the dossier: its details replace ours even without a new event, and
    // a mapped status clears an unmapped one seen before. Written first, so the events below carry the same details.
    const sourceStatus = item.sourceStatus === null ? null : seen(item.sourceStatus);
    const revised = held ? await revise(held.dossier, { details: details.value, sourceStatus }) : false;
    const known = new Set((held?.events ?? []).map((event: DossierEvent) => event.eventId));
    const fresh = item.events
      .map((event) => placeInferred(event, item.code, held?.dossier ?? null))
      .filter((event): event is DialectEvent => event !== null && !known.has(event.eventId))
      .map(({ timeInferred: _inferred, ...event }) => ({ ...event, code: item.code, codeKind: item.codeKind, details: details.value }));
    const { applied, rejected } = fresh.length > 0 ? await applyAll(fresh) : { applied: 0, rejected: null };
    if (rejected !== null) return { outcome: "rejected", code: item.code, reason: rejected };
    if (!held && sourceStatus && applied > 0) {
      const created = await deps.dossiers.findWithTimeline(item.code, { consistent: true });
      if (created) await revise(created.dossier, { sourceStatus });
    }
    if (applied > 0) return { outcome: "applied", code: item.code, applied, ...(item.sourceStatus === null ? {} : { sourceStatus: item.sourceStatus }) };
    if (item.sourceStatus !== null) return { outcome: "ignored", code: item.code, sourceStatus: item.sourceStatus };
    return revised ? { outcome: "updated", code: item.code } : { outcome: "duplicate", code: item.code };
  }

  async function syncStep(step: DialectStep, allowAgency: AgencyCheck): Promise<DialectItemOutcome> {
    if (step.codeKind !== "official" || !step.event) {
      // Only an official code names its agency; another code's agency is the one of the dossier held.
      const held = await deps.dossiers.findWithTimeline(step.code, { consistent: !step.event });
      if (held && !allowAgency(held.dossier.agencyCode)) return notOurs(step.code);
      if (!step.event) {
        if (!held) return { outcome: "rejected", code: step.code, reason: notSynced };
        const sourceStatus = step.sourceStatus ?? "";
        await revise(held.dossier, { sourceStatus: seen(sourceStatus) });
        return { outcome: "ignored", code: step.code, sourceStatus };
      }
    }
    const result = await deps.applyEvent(
      { ...step.event, code: step.code, codeKind: step.codeKind, details: null },
      deps.hashEvent({ ...step.event, code: step.code, codeKind: step.codeKind, details: null }),
    );
    if (result.outcome === "applied") return { outcome: "applied", code: step.code, applied: 1 };
    if (result.outcome === "duplicate") return { outcome: "duplicate", code: step.code };
    return { outcome: "rejected", code: step.code, reason: notSynced };
  }

  return {
    /** `DongBoHoSoMC`: items of different dossiers one after another, in the order sent. */
    async syncDossiers(items: readonly DialectDossierItem[], isUpdating: boolean, allowAgency: AgencyCheck = () => true): Promise<DialectItemOutcome[]> {
      return byDossier(items, (item) => syncDossier(item, isUpdating, allowAgency));
    },
    /** `CapNhatTienDoHoSoMC`: each step one timeline event; a step seen before is a duplicate. */
    async syncSteps(steps: readonly DialectStep[], allowAgency: AgencyCheck = () => true): Promise<DialectItemOutcome[]> {
      return byDossier(steps, (step) => syncStep(step, allowAgency));
    },
    /** `TraCuuHoSo`: the dossier as held, or null. */
    async findDossier(code: string): Promise<Dossier | null> {
      const held = await deps.dossiers.findWithTimeline(code, { consistent: false });
      return held?.dossier ?? null;
    },
  };
}

function placeInferred(event: DialectEvent, code: string, held: Dossier | null): DialectEvent | null {
  if (!event.timeInferred || !held) return event;
  if (held.status === event.status) return null;
  if (event.occurredAt > held.statusAt) return event;
  const occurredAt = new Date(Date.parse(held.statusAt) + 1000).toISOString();
  return { ...event, occurredAt, eventId: dialectEventId(code, event.status, occurredAt) };
}

export type SyncDialect = ReturnType<typeof syncDialectUseCases>;

function completeDetails(
  sent: Partial<DossierDetails>,
  held: Dossier | null,
): { ok: true; value: DossierDetails } | { ok: false; reason: string } {
  const merged: Partial<DossierDetails> = held
    ? {
        agencyCode: held.agencyCode,
        agencyName: held.agencyName,
        procedureCode: held.procedureCode,
        procedureName: held.procedureName,
        applicantName: held.applicantName,
        applicantPhone: held.applicantPhone,
        receivedAt: held.receivedAt,
        dueAt: held.dueAt,
      }
    : {};
  for (const [key, value] of Object.entries(sent) as [keyof DossierDetails, string | null | undefined][]) {
    if (value !== undefined && (value !== null || key === "applicantPhone")) (merged as Record<string, unknown>)[key] = value;
  }
  const missing = detailFields.filter((field) => !merged[field]);
  if (missing.length > 0) {
    return { ok: false, reason: `thiếu ${missing.map((field) => detailLabels[field]).join(", ")} (bắt buộc khi tạo hồ sơ)` };
  }
  if (merged.dueAt! < merged.receivedAt!) return { ok: false, reason: "NgayHenTra trước NgayTiepNhan" };
  return { ok: true, value: { ...(merged as DossierDetails), applicantPhone: merged.applicantPhone ?? null } };
}
