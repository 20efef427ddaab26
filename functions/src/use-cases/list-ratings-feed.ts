import type { Rating } from "../domain/rating.js";
import type { Clock } from "../ports/clock.js";
import { orInvalidCursor, type InvalidCursor } from "../ports/page-cursor.js";
import type { RatingRepository } from "../ports/rating-repository.js";

export interface RatingsFeedDeps {
  ratings: Pick<RatingRepository, "feed">;
  clock: Clock;
  /**
   * Ratings younger than this are held back: clocks of Lambda instances differ slightly and the index is
   * eventually consistent, so a rating stamped a moment ago could still appear before the cursor.
   */
  settleSeconds: number;
}

export const ratingsFeedPageSize = 100;

export interface RatingsFeed {
  ratings: Rating[];
  /** The next `since`: the last rating's cursor, or the one asked with when nothing new came. */
  cursor: string | null;
  hasMore: boolean;
}

/** `GET /v1/ingest/ratings?since=`: ratings in update order (a changed rating comes again), with a cursor. */
export function listRatingsFeedUseCase(deps: RatingsFeedDeps) {
  return async function listRatingsFeed(since: string | null): Promise<RatingsFeed | InvalidCursor> {
    const before = new Date(deps.clock.now().getTime() - deps.settleSeconds * 1000).toISOString();
    return orInvalidCursor(async () => {
      const page = await deps.ratings.feed({ after: since, before, limit: ratingsFeedPageSize });
      return { ratings: page.ratings, cursor: page.lastPosition ?? since, hasMore: page.hasMore };
    });
  };
}
