import { applyDossierEvent, type IncomingDossierEvent } from "../domain/dossier.js";
import { notificationFor, ratingInvitationFor } from "../domain/dossier-notification.js";
import { reachChangeOnIngest } from "../domain/reach.js";
import type { Clock } from "../ports/clock.js";
import type { DossierRepository } from "../ports/dossier-repository.js";
import type { IdGenerator } from "../ports/id-generator.js";

export type ApplyEventResult =
  | { outcome: "applied"; dossierCode: string; isFirstEvent: boolean; notified: boolean }
  | { outcome: "duplicate"; dossierCode: string }
  | { outcome: "rejected"; dossierCode: string; reason: string };

export interface ApplyDossierEventDeps {
  dossiers: DossierRepository;
  clock: Clock;
  ids: IdGenerator;
  /** Events dated more than this ahead of our clock are refused: a 2099 event would freeze the dossier's status. */
  maxFutureSkewSeconds?: number;
}

const defaultMaxFutureSkewSeconds = 300;

/** Optimistic concurrency: another writer changed the dossier in between; read again and re-apply. */
const maxAttempts = 5;

export function applyDossierEventUseCase(deps: ApplyDossierEventDeps) {
  return async function applyEvent(incoming: IncomingDossierEvent, payloadHash: string): Promise<ApplyEventResult> {
    const dossierCode = incoming.code;
    const skewSeconds = deps.maxFutureSkewSeconds ?? defaultMaxFutureSkewSeconds;
    if (Date.parse(incoming.occurredAt) > deps.clock.now().getTime() + skewSeconds * 1000) {
      return {
        outcome: "rejected",
        dossierCode,
        reason: `occurredAt is more than ${skewSeconds} seconds ahead of the server's clock (${deps.clock.now().toISOString()}); send events when they happen`,
      };
    }
    // The hash is on the event item read with the timeline; an event applied before it kept one has a marker.
    const duplicateOrReused = async (known: string | undefined): Promise<ApplyEventResult> => {
      const earlier = known ?? (await deps.dossiers.appliedPayloadHash(incoming.eventId));
      if (earlier !== null && !samePayload(earlier, payloadHash)) {
        return {
          outcome: "rejected",
          dossierCode,
          reason: `eventId ${incoming.eventId} was already applied with a different payload; a new fact needs a new eventId`,
        };
      }
      return { outcome: "duplicate", dossierCode };
    };
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      const current = await deps.dossiers.findWithTimeline(dossierCode, { consistent: true });
      const now = deps.clock.now().toISOString();
      const outcome = applyDossierEvent({ dossier: current?.dossier ?? null, events: current?.events ?? [] }, incoming, now);
      if (!outcome.ok) {
        if (outcome.reason === "duplicate_event") return duplicateOrReused(current?.payloadHashes?.[incoming.eventId]);
        return {
          outcome: "rejected",
          dossierCode,
          reason: "the first event of a dossier must carry `dossier` (agency, procedure, applicant, dates)",
        };
      }
      const notification = notificationFor(outcome);
      const invitation = ratingInvitationFor(outcome);
      const written = await deps.dossiers.saveAppliedEvent({
        dossier: outcome.dossier,
        expectedVersion: current?.dossier.version ?? 0,
        event: outcome.event,
        payloadHash,
        notification,
        notificationId: deps.ids.newId(),
        ratingInvitation: invitation ? { id: deps.ids.newId(), notification: invitation } : null,
        reach: reachChangeOnIngest(outcome.dossier, current?.reach ?? null, now),
      });
      if (written === "written") {
        return { outcome: "applied", dossierCode, isFirstEvent: outcome.isFirstEvent, notified: notification !== null };
      }
      // "duplicate" or "conflict": another writer got there since the read; the next read sees what it wrote
      // (a repeated event is then in the timeline with its payload's hash).
    }
    throw new Error(`dossier ${dossierCode} kept changing while applying event ${incoming.eventId}`);
  };
}

/**
 * Whether a stored fingerprint is the incoming payload's: the store may keep only the first 128 bits of it
 * (22 base64url characters), so the two are compared over the shorter one's length, never fewer than 22.
 */
export function samePayload(stored: string, incoming: string): boolean {
  const length = Math.max(22, Math.min(stored.length, incoming.length));
  return stored.slice(0, length) === incoming.slice(0, length);
}
