import type { Rating } from "../domain/rating.js";

export interface RatingsFeedPage {
  ratings: Rating[];
  /** Position of the last rating returned (`<updatedAt>#<code>`), null when the page is empty. */
  lastPosition: string | null;
  hasMore: boolean;
}

export interface RatingRepository {
  /** 1 GetItem. */
  get(dossierCode: string): Promise<Rating | null>;
  /** Conditional Put: new when `expectedVersion` is 0, else only over that version. */
  save(rating: Rating, expectedVersion: number): Promise<"saved" | "conflict">;
  /** Ratings in update order strictly after `after` and strictly before `before` (positions); 1 Query on GSI1. */
  feed(request: { after: string | null; before: string; limit: number }): Promise<RatingsFeedPage>;
  /** Ratings of an agency first given in a month (`YYYY-MM`, Vietnam time), oldest first; 1 Query on GSI2 per page. */
  byAgencyMonth(agencyCode: string, month: string): Promise<Rating[]>;
}
