import {
  rateLimitWindowSeconds,
  rateLimitWindowStart,
  retryAfterSeconds,
  type LimitedAttempt,
  type RateLimitDecision,
  type RateLimiter,
  type RateLimitOptions,
  type RateLimitRule,
} from "../../ports/rate-limiter.js";
import { itemTypes, keys } from "./keys.js";
import { unlessConditionFails, type Table } from "./table.js";

/**
 * Fixed windows, one shared item per rule and window (expired by TTL). Every attempt is one conditional
 * UpdateItem per rule: the counter grows only while it is under the limit, so the limit is exact across
 * instances and concurrent requests, and a refused attempt adds nothing. Rules are tried in order and the
 * first refusal stops the attempt (a failure already counted under the rules before it is given back).
 */
export class DynamoDbRateLimiter implements RateLimiter {
  /**
   * Windows this instance saw refuse, until they end: a flood of refused attempts (an enumeration) costs no write
   * once refused. Slightly strict: failures reserved by attempts still in flight elsewhere may free up meanwhile.
   */
  private readonly refusedUntil = new Map<string, number>();

  constructor(
    private readonly table: Table,
    private readonly maxRememberedRefusals = 10_000,
  ) {}

  async hit(rules: readonly RateLimitRule[], now: Date, options: RateLimitOptions = {}): Promise<RateLimitDecision> {
    return this.countInOrder(rules, now, options.reserveFailure ? 1 : 0);
  }

  async attempt<T>(rules: readonly RateLimitRule[], now: Date, work: () => Promise<T>, failed: (result: T) => boolean): Promise<LimitedAttempt<T>> {
    // A window this instance saw refuse refuses again before the work: a flood costs neither a read nor a write.
    const refusing = rules.find((rule) => this.knownToRefuse(rule, now));
    if (refusing) return { allowed: false, retryAfterSeconds: retryAfterSeconds(now, refusing) };
    const result = await work();
    const decision = await this.countInOrder(rules, now, failed(result) ? 1 : 0);
    return decision.allowed ? { allowed: true, result } : decision;
  }

  async releaseFailure(rules: readonly RateLimitRule[], now: Date): Promise<void> {
    for (const rule of rules) this.refusedUntil.delete(this.windowId(rule, now));
    await Promise.all(
      rules.map((rule) =>
        unlessConditionFails(
          this.table.update({
            Key: keys.rateLimitWindow(rule.scope, rule.key, rateLimitWindowStart(now, rule)),
            UpdateExpression: "ADD failures :minusOne",
            ConditionExpression: "attribute_exists(PK)",
            ExpressionAttributeValues: { ":minusOne": -1 },
          }),
        ),
      ),
    );
  }

  private async countInOrder(rules: readonly RateLimitRule[], now: Date, failure: 0 | 1): Promise<RateLimitDecision> {
    const counted: RateLimitRule[] = [];
    for (const rule of rules) {
      if (!(await this.countIfUnderLimit(rule, now, failure))) {
        if (failure) await this.releaseFailure(counted, now);
        return { allowed: false, retryAfterSeconds: retryAfterSeconds(now, rule) };
      }
      counted.push(rule);
    }
    return { allowed: true };
  }

  private knownToRefuse(rule: RateLimitRule, now: Date): boolean {
    if (rule.limitPerWindow < 1 || rule.failedLimitPerWindow < 1) return true;
    return (this.refusedUntil.get(this.windowId(rule, now)) ?? 0) > now.getTime();
  }

  private windowId(rule: RateLimitRule, now: Date): string {
    return `${rule.scope}#${rule.key}#${rateLimitWindowStart(now, rule)}`;
  }

  private async countIfUnderLimit(rule: RateLimitRule, now: Date, failure: 0 | 1): Promise<boolean> {
    if (this.knownToRefuse(rule, now)) return false;
    const windowStart = rateLimitWindowStart(now, rule);
    const counted = await unlessConditionFails(
      this.table.update({
        Key: keys.rateLimitWindow(rule.scope, rule.key, windowStart),
        UpdateExpression: "ADD hits :one, failures :failure SET expiresAt = if_not_exists(expiresAt, :expiresAt), #type = :type",
        ConditionExpression:
          "(attribute_not_exists(hits) OR hits < :hitLimit) AND (attribute_not_exists(failures) OR failures < :failedLimit)",
        ExpressionAttributeNames: { "#type": "type" },
        ExpressionAttributeValues: {
          ":one": 1,
          ":failure": failure,
          ":hitLimit": rule.limitPerWindow,
          ":failedLimit": rule.failedLimitPerWindow,
          ":expiresAt": windowStart + 2 * rateLimitWindowSeconds(rule),
          ":type": itemTypes.rateLimitWindow,
        },
      }),
    );
    if (counted) return true;
    if (this.refusedUntil.size >= this.maxRememberedRefusals) this.refusedUntil.clear();
    this.refusedUntil.set(this.windowId(rule, now), (windowStart + rateLimitWindowSeconds(rule)) * 1000);
    return false;
  }
}
