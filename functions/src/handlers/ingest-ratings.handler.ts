import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { Rating } from "../domain/rating.js";
import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import { refuseUnsigned } from "./http/signed-request.js";
import { errorResponse, json } from "./http/responses.js";

export interface IngestRatingsHandlerDeps {
  ingestSecrets: readonly string[];
  clock: Clock;
  log: Logger;
  listRatingsFeed: (since: string | null) => Promise<{ ratings: Rating[]; cursor: string | null; hasMore: boolean }>;
}

/** A feed position (`<updatedAt>#<code>`), base64url so that the client treats it as opaque. */
const positionPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[A-Za-z0-9.\-/_]{4,64}$/u;

export function encodeRatingsCursor(position: string): string {
  return Buffer.from(position, "utf8").toString("base64url");
}

function decodeRatingsCursor(cursor: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/u.test(cursor)) return null;
  const position = Buffer.from(cursor, "base64url").toString("utf8");
  return positionPattern.test(position) ? position : null;
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
    const since = params.get("since");
    let position: string | null = null;
    if (since) {
      position = decodeRatingsCursor(since);
      if (!position) return errorResponse(400, "INVALID_CURSOR", "`since` is not a cursor this API gave out");
    }
    const page = await deps.listRatingsFeed(position);
    return json(200, {
      ratings: page.ratings.map((rating) => ({
        dossierCode: rating.dossierCode,
        agencyCode: rating.agencyCode,
        procedureCode: rating.procedureCode,
        dossierStatus: rating.dossierStatus,
        attitude: rating.attitude,
        result: rating.result,
        overall: rating.overall,
        reason: rating.reason,
        comment: rating.comment,
        ratedAt: rating.ratedAt,
        updatedAt: rating.updatedAt,
      })),
      cursor: page.cursor ? encodeRatingsCursor(page.cursor) : null,
      hasMore: page.hasMore,
    });
  };
}
