import type { DossierReach, ReachCell, ReachCounts } from "../domain/reach.js";

export type ReachChannel = "oa" | "zns";

/** The counters of one agency in one month (Vietnam calendar, month of receipt). */
export interface ReachRow extends ReachCell {
  counts: ReachCounts;
}

export interface ReachRepository {
  /**
   * The first lookup of a counted dossier: sets its `viewedAt` and raises `viewed` in one transaction,
   * conditional on no earlier view (a second lookup racing it changes nothing). "busy": another transaction
   * held the counter at that moment and nothing was written, so the next lookup counts it.
   */
  markViewed(dossierCode: string, counted: DossierReach, at: string): Promise<"counted" | "already_counted" | "busy">;
  /**
   * A message about a dossier was delivered on a channel: counts the dossier for that channel the first time.
   * Reads the dossier's marks first (1 GetItem), so later messages write nothing.
   */
  markDelivered(dossierCode: string, channel: ReachChannel, at: string): Promise<"counted" | "already_counted" | "busy" | "not_counted_dossier">;
  /**
   * A citizen who verified a phone in the Mini App followed the OA: counted once per citizen, under the agency
   * and month of the newest dossier of that phone received by then (the desk that brought them).
   */
  recordFollowerGained(zaloAppUserId: string, at: string): Promise<"counted" | "already_counted" | "no_dossier">;
  /** Counters of every agency for each month in `from`..`to`; optionally of one agency only. */
  rows(from: string, to: string, agencyCode: string | null): Promise<ReachRow[]>;
}
