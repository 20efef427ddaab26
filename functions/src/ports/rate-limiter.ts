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

/** The outcome of `attempt`: the work's result only when every rule admitted the attempt. */
export type LimitedAttempt<T> = { allowed: true; result: T } | { allowed: false; retryAfterSeconds: number };

export interface RateLimitOptions {
  /**
   * Also reserve one failure under every rule, atomically with the hit and before the work is done, so a burst
   * of attempts can never pass the failure limit; `releaseFailure` gives it back when the attempt did not fail.
   */
  reserveFailure?: boolean;
}

export interface RateLimiter {
  /**
   * Counts one attempt under the rules in the order given. The first rule that refuses stops it: a refused attempt
   * counts under no rule after it (a citizen refused by the per-user rule costs the shared address nothing).
   */
  hit(rules: readonly RateLimitRule[], now: Date, options?: RateLimitOptions): Promise<RateLimitDecision>;
  /** Gives back the failure reserved by `hit(…, { reserveFailure: true })`: the attempt succeeded. */
  releaseFailure(rules: readonly RateLimitRule[], now: Date): Promise<void>;
  /**
   * For work that is cheap and writes nothing (a lookup): does the work first, then counts the attempt under the rules
   * in order, with a failure when `failed(result)`, each rule admitting it only while both its counters are under
   * their limits. The result is handed back only when every rule admitted the attempt, so a burst can never get more
   * answers than the limits allow, and whether an attempt is refused does not depend on its outcome. A successful
   * attempt costs one conditional write per rule; `hit(…, { reserveFailure: true })` costs twice that, and is for
   * work too dear to run before the attempt is admitted (a password hash).
   */
  attempt<T>(rules: readonly RateLimitRule[], now: Date, work: () => Promise<T>, failed: (result: T) => boolean): Promise<LimitedAttempt<T>>;
}

function windowLength(rule: RateLimitRule): number {
  return rule.windowSeconds ?? 60;
}

/** Start of the fixed window `now` falls in, in Unix seconds. */
export function rateLimitWindowStart(now: Date, rule: RateLimitRule): number {
  const seconds = Math.floor(now.getTime() / 1000);
  return seconds - (seconds % windowLength(rule));
}

/** Seconds until the refusing rule's window ends (at least 1): the `Retry-After` to answer. */
export function retryAfterSeconds(now: Date, rule: RateLimitRule): number {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  return Math.max(1, rateLimitWindowStart(now, rule) + windowLength(rule) - nowSeconds);
}

export function rateLimitWindowSeconds(rule: RateLimitRule): number {
  return windowLength(rule);
}
