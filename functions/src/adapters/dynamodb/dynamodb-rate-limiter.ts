import { UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import type { RateLimitDecision, RateLimiter, RateLimitRule } from "../../ports/rate-limiter.js";
import { keys } from "./keys.js";

const defaultWindowSeconds = 60;
const counterSchema = z.object({ hits: z.number().default(0), failures: z.number().default(0) });

interface LocalCounter {
  /** The shared total as of this instance's last write. */
  sharedHits: number;
  sharedFailures: number;
  /** Hits counted here but not yet added to the shared item. */
  pendingHits: number;
  lastWriteMs: number;
}

export interface RateLimiterOptions {
  /** How long an instance may batch hits of one key before adding them to the shared counter. */
  batchWindowMs?: number;
  maxLocalKeys?: number;
}

/**
 * Fixed one-minute windows, one shared item per rule and window (UpdateItem ADD, expired by TTL).
 * Far below a limit, an instance adds its hits to the shared counter at most once per batch window, so a
 * burst from one address costs a few writes, not one per request; from half the limit on, every hit is
 * written at once, so the limit itself is exact across all instances.
 */
export class DynamoDbRateLimiter implements RateLimiter {
  private readonly local = new Map<string, LocalCounter>();
  private readonly batchWindowMs: number;
  private readonly maxLocalKeys: number;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: RateLimiterOptions = {},
  ) {
    this.batchWindowMs = options.batchWindowMs ?? 1000;
    this.maxLocalKeys = options.maxLocalKeys ?? 10_000;
  }

  async hit(rules: readonly RateLimitRule[], now: Date): Promise<RateLimitDecision> {
    const totals = await Promise.all(rules.map((rule) => this.countHit(rule, windowStartOf(now, rule), now.getTime())));
    const exceeded = rules.filter((rule, i) => {
      const total = totals[i]!;
      return total.hits > rule.limitPerWindow || total.failures >= rule.failedLimitPerWindow;
    });
    if (exceeded.length === 0) return { allowed: true };
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const retryAfterSeconds = Math.max(...exceeded.map((rule) => windowStartOf(now, rule) + windowLength(rule) - nowSeconds));
    return { allowed: false, retryAfterSeconds: Math.max(1, retryAfterSeconds) };
  }

  async recordFailure(rules: readonly RateLimitRule[], now: Date): Promise<void> {
    await Promise.all(
      rules.map(async (rule) => {
        const windowStart = windowStartOf(now, rule);
        const id = localKey(rule, windowStart);
        const counter = this.local.get(id);
        const shared = await this.add(rule, windowStart, { failures: 1, hits: counter?.pendingHits ?? 0 });
        this.remember(id, { sharedHits: shared.hits, sharedFailures: shared.failures, pendingHits: 0, lastWriteMs: now.getTime() });
      }),
    );
  }

  private async countHit(rule: RateLimitRule, windowStart: number, nowMs: number) {
    const id = localKey(rule, windowStart);
    const counter = this.local.get(id);
    if (counter) {
      counter.pendingHits += 1;
      const estimate = counter.sharedHits + counter.pendingHits;
      const nearLimit = estimate * 2 >= rule.limitPerWindow || (counter.sharedFailures + 1) * 2 >= rule.failedLimitPerWindow;
      if (!nearLimit && nowMs - counter.lastWriteMs < this.batchWindowMs) {
        return { hits: estimate, failures: counter.sharedFailures };
      }
    }
    const shared = await this.add(rule, windowStart, { hits: counter?.pendingHits ?? 1, failures: 0 });
    this.remember(id, { sharedHits: shared.hits, sharedFailures: shared.failures, pendingHits: 0, lastWriteMs: nowMs });
    return shared;
  }

  private remember(id: string, counter: LocalCounter) {
    if (!this.local.has(id) && this.local.size >= this.maxLocalKeys) this.local.delete(this.local.keys().next().value!);
    this.local.set(id, counter);
  }

  private async add(rule: RateLimitRule, windowStart: number, increments: { hits: number; failures: number }) {
    const result = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.rateLimitWindow(rule.scope, rule.key, windowStart),
        UpdateExpression: "ADD hits :hits, failures :failures SET expiresAt = if_not_exists(expiresAt, :expiresAt), #type = :type",
        ExpressionAttributeNames: { "#type": "type" },
        ExpressionAttributeValues: {
          ":hits": increments.hits,
          ":failures": increments.failures,
          ":expiresAt": windowStart + 2 * windowLength(rule),
          ":type": "RateLimitWindow",
        },
        ReturnValues: "ALL_NEW",
      }),
    );
    return counterSchema.parse(result.Attributes ?? {});
  }
}

function localKey(rule: RateLimitRule, windowStart: number): string {
  return `${rule.scope}#${rule.key}#${windowStart}`;
}

function windowLength(rule: RateLimitRule): number {
  return rule.windowSeconds ?? defaultWindowSeconds;
}

function windowStartOf(now: Date, rule: RateLimitRule): number {
  const seconds = Math.floor(now.getTime() / 1000);
  return seconds - (seconds % windowLength(rule));
}
