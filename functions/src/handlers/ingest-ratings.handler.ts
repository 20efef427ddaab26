import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { isInvalidCursor, type InvalidCursor } from "../ports/page-cursor.js";
import type { RatingsFeed } from "../use-cases/list-ratings-feed.js";
import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import { refuseUnsigned } from "./http/signed-request.js";
import { errorResponse, json } from "./http/responses.js";
import { ratedDossierView, ratingAnswersView } from "./http/rating-view.js";

export interface IngestRatingsHandlerDeps {
  ingestSecrets: readonly string[];
  clock: Clock;
  log: Logger;
  listRatingsFeed: (since: string | null) => Promise<RatingsFeed | InvalidCursor>;
}

/**
 * `GET /v1/ingest/ratings?since=<cursor>`: the province's one-stop system pulls ratings in update order,
 * signed over the raw query string (DESIGN.md §5), so that ratings given in Zalo count in its own figures.
 * A changed rating comes again with its new values; the cursor of the answer is the next `since`.
 */
export function buildIngestRatingsHandler(deps: IngestRatingsHandlerDeps) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const rawQuery = event.rawQueryString ?? "";
    const refused = refuseUnsigned(event, Buffer.from(rawQuery, "utf8"), deps);
    if (refused) return refused;

    const params = new URLSearchParams(rawQuery);
    const names = [...params.keys()];
    if (names.some((name) => name !== "since") || params.getAll("since").length > 1) {
      return errorResponse(400, "INVALID_QUERY", "the only query parameter is `since` (a cursor from a previous answer)");
    }
    const page = await deps.listRatingsFeed(params.get("since") || null);
    if (isInvalidCursor(page)) return errorResponse(400, "INVALID_CURSOR", "`since` is not a cursor this API gave out");
    return json(200, {
      ratings: page.ratings.map((rating) => ({ ...ratedDossierView(rating), dossierStatus: rating.dossierStatus, ...ratingAnswersView(rating) })),
      cursor: page.cursor,
      hasMore: page.hasMore,
    });
  };
}
