import type { Rating } from "../domain/rating.js";
import type { ReachCell } from "../domain/reach.js";

export interface RatingsFeedPage {
  ratings: Rating[];
  /** Cursor of the last rating returned (opaque, page-cursor.ts), null when the page is empty. */
  lastPosition: string | null;
  hasMore: boolean;
}

/** One page of an agency-month partition (GSI2), oldest first; `last` is the position to continue after. */
export interface AgencyMonthPage {
  ratings: Rating[];
  /** Cursor of the last rating read (opaque, page-cursor.ts), null when the partition is done. */
  last: string | null;
}

export interface RatingRepository {
  /** 1 GetItem. */
  get(dossierCode: string): Promise<Rating | null>;
  /**
   * Conditional Put: new when `expectedVersion` is 0, else only over that version. A new rating raises `rated`
   * in the reach counters of `reachCell` (the dossier's agency and receipt month) in the same transaction.
   */
  save(rating: Rating, expectedVersion: number, reachCell?: ReachCell | null): Promise<"saved" | "conflict">;
  /**
   * Ratings in update order after the cursor `after` and updated strictly before the instant `before`; 1 Query on
   * GSI1. Throws InvalidCursorError (page-cursor.ts) for a cursor it did not hand out.
   */
  feed(request: { after: string | null; before: string; limit: number }): Promise<RatingsFeedPage>;
  /** Ratings of an agency first given in a month (`YYYY-MM`, Vietnam time), oldest first; 1 Query on GSI2 per page. */
  byAgencyMonth(agencyCode: string, month: string): Promise<Rating[]>;
  /** The agencies that have ratings first given in each month of `from`..`to` (`YYYY-MM`, inclusive); 1 Query. */
  agenciesByMonth(from: string, to: string): Promise<Map<string, string[]>>;
  /** Up to `limit` ratings of an agency-month partition after a cursor it handed out; 1 Query on GSI2. */
  agencyMonthPage(agencyCode: string, month: string, cursor: string | null, limit: number): Promise<AgencyMonthPage>;
}
