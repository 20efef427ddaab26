export interface RateLimitRule {
  /** e.g. "lookup-user", "lookup-address" */
  scope: string;
  key: string;
  limitPerWindow: number;
  failedLimitPerWindow: number;
  /** Length of the fixed window; one minute unless said. */
  windowSeconds?: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one attempt under every rule and says whether all of them still allow it. */
  hit(rules: readonly RateLimitRule[], now: Date): Promise<RateLimitDecision>;
  /** Counts a failed attempt (e.g. an unknown code), which has the stricter limit. */
  recordFailure(rules: readonly RateLimitRule[], now: Date): Promise<void>;
}
