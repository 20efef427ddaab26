import type { Dossier } from "../domain/dossier.js";
import type { DossierNotification } from "../domain/dossier-notification.js";

export interface LateDossierPage {
  /** Earliest due date first. */
  dossiers: Dossier[];
  /** Where the next page starts; null on the last page. Opaque to callers. */
  nextCursor: string | null;
}

/** The late-dossier job's index (GSI2, sparse; see adapters/dynamodb/README.md). */
export interface LateDossierRepository {
  /** Open dossiers whose promised return date falls on this Vietnam day and that are not marked late yet. */
  dueOn(day: string): Promise<Dossier[]>;
  /**
   * Marks the dossier late (moving it to its agency's late list) and, with a notification, writes its outbox
   * item in the same transaction. Conditional on the dossier still being listed under `day` and not marked:
   * false when it finished, paused or was marked meanwhile (so it happens once per dossier).
   */
  markLate(dossier: Dossier, day: string, at: string, notification: { id: string; notification: DossierNotification } | null): Promise<boolean>;
  /** The last day the job went through, or null before its first run. */
  lastProcessedDay(): Promise<string | null>;
  saveLastProcessedDay(day: string, at: string): Promise<void>;
  /** An agency's dossiers marked late and still open; throws InvalidCursorError (page-cursor.ts) for a cursor it did not hand out. */
  lateOfAgency(agencyCode: string, page: { limit: number; cursor: string | null }): Promise<LateDossierPage>;
}
