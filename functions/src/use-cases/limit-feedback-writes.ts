import type { Clock } from "../ports/clock.js";
import type { RateLimitDecision, RateLimiter, RateLimitRule } from "../ports/rate-limiter.js";

export interface FeedbackWriteLimits {
  perMinute: number;
  perHour: number;
}

/**
 * New questions and follow-up messages of one citizen share one budget: a burst is stopped within the minute and a
 * steady stream within the hour, so one account cannot flood the desk's inbox. Staff replies are not limited.
 */
export function limitFeedbackWritesUseCase(deps: { rateLimiter: RateLimiter; clock: Clock; limits: FeedbackWriteLimits }) {
  return async function allowFeedbackWrite(zaloAppUserId: string): Promise<RateLimitDecision> {
    const rules: RateLimitRule[] = [
      { scope: "feedback-minute", key: zaloAppUserId, limitPerWindow: deps.limits.perMinute, failedLimitPerWindow: Number.MAX_SAFE_INTEGER },
      {
        scope: "feedback-hour",
        key: zaloAppUserId,
        limitPerWindow: deps.limits.perHour,
        failedLimitPerWindow: Number.MAX_SAFE_INTEGER,
        windowSeconds: 3600,
      },
    ];
    return deps.rateLimiter.hit(rules, deps.clock.now());
  };
}
