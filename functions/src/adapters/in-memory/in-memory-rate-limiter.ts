import { rateLimitWindowStart, retryAfterSeconds, type LimitedAttempt, type RateLimitDecision, type RateLimiter, type RateLimitOptions, type RateLimitRule } from "../../ports/rate-limiter.js";

/** The DynamoDB limiter's rules in memory, for unit tests of use cases. */
export class InMemoryRateLimiter implements RateLimiter {
  readonly counters = new Map<string, { hits: number; failures: number }>();

  async hit(rules: readonly RateLimitRule[], now: Date, options: RateLimitOptions = {}): Promise<RateLimitDecision> {
    return this.countInOrder(rules, now, options.reserveFailure ? 1 : 0);
  }

  async attempt<T>(rules: readonly RateLimitRule[], now: Date, work: () => Promise<T>, failed: (result: T) => boolean): Promise<LimitedAttempt<T>> {
    const result = await work();
    const decision = await this.countInOrder(rules, now, failed(result) ? 1 : 0);
    return decision.allowed ? { allowed: true, result } : decision;
  }

  private async countInOrder(rules: readonly RateLimitRule[], now: Date, failure: 0 | 1): Promise<RateLimitDecision> {
    const counted: RateLimitRule[] = [];
    for (const rule of rules) {
      const counter = this.counter(rule, now);
      if (counter.hits >= rule.limitPerWindow || counter.failures >= rule.failedLimitPerWindow) {
        await this.releaseFailure(failure ? counted : [], now);
        return { allowed: false, retryAfterSeconds: retryAfterSeconds(now, rule) };
      }
      counter.hits += 1;
      counter.failures += failure;
      counted.push(rule);
    }
    return { allowed: true };
  }

  async releaseFailure(rules: readonly RateLimitRule[], now: Date): Promise<void> {
    for (const rule of rules) this.counter(rule, now).failures -= 1;
  }

  /** The counter of a rule's key in the window `now` falls in. */
  counter(rule: Pick<RateLimitRule, "scope" | "key" | "windowSeconds">, now: Date) {
    const key = `${rule.scope}#${rule.key}#${rateLimitWindowStart(now, rule as RateLimitRule)}`;
    const counter = this.counters.get(key) ?? { hits: 0, failures: 0 };
    this.counters.set(key, counter);
    return counter;
  }
}
