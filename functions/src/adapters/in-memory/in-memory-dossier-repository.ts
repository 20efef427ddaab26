import { sortTimeline, type Dossier } from "../../domain/dossier.js";
import type { DossierNotification } from "../../domain/dossier-notification.js";
import {
  type AppliedEventWrite,
  type AppliedEventWriteResult,
  type DossierPage,
  type DossierRepository,
  type DossierWithTimeline,
} from "../../ports/dossier-repository.js";
import { InvalidCursorError } from "../../ports/page-cursor.js";

/** Unit-test fake with the same all-or-nothing semantics as the DynamoDB transaction. */
export class InMemoryDossierRepository implements DossierRepository {
  readonly dossiers = new Map<string, DossierWithTimeline>();
  /** Payload hashes of the applied events, by dossier code and event id (an event id is unique within its dossier). */
  readonly payloadHashes = new Map<string, Map<string, string>>();
  readonly outbox: DossierNotification[] = [];
  /** Called before each write, so a test can simulate a concurrent writer. */
  beforeWrite: (() => void) | undefined;

  async findWithTimeline(code: string): Promise<DossierWithTimeline | null> {
    const found = this.dossiers.get(code);
    return found ? { ...structuredClone(found), payloadHashes: Object.fromEntries(this.payloadHashes.get(code) ?? []) } : null;
  }

  async saveAppliedEvent(write: AppliedEventWrite): Promise<AppliedEventWriteResult> {
    this.beforeWrite?.();
    const current = this.dossiers.get(write.dossier.code);
    const hashes = this.payloadHashes.get(write.dossier.code) ?? new Map<string, string>();
    if (hashes.has(write.event.eventId)) return "duplicate";
    if ((current?.dossier.version ?? 0) !== write.expectedVersion) return "conflict";
    this.payloadHashes.set(write.dossier.code, hashes.set(write.event.eventId, write.payloadHash));
    this.dossiers.set(write.dossier.code, {
      dossier: write.dossier,
      events: sortTimeline([...(current?.events ?? []), write.event]),
    });
    if (write.notification) this.outbox.push(write.notification);
    if (write.ratingInvitation) this.outbox.push(write.ratingInvitation.notification);
    return "written";
  }

  async saveRevisedDossier(dossier: Dossier, expectedVersion: number): Promise<"written" | "conflict"> {
    this.beforeWrite?.();
    const current = this.dossiers.get(dossier.code);
    if (!current || current.dossier.version !== expectedVersion) return "conflict";
    this.dossiers.set(dossier.code, { ...current, dossier: structuredClone(dossier) });
    return "written";
  }

  /** No separate markers here: every event keeps its hash, which `findWithTimeline` returns. */
  async appliedPayloadHash(): Promise<string | null> {
    return null;
  }

  async listByApplicantPhone(normalisedPhone: string, page: { limit: number; cursor: string | null }): Promise<DossierPage> {
    const position = (d: { receivedAt: string; code: string }) => `${d.receivedAt}#${d.code}`;
    const all = [...this.dossiers.values()]
      .map((entry) => entry.dossier)
      .filter((dossier) => dossier.applicantPhone === normalisedPhone)
      .sort((a, b) => (position(a) < position(b) ? 1 : -1));
    let start = 0;
    if (page.cursor !== null) {
      const index = all.findIndex((dossier) => position(dossier) === page.cursor);
      if (index < 0) throw new InvalidCursorError();
      start = index + 1;
    }
    const dossiers = structuredClone(all.slice(start, start + page.limit));
    const last = dossiers.at(-1);
    return { dossiers, nextCursor: last && start + page.limit < all.length ? position(last) : null };
  }
}
