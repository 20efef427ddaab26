import type { Rating } from "../domain/rating.js";
import type { Clock } from "../ports/clock.js";
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

/** `GET /v1/ingest/ratings?since=`: ratings in update order (a changed rating comes again), with a cursor. */
export function listRatingsFeedUseCase(deps: RatingsFeedDeps) {
  return async function listRatingsFeed(since: string | null): Promise<{ ratings: Rating[]; cursor: string | null; hasMore: boolean }> {
    const before = new Date(deps.clock.now().getTime() - deps.settleSeconds * 1000).toISOString();
    const page = await deps.ratings.feed({ after: since, before, limit: ratingsFeedPageSize });
    return { ratings: page.ratings, cursor: page.lastPosition ?? since, hasMore: page.hasMore };
  };
}
