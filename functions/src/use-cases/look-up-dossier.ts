import { buildDossierView, type DossierView } from "../domain/dossier-view.js";
import type { Clock } from "../ports/clock.js";
import type { DossierRepository } from "../ports/dossier-repository.js";
import type { RateLimiter, RateLimitRule } from "../ports/rate-limiter.js";
import type { ReachRepository } from "../ports/reach-repository.js";
import type { IsDossierOwner } from "./is-dossier-owner.js";

export interface LookupLimits {
  userPerMinute: number;
  userFailedPerMinute: number;
  addressPerMinute: number;
  addressFailedPerMinute: number;
}

export interface LookUpDossierDeps {
  dossiers: DossierRepository;
  isDossierOwner: IsDossierOwner;
  rateLimiter: RateLimiter;
  clock: Clock;
  limits: LookupLimits;
  /** Counts a dossier's first lookup for the reach report; later lookups write nothing. */
  reach?: Pick<ReachRepository, "markViewed">;
}

export interface LookUpDossierRequest {
  /** Already normalised and validated. */
  code: string;
  receiptSignature: string | undefined;
  zaloAppUserId: string;
  sourceIp: string;
}

export type LookUpDossierResult =
  | { kind: "found"; view: DossierView }
  | { kind: "not_found" }
  | { kind: "rate_limited"; retryAfterSeconds: number };

/**
 * Looks a dossier up by its full code. Codes are sequential and guessable, so lookups are limited per
 * citizen and per source address, unknown codes more strictly; the full (owner) view needs the
 * receipt's signature or a verified phone equal to the dossier's.
 */
export function lookUpDossierUseCase(deps: LookUpDossierDeps) {
  return async function lookUp(request: LookUpDossierRequest): Promise<LookUpDossierResult> {
    const now = deps.clock.now();
    const rules: RateLimitRule[] = [
      {
        scope: "lookup-user",
        key: request.zaloAppUserId,
        limitPerWindow: deps.limits.userPerMinute,
        failedLimitPerWindow: deps.limits.userFailedPerMinute,
      },
      {
        scope: "lookup-address",
        key: request.sourceIp,
        limitPerWindow: deps.limits.addressPerMinute,
        failedLimitPerWindow: deps.limits.addressFailedPerMinute,
      },
    ];
    // The per-user rule comes first: a citizen it refuses costs the shared address (carrier NAT) nothing. The query
    // runs before the counting, but its answer is given only once both rules admitted it (an unknown code counted as a
    // failure): a burst of unknown codes cannot pass the failure limit, and a found dossier costs one write per rule.
    const attempt = await deps.rateLimiter.attempt(rules, now, () => deps.dossiers.findWithTimeline(request.code), (found) => found === null);
    if (!attempt.allowed) return { kind: "rate_limited", retryAfterSeconds: attempt.retryAfterSeconds };
    const found = attempt.result;
    if (!found) return { kind: "not_found" };
    if (deps.reach && found.reach && found.reach.viewedAt === null) {
      await deps.reach.markViewed(found.dossier.code, found.reach, now.toISOString());
    }
    const owner = await deps.isDossierOwner(found.dossier, {
      zaloAppUserId: request.zaloAppUserId,
      receiptSignature: request.receiptSignature,
    });
    return { kind: "found", view: buildDossierView(found.dossier, found.events, owner ? "owner" : "public", now) };
  };
}
