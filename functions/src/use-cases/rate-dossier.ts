import { decideRating, isRatable, isRatingLocked, ratingEditableUntil, type Rating, type RatingInput } from "../domain/rating.js";
import type { Clock } from "../ports/clock.js";
import type { DossierRepository } from "../ports/dossier-repository.js";
import type { RatingRepository } from "../ports/rating-repository.js";
import type { IsDossierOwner, OwnerClaim } from "./is-dossier-owner.js";

export interface DossierRatingDeps {
  dossiers: Pick<DossierRepository, "findWithTimeline">;
  ratings: RatingRepository;
  isDossierOwner: IsDossierOwner;
  clock: Clock;
}

export interface RatingState {
  rating: Rating | null;
  /** The citizen may submit (first time) or change (within 7 days) now. */
  canRate: boolean;
  editableUntil: string | null;
  locked: boolean;
  dossierStatus: number;
}

export type RatingAccess = { kind: "not_found" } | { kind: "not_owner" };

function stateOf(dossierStatus: Rating["dossierStatus"], rating: Rating | null, now: Date): RatingState {
  const locked = rating !== null && isRatingLocked(rating, now);
  return {
    rating,
    canRate: rating ? !locked : isRatable(dossierStatus),
    editableUntil: rating ? ratingEditableUntil(rating) : null,
    locked,
    dossierStatus,
  };
}

/** `GET /v1/dossiers/{code}/rating`: the owner's rating of a dossier and whether it can be given or changed. */
export function getDossierRatingUseCase(deps: DossierRatingDeps) {
  return async function getDossierRating(request: { code: string } & OwnerClaim): Promise<RatingAccess | ({ kind: "ok" } & RatingState)> {
    const found = await deps.dossiers.findWithTimeline(request.code);
    if (!found) return { kind: "not_found" };
    if (!(await deps.isDossierOwner(found.dossier, request))) return { kind: "not_owner" };
    const rating = await deps.ratings.get(found.dossier.code);
    return { kind: "ok", ...stateOf(found.dossier.status, rating, deps.clock.now()) };
  };
}

export type RateDossierResult =
  | RatingAccess
  | { kind: "refused"; reason: "not_finished" | "locked" | "reason_required" }
  | ({ kind: "saved" } & RatingState);

const maxAttempts = 3;

/** `PUT /v1/dossiers/{code}/rating`: one rating per dossier by its owner, changeable for 7 days. */
export function rateDossierUseCase(deps: DossierRatingDeps) {
  return async function rateDossier(request: { code: string; rating: RatingInput } & OwnerClaim): Promise<RateDossierResult> {
    const found = await deps.dossiers.findWithTimeline(request.code);
    if (!found) return { kind: "not_found" };
    const { dossier } = found;
    if (!(await deps.isDossierOwner(dossier, request))) return { kind: "not_owner" };
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      const existing = await deps.ratings.get(dossier.code);
      const now = deps.clock.now();
      const decided = decideRating({ dossier, existing, rating: request.rating, zaloAppUserId: request.zaloAppUserId, now });
      if (!decided.ok) return { kind: "refused", reason: decided.reason };
      if ((await deps.ratings.save(decided.rating, existing?.version ?? 0, found.reach ?? null)) === "saved") {
        return { kind: "saved", ...stateOf(dossier.status, decided.rating, now) };
      }
    }
    throw new Error(`rating of ${dossier.code} kept changing while saving`);
  };
}
