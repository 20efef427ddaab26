import type { Dossier } from "./dossier.js";
import type { DossierStatus } from "./dossier-status.js";
import { onTimeCategory, type OnTimeCategory } from "./on-time.js";

import {
  maxRatingCommentLength,
  maxRatingReasonLength,
  ratableStatuses as ratableStatusCodes,
  ratingChangeWindowDays,
  ratingCriteria,
  satisfactionLevels,
  type SatisfactionLevel,
} from "@motcua/contracts/rating";

export { maxRatingCommentLength, maxRatingReasonLength, ratingChangeWindowDays, ratingCriteria, satisfactionLevels, type SatisfactionLevel };

export const ratableStatuses: readonly DossierStatus[] = ratableStatusCodes;
const ratingChangeWindowMs = ratingChangeWindowDays * 24 * 60 * 60 * 1000;

export interface RatingInput {
  attitude: SatisfactionLevel;
  result: SatisfactionLevel;
  overall: SatisfactionLevel;
  /** Required when any criterion is "khong_hai_long" (a listed reason or the citizen's own words). */
  reason: string | null;
  comment: string | null;
}

export interface Rating extends RatingInput {
  dossierCode: string;
  agencyCode: string;
  procedureCode: string;
  /** The dossier's status when it was rated. */
  dossierStatus: DossierStatus;
  zaloAppUserId: string;
  /**
   * The dossier's on-time class when the rating was last saved (denormalised for the staff reports, so a
   * summary never reads the dossiers); null on ratings saved before it was recorded.
   */
  onTime: OnTimeCategory | null;
  /** First submission; the 7-day change window runs from here. */
  ratedAt: string;
  updatedAt: string;
  version: number;
}

export type RatingRefusal = "not_finished" | "locked" | "reason_required";

export function isRatable(status: DossierStatus): boolean {
  return ratableStatuses.includes(status);
}

export function ratingEditableUntil(rating: Pick<Rating, "ratedAt">): string {
  return new Date(Date.parse(rating.ratedAt) + ratingChangeWindowMs).toISOString();
}

/** At exactly 7 days after the first rating it is still changeable; a millisecond later it is locked. */
export function isRatingLocked(rating: Pick<Rating, "ratedAt">, now: Date): boolean {
  return now.getTime() > Date.parse(rating.ratedAt) + ratingChangeWindowMs;
}

export function needsReason(input: Pick<RatingInput, "attitude" | "result" | "overall">): boolean {
  return ratingCriteria.some((criterion) => input[criterion] === "khong_hai_long");
}

/**
 * Decides a rating by the dossier's owner (the caller checks ownership): the first one once the dossier is
 * finished, a change within 7 days of the first, never after.
 */
export function decideRating(input: {
  dossier: Pick<
    Dossier,
    "code" | "status" | "agencyCode" | "procedureCode" | "dueAt" | "finishedAt" | "supplementRequests" | "supplementPausedMs" | "supplementPausedSince"
  >;
  existing: Rating | null;
  rating: RatingInput;
  zaloAppUserId: string;
  now: Date;
}): { ok: true; rating: Rating } | { ok: false; reason: RatingRefusal } {
  const { dossier, existing, rating, now } = input;
  if (!existing && !isRatable(dossier.status)) return { ok: false, reason: "not_finished" };
  if (existing && isRatingLocked(existing, now)) return { ok: false, reason: "locked" };
  if (needsReason(rating) && !rating.reason?.trim()) return { ok: false, reason: "reason_required" };
  const at = now.toISOString();
  return {
    ok: true,
    rating: {
      attitude: rating.attitude,
      result: rating.result,
      overall: rating.overall,
      reason: needsReason(rating) ? rating.reason!.trim() : null,
      comment: rating.comment?.trim() || null,
      dossierCode: dossier.code,
      agencyCode: dossier.agencyCode,
      procedureCode: dossier.procedureCode,
      dossierStatus: existing?.dossierStatus ?? dossier.status,
      zaloAppUserId: input.zaloAppUserId,
      onTime: onTimeCategory(dossier, now),
      ratedAt: existing?.ratedAt ?? at,
      updatedAt: at,
      version: (existing?.version ?? 0) + 1,
    },
  };
}

/** Reasons the Mini App offers for "Không hài lòng"; the citizen may also write their own. */
export const suggestedDissatisfactionReasons = [
  "Trả kết quả chậm so với ngày hẹn",
  "Cán bộ hướng dẫn chưa rõ ràng",
  "Phải đi lại nhiều lần",
  "Thái độ cán bộ chưa tốt",
  "Kết quả chưa đúng yêu cầu",
] as const;
