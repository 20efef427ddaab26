import type { Rating } from "../../domain/rating.js";

/** Which dossier a rating is about, as the answers that list ratings show it. */
export function ratedDossierView(rating: Pick<Rating, "dossierCode" | "agencyCode" | "procedureCode">) {
  return { dossierCode: rating.dossierCode, agencyCode: rating.agencyCode, procedureCode: rating.procedureCode };
}

/** What a rating says and when, as every answer that carries a rating shows it (never the citizen's Zalo id). */
export function ratingAnswersView(rating: Pick<Rating, "attitude" | "result" | "overall" | "reason" | "comment" | "ratedAt" | "updatedAt">) {
  return {
    attitude: rating.attitude,
    result: rating.result,
    overall: rating.overall,
    reason: rating.reason,
    comment: rating.comment,
    ratedAt: rating.ratedAt,
    updatedAt: rating.updatedAt,
  };
}
