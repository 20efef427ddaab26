import type { DossierCodeKind } from "@motcua/contracts/dossier-code";
import { finishingStatusPreference, supplementRequestStatus, type DossierStatus } from "./dossier-status.js";

/** What the one-stop system tells us about a dossier; sent with its first event, updatable later. */
export interface DossierDetails {
  agencyCode: string;
  agencyName: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  /** Normalised `84…`, or null when the receipt carries no usable mobile number. */
  applicantPhone: string | null;
  receivedAt: string;
  dueAt: string;
}

export interface Apology {
  reason: string;
  newDueAt: string;
}

/** One entry of the timeline, as received; all instants are ISO-8601 UTC strings. */
export interface DossierEvent {
  eventId: string;
  status: DossierStatus;
  occurredAt: string;
  recordedAt: string;
  note: string | null;
  unitName: string | null;
  apology: Apology | null;
}

/**
 * A status code the sender reported that its status map does not know (e.g. OpenCPS's 11): kept as it came,
 * with when we saw it, and never shown to citizens as a status change.
 */
export interface SourceStatus {
  code: string;
  seenAt: string;
}

export interface Dossier extends DossierDetails {
  code: string;
  codeKind: DossierCodeKind;
  /** Occurrence time of the event whose details are the current ones. */
  detailsAt: string;
  status: DossierStatus;
  statusAt: string;
  finishedAt: string | null;
  supplementRequests: number;
  supplementPausedMs: number;
  /** In supplement now: the pause has been running since then. */
  supplementPausedSince: string | null;
  latestApology: (Apology & { occurredAt: string }) | null;
  /** When the citizen was invited to rate (the first time the dossier reached 9 or 10); at most once. */
  ratingInvitedAt: string | null;
  /** When the late-dossier job found the promised return date passed without a result; at most once. */
  lateAt: string | null;
  /** The sender's latest unmapped status code; absent or null when its last reported status was a known one. */
  sourceStatus?: SourceStatus | null;
  eventCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface IncomingDossierEvent {
  eventId: string;
  code: string;
  codeKind: DossierCodeKind;
  status: DossierStatus;
  occurredAt: string;
  details: DossierDetails | null;
  note: string | null;
  unitName: string | null;
  apology: Apology | null;
}

export type ApplyEventOutcome =
  | {
      ok: true;
      dossier: Dossier;
      event: DossierEvent;
      isFirstEvent: boolean;
      /** The current status moved to a different one (late events never move it back). */
      statusChanged: boolean;
      /** A late event: kept in the timeline only. */
      stale: boolean;
      /** The dossier reached 9 or 10 for the first time: invite the citizen to rate it (once). */
      ratingInvitationDue: boolean;
    }
  | { ok: false; reason: "details_required" | "duplicate_event" };

/**
 * Applies one event to a dossier's state. The derived fields are recomputed from the whole
 * timeline in time order, so an event that arrives late lands in its place and never moves the
 * current status back.
 */
export function applyDossierEvent(
  current: { dossier: Dossier | null; events: readonly DossierEvent[] },
  incoming: IncomingDossierEvent,
  recordedAt: string,
): ApplyEventOutcome {
  if (current.events.some((event) => event.eventId === incoming.eventId)) {
    return { ok: false, reason: "duplicate_event" };
  }
  const previous = current.dossier;
  if (!previous && !incoming.details) return { ok: false, reason: "details_required" };

  const event: DossierEvent = {
    eventId: incoming.eventId,
    status: incoming.status,
    occurredAt: incoming.occurredAt,
    recordedAt,
    note: incoming.note,
    unitName: incoming.unitName,
    apology: incoming.apology,
  };
  const timeline = sortTimeline([...current.events, event]);
  const derived = deriveTimelineState(timeline);

  const detailsAreNewer = !previous || incoming.occurredAt >= previous.detailsAt;
  const details: DossierDetails =
    incoming.details && detailsAreNewer ? incoming.details : pickDetails(previous ?? incoming.details!);

  const ratingInvitationDue = previous?.ratingInvitedAt == null && (derived.status === 9 || derived.status === 10);
  const dossier: Dossier = {
    ...details,
    code: previous?.code ?? incoming.code,
    codeKind: previous?.codeKind ?? incoming.codeKind,
    detailsAt: incoming.details && detailsAreNewer ? incoming.occurredAt : previous!.detailsAt,
    ...derived,
    ratingInvitedAt: ratingInvitationDue ? recordedAt : (previous?.ratingInvitedAt ?? null),
    lateAt: previous?.lateAt ?? null,
    ...(previous?.sourceStatus ? { sourceStatus: previous.sourceStatus } : {}),
    eventCount: timeline.length,
    version: (previous?.version ?? 0) + 1,
    createdAt: previous?.createdAt ?? recordedAt,
    updatedAt: recordedAt,
  };
  return {
    ok: true,
    dossier,
    event,
    isFirstEvent: !previous,
    statusChanged: !previous || previous.status !== dossier.status,
    stale: previous !== null && incoming.occurredAt < previous.statusAt,
    ratingInvitationDue,
  };
}

/**
 * What a sender may change without a timeline event: the details (a new due date, a corrected name…) and its
 * unmapped status code (`null` clears it, `undefined` leaves it). Null when nothing differs, so a replay writes
 * nothing. `detailsAt` stays: these are the sender's current details, and an older event never overrides them.
 */
export function reviseDossier(
  dossier: Dossier,
  change: { details?: DossierDetails; sourceStatus?: SourceStatus | null },
  at: string,
): Dossier | null {
  const details = change.details ? pickDetails(change.details) : pickDetails(dossier);
  const held = pickDetails(dossier);
  const detailsChanged = (Object.keys(details) as (keyof DossierDetails)[]).some((key) => details[key] !== held[key]);
  const heldSource = dossier.sourceStatus ?? null;
  const sourceChanged =
    change.sourceStatus !== undefined && (change.sourceStatus?.code ?? null) !== (heldSource?.code ?? null);
  if (!detailsChanged && !sourceChanged) return null;
  return {
    ...dossier,
    ...details,
    sourceStatus: sourceChanged ? (change.sourceStatus ?? null) : heldSource,
    version: dossier.version + 1,
    updatedAt: at,
  };
}

function pickDetails(source: DossierDetails): DossierDetails {
  const { agencyCode, agencyName, procedureCode, procedureName, applicantName, applicantPhone, receivedAt, dueAt } =
    source;
  return { agencyCode, agencyName, procedureCode, procedureName, applicantName, applicantPhone, receivedAt, dueAt };
}

/** Oldest first; events at the same instant keep the order in which they were recorded. */
export function sortTimeline(events: readonly DossierEvent[]): DossierEvent[] {
  return [...events].sort(
    (a, b) => compare(a.occurredAt, b.occurredAt) || compare(a.recordedAt, b.recordedAt) || compare(a.eventId, b.eventId),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type TimelineState = Pick<
  Dossier,
  | "status"
  | "statusAt"
  | "finishedAt"
  | "supplementRequests"
  | "supplementPausedMs"
  | "supplementPausedSince"
  | "latestApology"
>;

/** The current state implied by a timeline sorted oldest first (it must not be empty). */
export function deriveTimelineState(sorted: readonly DossierEvent[]): TimelineState {
  const last = sorted[sorted.length - 1];
  if (!last) throw new Error("a dossier has at least one event");

  let supplementRequests = 0;
  let supplementPausedMs = 0;
  let pausedSince: string | null = null;
  let latestApology: TimelineState["latestApology"] = null;
  for (const event of sorted) {
    const inSupplement = event.status === supplementRequestStatus;
    if (inSupplement && pausedSince === null) {
      supplementRequests += 1;
      pausedSince = event.occurredAt;
    } else if (!inSupplement && pausedSince !== null) {
      supplementPausedMs += Date.parse(event.occurredAt) - Date.parse(pausedSince);
      pausedSince = null;
    }
    if (event.apology) latestApology = { ...event.apology, occurredAt: event.occurredAt };
  }

  return {
    status: last.status,
    statusAt: last.occurredAt,
    finishedAt: finishTime(sorted),
    supplementRequests,
    supplementPausedMs,
    supplementPausedSince: pausedSince,
    latestApology,
  };
}

function finishTime(sorted: readonly DossierEvent[]): string | null {
  for (const group of finishingStatusPreference) {
    const first = sorted.find((event) => group.includes(event.status));
    if (first) return first.occurredAt;
  }
  return null;
}
