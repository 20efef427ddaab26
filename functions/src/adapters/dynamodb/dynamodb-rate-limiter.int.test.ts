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

it("far below the limit, batches one instance's hits into few writes; the shared total stays exact", async () => {
  const writes: string[] = [];
  const counting = new DynamoDbRateLimiter(
    { send: (command: Parameters<typeof table.documentClient.send>[0]) => (writes.push(command.constructor.name), table.documentClient.send(command)) } as typeof table.documentClient,
    table.tableName,
  );
  const now = new Date("2026-11-28T04:00:00Z");
  const busy = { scope: "test", key: "carrier-nat", limitPerWindow: 1000, failedLimitPerWindow: 100 };
  for (let i = 0; i < 50; i += 1) expect(await counting.hit([busy], now)).toEqual({ allowed: true });
  expect(writes.length).toBe(1);
  // A second instance (another limiter) flushing later sees every hit of the first once it has written them.
  await counting.hit([busy], new Date(now.getTime() + 1500));
  const other = new DynamoDbRateLimiter(table.documentClient, table.tableName);
  const tight = { ...busy, limitPerWindow: 52 };
  expect(await other.hit([tight], new Date(now.getTime() + 1600))).toEqual({ allowed: true });
  expect(await other.hit([tight], new Date(now.getTime() + 1700))).toMatchObject({ allowed: false });
});

it("keeps an hour-long window apart from the minute windows, and says how long until it ends", async () => {
  const hourly = { scope: "test-hour", key: "user-5", limitPerWindow: 2, failedLimitPerWindow: 100, windowSeconds: 3600 };
  const start = new Date("2026-11-28T05:10:00Z");
  expect(await limiter.hit([hourly], start)).toEqual({ allowed: true });
  // Twenty minutes later is still the same hour: the second hit is the last one allowed.
  expect(await limiter.hit([hourly], new Date("2026-11-28T05:30:00Z"))).toEqual({ allowed: true });
  expect(await limiter.hit([hourly], new Date("2026-11-28T05:50:00Z"))).toEqual({ allowed: false, retryAfterSeconds: 600 });
  expect(await limiter.hit([hourly], new Date("2026-11-28T06:00:00Z"))).toEqual({ allowed: true });
});
