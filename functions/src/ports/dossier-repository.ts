import type { Dossier, DossierEvent } from "../domain/dossier.js";
import type { DossierNotification } from "../domain/dossier-notification.js";
import type { DossierReach, ReachChange } from "../domain/reach.js";

export interface DossierWithTimeline {
  dossier: Dossier;
  /** Oldest first. */
  events: DossierEvent[];
  /** What the reach report has counted of this dossier; null before its first counted event. */
  reach?: DossierReach | null;
  /**
   * The fingerprint of the payload each event was applied with, by event id (kept on the event item, which is
   * also the idempotency marker). Events applied before that have none here: `appliedPayloadHash` reads theirs.
   */
  payloadHashes?: Readonly<Record<string, string>>;
}

export interface AppliedEventWrite {
  dossier: Dossier;
  /** The version the dossier had when it was read; 0 when it did not exist. */
  expectedVersion: number;
  event: DossierEvent;
  /** Fingerprint of the ingested payload, kept on the event item (a store may keep only its first 128 bits). */
  payloadHash: string;
  notification: DossierNotification | null;
  notificationId: string;
  /** The invitation to rate, an outbox item of its own, written the first time the dossier reaches 9 or 10. */
  ratingInvitation?: { id: string; notification: DossierNotification } | null;
  /** Reach counters the event raises, written in the same transaction (marks conditional on not being set). */
  reach?: ReachChange | null;
}

export type AppliedEventWriteResult = "written" | "duplicate" | "conflict";

export interface DossierPage {
  /** Newest first (by the time received). */
  dossiers: Dossier[];
  /** Where the next page starts; null on the last page. Opaque to callers. */
  nextCursor: string | null;
}

export interface DossierRepository {
  /** The dossier and its whole timeline: one Query on the item collection. */
  findWithTimeline(code: string, options?: { consistent?: boolean }): Promise<DossierWithTimeline | null>;
  /**
   * Writes the dossier, the timeline event (with the payload's fingerprint: the event item is the idempotency
   * marker, so an event id is unique within its dossier) and the outbox item in one transaction.
   * "duplicate": the event was applied before; "conflict": the dossier changed since it was read.
   */
  saveAppliedEvent(write: AppliedEventWrite): Promise<AppliedEventWriteResult>;
  /**
   * Writes a dossier whose details (or the sender's unmapped status) changed without a timeline event: one
   * conditional Put of the dossier item; "conflict" when its version is no longer `expectedVersion`.
   */
  saveRevisedDossier(dossier: Dossier, expectedVersion: number): Promise<"written" | "conflict">;
  /**
   * The payload hash an event id was applied with, from the separate idempotency marker that events applied
   * before the event item kept its own hash have: 1 GetItem; null if there is none.
   */
  appliedPayloadHash(eventId: string): Promise<string | null>;
  /**
   * The dossiers whose applicant phone is this one, newest first: 1 Query on GSI1 per page.
   * Throws InvalidCursorError (page-cursor.ts) for a cursor it did not hand out.
   */
  listByApplicantPhone(normalisedPhone: string, page: { limit: number; cursor: string | null }): Promise<DossierPage>;
}
