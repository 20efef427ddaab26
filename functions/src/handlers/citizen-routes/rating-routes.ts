import type { APIGatewayProxyEventV2 } from "aws-lambda";
import * as z from "zod/mini";
import { dossierCodeFromPathSegment, parseDossierCode } from "@motcua/contracts/dossier-code";
import { maxRatingCommentLength, maxRatingReasonLength, satisfactionLevels, type Rating } from "../../domain/rating.js";
import type { RateDossierResult, RatingState } from "../../use-cases/rate-dossier.js";
import type { OwnerClaim } from "../../use-cases/is-dossier-owner.js";
import type { RatingInput } from "../../domain/rating.js";
import { citizenMessages } from "../citizen-messages.js";
import { parseJsonBody } from "../http/json-body.js";
import { ratingAnswersView } from "../http/rating-view.js";
import { errorResponse, json } from "../http/responses.js";
import type { CitizenRoute } from "./citizen-route.js";

export interface RatingRouteDeps {
  getDossierRating: (request: { code: string } & OwnerClaim) => Promise<{ kind: "not_found" } | { kind: "not_owner" } | ({ kind: "ok" } & RatingState)>;
  rateDossier: (request: { code: string; rating: RatingInput } & OwnerClaim) => Promise<RateDossierResult>;
}

const level = () => z.enum(satisfactionLevels);
const optionalText = (max: number) => z.optional(z.nullable(z.string().check(z.maxLength(max))));

export const ratingBodySchema = z.lazy(() => z.strictObject({
  attitude: level(),
  result: level(),
  overall: level(),
  reason: optionalText(maxRatingReasonLength),
  comment: optionalText(maxRatingCommentLength),
}));

/** What the citizen sees of a rating: no internal ids. */
function ratingView(state: RatingState) {
  const rating: Rating | null = state.rating;
  return {
    rating: rating && ratingAnswersView(rating),
    canRate: state.canRate,
    editableUntil: state.editableUntil,
    locked: state.locked,
  };
}

function codeOf(event: APIGatewayProxyEventV2) {
  return parseDossierCode(dossierCodeFromPathSegment(event.pathParameters?.code ?? ""));
}

const invalidCode = () => errorResponse(400, "INVALID_CODE", citizenMessages.invalidCode);
/**
 * A non-owner gets exactly the answer of an unknown code: these routes are not rate-limited like lookups, so a
 * different answer would tell real codes from guessed ones.
 */
const notRatable = () => errorResponse(404, "NOT_FOUND", citizenMessages.ratingDossierNotFound);

export function ratingRoutes(deps: RatingRouteDeps): Record<string, CitizenRoute> {
  return {
    "GET /v1/dossiers/{code}/rating": async (event, user) => {
      const parsed = codeOf(event);
      if (!parsed.ok) return invalidCode();
      const result = await deps.getDossierRating({
        code: parsed.code,
        zaloAppUserId: user.zaloAppUserId,
        receiptSignature: event.queryStringParameters?.k,
      });
      if (result.kind === "not_found" || result.kind === "not_owner") return notRatable();
      return json(200, ratingView(result));
    },
    "PUT /v1/dossiers/{code}/rating": async (event, user) => {
      const parsed = codeOf(event);
      if (!parsed.ok) return invalidCode();
      const body = parseJsonBody(event, ratingBodySchema);
      if (!body.ok) return errorResponse(400, "VALIDATION_FAILED", citizenMessages.invalidRating);
      const result = await deps.rateDossier({
        code: parsed.code,
        zaloAppUserId: user.zaloAppUserId,
        receiptSignature: event.queryStringParameters?.k,
        rating: {
          attitude: body.data.attitude,
          result: body.data.result,
          overall: body.data.overall,
          reason: body.data.reason ?? null,
          comment: body.data.comment ?? null,
        },
      });
      switch (result.kind) {
        case "not_found":
        case "not_owner":
          return notRatable();
        case "refused":
          if (result.reason === "reason_required") return errorResponse(400, "REASON_REQUIRED", citizenMessages.ratingReasonRequired);
          if (result.reason === "locked") return errorResponse(409, "RATING_LOCKED", citizenMessages.ratingLocked);
          return errorResponse(409, "NOT_FINISHED", citizenMessages.ratingNotFinished);
        case "saved":
          return json(200, ratingView(result));
      }
    },
  };
}
