import type { ApiClient } from "../../shared/api/api-client";
import { boolean, nullableString, object, oneOf, string } from "../../shared/parse/json-shape";

import {
  maxRatingCommentLength as maxCommentLength,
  maxRatingReasonLength as maxReasonLength,
  ratableStatuses as ratableStatusCodes,
  ratingCriteria,
  satisfactionLevels,
  type RatingCriterion,
  type SatisfactionLevel,
} from "@motcua/contracts/rating";

export { maxCommentLength, maxReasonLength, ratingCriteria, satisfactionLevels, type RatingCriterion, type SatisfactionLevel };

/** Statuses a dossier can be rated in: result ready or handed over, refused or stopped. */
export const ratableStatuses: readonly number[] = ratableStatusCodes;

export interface RatingInput {
  attitude: SatisfactionLevel;
  result: SatisfactionLevel;
  overall: SatisfactionLevel;
  reason?: string;
  comment?: string;
}

export interface SavedRating extends Omit<RatingInput, "reason" | "comment"> {
  reason: string | null;
  comment: string | null;
  ratedAt: string;
  updatedAt: string;
}

export interface RatingState {
  rating: SavedRating | null;
  canRate: boolean;
  editableUntil: string | null;
  locked: boolean;
}

function parseRatingState(body: unknown): RatingState {
  const json = object(body, "rating state");
  let rating: SavedRating | null = null;
  if (json.rating !== null && json.rating !== undefined) {
    const r = object(json.rating, "rating");
    rating = {
      attitude: oneOf(r.attitude, satisfactionLevels, "rating.attitude"),
      result: oneOf(r.result, satisfactionLevels, "rating.result"),
      overall: oneOf(r.overall, satisfactionLevels, "rating.overall"),
      reason: nullableString(r.reason, "rating.reason"),
      comment: nullableString(r.comment, "rating.comment"),
      ratedAt: string(r.ratedAt, "rating.ratedAt"),
      updatedAt: string(r.updatedAt, "rating.updatedAt"),
    };
  }
  return {
    rating,
    canRate: boolean(json.canRate, "canRate"),
    editableUntil: nullableString(json.editableUntil, "editableUntil"),
    locked: boolean(json.locked, "locked"),
  };
}

/** `/` in a code is written `~` in the path (DESIGN.md §3). */
const pathOf = (code: string) => `/v1/dossiers/${code.split("/").map(encodeURIComponent).join("~")}/rating`;

export function fetchRating(client: ApiClient, request: { code: string; receiptSignature: string | undefined; signal?: AbortSignal }): Promise<RatingState> {
  return client.getJson(pathOf(request.code), { query: { k: request.receiptSignature }, ...(request.signal ? { signal: request.signal } : {}), parse: parseRatingState });
}

export function saveRating(
  client: ApiClient,
  request: { code: string; receiptSignature: string | undefined; rating: RatingInput },
): Promise<RatingState> {
  return client.sendJson("PUT", pathOf(request.code), { query: { k: request.receiptSignature },
    body: request.rating,
    parse: parseRatingState,
  });
}
