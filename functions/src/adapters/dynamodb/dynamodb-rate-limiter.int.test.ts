import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestTable } from "../../../test/dynamodb-test-table.js";
import { DynamoDbRateLimiter } from "./dynamodb-rate-limiter.js";

let table: Awaited<ReturnType<typeof createTestTable>>;
let limiter: DynamoDbRateLimiter;
beforeAll(async () => {
  table = await createTestTable();
  limiter = new DynamoDbRateLimiter(table.documentClient, table.tableName);
});
afterAll(async () => table.drop());

const rule = { scope: "test", key: "user-1", limitPerWindow: 3, failedLimitPerWindow: 2 };

it("access pattern: rate-limit counters, allowing exactly the limit in a window", async () => {
  const now = new Date("2026-11-28T01:00:10Z");
  for (let i = 0; i < 3; i += 1) expect(await limiter.hit([rule], now)).toEqual({ allowed: true });
  expect(await limiter.hit([rule], now)).toEqual({ allowed: false, retryAfterSeconds: 50 });
  // The next minute is a new window.
  expect(await limiter.hit([rule], new Date("2026-11-28T01:01:00Z"))).toEqual({ allowed: true });
});

it("counts failures more strictly and blocks once the failure limit is reached", async () => {
  const now = new Date("2026-11-28T02:00:00Z");
  const strict = { ...rule, key: "user-2", limitPerWindow: 100 };
  await limiter.recordFailure([strict], now);
  expect(await limiter.hit([strict], now)).toEqual({ allowed: true });
  await limiter.recordFailure([strict], now);
  expect(await limiter.hit([strict], now)).toMatchObject({ allowed: false });
});

it("blocks when any one of several rules is exceeded", async () => {
  const now = new Date("2026-11-28T03:00:00Z");
  const address = { scope: "test-address", key: "203.0.113.9", limitPerWindow: 1, failedLimitPerWindow: 10 };
  const user = { ...rule, key: "user-3", limitPerWindow: 10 };
  expect(await limiter.hit([user, address], now)).toEqual({ allowed: true });
  expect(await limiter.hit([{ ...user, key: "user-4" }, address], now)).toMatchObject({ allowed: false });
});
