import type { RateLimitDecision, RateLimiter, RateLimitRule } from "../../ports/rate-limiter.js";

export class InMemoryRateLimiter implements RateLimiter {
  readonly counters = new Map<string, { hits: number; failures: number }>();

  async hit(rules: readonly RateLimitRule[], _now: Date): Promise<RateLimitDecision> {
    const exceeded = rules.some((rule) => {
      const counter = this.counter(rule);
      counter.hits += 1;
      return counter.hits > rule.limitPerWindow || counter.failures >= rule.failedLimitPerWindow;
    });
    return exceeded ? { allowed: false, retryAfterSeconds: 60 } : { allowed: true };
  }

  async recordFailure(rules: readonly RateLimitRule[], _now: Date): Promise<void> {
    for (const rule of rules) this.counter(rule).failures += 1;
  }

  private counter(rule: RateLimitRule) {
    const key = `${rule.scope}#${rule.key}`;
    const counter = this.counters.get(key) ?? { hits: 0, failures: 0 };
    this.counters.set(key, counter);
    return counter;
  }
}
