import { UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { z } from "zod";
import type { RateLimitDecision, RateLimiter, RateLimitRule } from "../../ports/rate-limiter.js";
import { keys } from "./keys.js";

const windowSeconds = 60;
const counterSchema = z.object({ hits: z.number().default(0), failures: z.number().default(0) });

/** Fixed one-minute windows, one item per rule and window, expired by the table's TTL. */
export class DynamoDbRateLimiter implements RateLimiter {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async hit(rules: readonly RateLimitRule[], now: Date): Promise<RateLimitDecision> {
    const windowStart = windowStartOf(now);
    const counters = await Promise.all(rules.map((rule) => this.add(rule, windowStart, "hits")));
    const exceeded = rules.some((rule, i) => {
      const counter = counters[i]!;
      return counter.hits > rule.limitPerWindow || counter.failures >= rule.failedLimitPerWindow;
    });
    if (!exceeded) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, windowStart + windowSeconds - Math.floor(now.getTime() / 1000)) };
  }

  async recordFailure(rules: readonly RateLimitRule[], now: Date): Promise<void> {
    const windowStart = windowStartOf(now);
    await Promise.all(rules.map((rule) => this.add(rule, windowStart, "failures")));
  }

  private async add(rule: RateLimitRule, windowStart: number, counter: "hits" | "failures") {
    const result = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.rateLimitWindow(rule.scope, rule.key, windowStart),
        UpdateExpression: "ADD #counter :one SET expiresAt = if_not_exists(expiresAt, :expiresAt), #type = :type",
        ExpressionAttributeNames: { "#counter": counter, "#type": "type" },
        ExpressionAttributeValues: { ":one": 1, ":expiresAt": windowStart + 2 * windowSeconds, ":type": "RateLimitWindow" },
        ReturnValues: "ALL_NEW",
      }),
    );
    return counterSchema.parse(result.Attributes ?? {});
  }
}

function windowStartOf(now: Date): number {
  const seconds = Math.floor(now.getTime() / 1000);
  return seconds - (seconds % windowSeconds);
}
