import { describe, expect, it } from "vitest";
import { testTableForThisFile } from "../../../test/dynamodb-test-table.js";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { RateLimitRule } from "../../ports/rate-limiter.js";
import { rateLimitWindowStart } from "../../ports/rate-limiter.js";
import { DynamoDbRateLimiter } from "./dynamodb-rate-limiter.js";
import { keys } from "./keys.js";
import { Table } from "./table.js";

let limiter: DynamoDbRateLimiter;
const table = testTableForThisFile((created) => {
  limiter = new DynamoDbRateLimiter(created.table);
});

const rule = { scope: "test", key: "user-1", limitPerWindow: 3, failedLimitPerWindow: 2 };

/** The test table through a client that notes each command it sends. */
function countingTable(sends: string[]): Table {
  const { documentClient } = table;
  const counting = { send: (command: Parameters<typeof documentClient.send>[0]) => (sends.push(command.constructor.name), documentClient.send(command)) };
  return new Table(counting as typeof documentClient, table.tableName);
}

it("access pattern: rate-limit counters, allowing exactly the limit in a window", async () => {
  const now = new Date("2026-11-28T01:00:10Z");
  for (let i = 0; i < 3; i += 1) expect(await limiter.hit([rule], now)).toEqual({ allowed: true });
  expect(await limiter.hit([rule], now)).toEqual({ allowed: false, retryAfterSeconds: 50 });
  // The next minute is a new window.
  expect(await limiter.hit([rule], new Date("2026-11-28T01:01:00Z"))).toEqual({ allowed: true });
});

it("counts reserved failures more strictly and gives them back when released", async () => {
  const now = new Date("2026-11-28T02:00:00Z");
  const strict = { ...rule, key: "user-2", limitPerWindow: 100 };
  expect(await limiter.hit([strict], now, { reserveFailure: true })).toEqual({ allowed: true });
  expect(await limiter.hit([strict], now, { reserveFailure: true })).toEqual({ allowed: true });
  expect(await limiter.hit([strict], now)).toMatchObject({ allowed: false });
  await limiter.releaseFailure([strict], now);
  expect(await limiter.hit([strict], now)).toEqual({ allowed: true });
});

it("stops at the first rule that refuses: the rules after it count nothing", async () => {
  const now = new Date("2026-11-28T03:00:00Z");
  const address = { scope: "test-address", key: "203.0.113.9", limitPerWindow: 1000, failedLimitPerWindow: 10 };
  const user = { ...rule, key: "user-3", limitPerWindow: 2 };
  for (let i = 0; i < 50; i += 1) await limiter.hit([user, address], now, { reserveFailure: true });
  expect(await counterOf(address, now)).toEqual({ hits: 2, failures: 2 });
  // Refused by the address rule, the user's reserved failure is given back.
  const tightAddress = { ...address, key: "203.0.113.10", limitPerWindow: 0 };
  expect(await limiter.hit([{ ...user, key: "user-4" }, tightAddress], now, { reserveFailure: true })).toMatchObject({ allowed: false });
  expect(await counterOf({ ...user, key: "user-4" }, now)).toEqual({ hits: 1, failures: 0 });
});

it("is exact under concurrency: 400 hits 8 at a time count 400, and a burst never passes a limit", async () => {
  const now = new Date("2026-11-28T04:00:00Z");
  const busy = { scope: "test", key: "carrier-nat", limitPerWindow: 5000, failedLimitPerWindow: 5000 };
  const queue = Array.from({ length: 400 }, (_, i) => i);
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (queue.shift() !== undefined) expect(await limiter.hit([busy], now)).toEqual({ allowed: true });
    }),
  );
  expect(await counterOf(busy, now)).toEqual({ hits: 400, failures: 0 });

  const burst = { scope: "test", key: "burst", limitPerWindow: 1000, failedLimitPerWindow: 20 };
  const decisions = await Promise.all(Array.from({ length: 120 }, () => limiter.hit([burst], now, { reserveFailure: true })));
  expect(decisions.filter((d) => d.allowed)).toHaveLength(20);
});

it("once a window refused, refuses again without a write until the window ends", async () => {
  const sends: string[] = [];
  const counting = new DynamoDbRateLimiter(countingTable(sends));
  const now = new Date("2026-11-28T06:00:30Z");
  const flood = { scope: "test", key: "flood", limitPerWindow: 2, failedLimitPerWindow: 100 };
  for (let i = 0; i < 100; i += 1) await counting.hit([flood], now);
  expect(sends).toHaveLength(3);
  expect(await counting.hit([flood], new Date("2026-11-28T06:01:00Z"))).toEqual({ allowed: true });
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

async function counterOf(rule: RateLimitRule, now: Date) {
  const { Item } = await table.documentClient.send(
    new GetCommand({ TableName: table.tableName, Key: keys.rateLimitWindow(rule.scope, rule.key, rateLimitWindowStart(now, rule)), ConsistentRead: true }),
  );
  return { hits: Number(Item?.hits ?? 0), failures: Number(Item?.failures ?? 0) };
}

describe("attempt: the work first, counted with its outcome", () => {
  const found = async () => "dossier";
  const unknown = async () => null;
  const isFailure = (result: string | null) => result === null;

  it("a successful attempt is one conditional write per rule and counts no failure", async () => {
    const sends: string[] = [];
    const counting = new DynamoDbRateLimiter(countingTable(sends));
    const now = new Date("2026-11-28T07:00:00Z");
    const user = { ...rule, key: "attempt-user-1", limitPerWindow: 10 };
    const address = { scope: "test-address", key: "203.0.113.20", limitPerWindow: 100, failedLimitPerWindow: 10 };
    expect(await counting.attempt([user, address], now, found, isFailure)).toEqual({ allowed: true, result: "dossier" });
    expect(sends).toEqual(["UpdateCommand", "UpdateCommand"]);
    expect(await counterOf(user, now)).toEqual({ hits: 1, failures: 0 });
    expect(await counting.attempt([user, address], now, unknown, isFailure)).toEqual({ allowed: true, result: null });
    expect(await counterOf(address, now)).toEqual({ hits: 2, failures: 1 });
  });

  it("allows exactly the failure limit, and then refuses found and unknown alike (no oracle in the refusal)", async () => {
    const now = new Date("2026-11-28T07:01:00Z");
    const user = { ...rule, key: "attempt-user-2", limitPerWindow: 100, failedLimitPerWindow: 2 };
    expect(await limiter.attempt([user], now, unknown, isFailure)).toEqual({ allowed: true, result: null });
    expect(await limiter.attempt([user], now, unknown, isFailure)).toEqual({ allowed: true, result: null });
    expect(await limiter.attempt([user], now, unknown, isFailure)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(await limiter.attempt([user], now, found, isFailure)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(await counterOf(user, now)).toEqual({ hits: 2, failures: 2 });
  });

  it("a burst at a window start gets exactly as many answers as the limits allow, across limiter instances", async () => {
    const now = new Date("2026-11-28T07:02:00Z");
    const instances = Array.from({ length: 4 }, () => new DynamoDbRateLimiter(table.table));
    const burst = { scope: "test", key: "attempt-burst", limitPerWindow: 1000, failedLimitPerWindow: 20 };
    const decisions = await Promise.all(Array.from({ length: 120 }, (_, i) => instances[i % 4]!.attempt([burst], now, unknown, isFailure)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(20);
    expect(await counterOf(burst, now)).toEqual({ hits: 20, failures: 20 });
  });

  it("refused by the address rule, the failure the user rule counted is given back; the address counts nothing", async () => {
    const now = new Date("2026-11-28T07:03:00Z");
    const user = { ...rule, key: "attempt-user-3", limitPerWindow: 10, failedLimitPerWindow: 10 };
    const fullAddress = { scope: "test-address", key: "203.0.113.21", limitPerWindow: 1, failedLimitPerWindow: 10 };
    expect(await limiter.attempt([{ ...user, key: "attempt-user-4" }, fullAddress], now, found, isFailure)).toMatchObject({ allowed: true });
    expect(await limiter.attempt([user, fullAddress], now, unknown, isFailure)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(await counterOf(user, now)).toEqual({ hits: 1, failures: 0 });
    expect(await counterOf(fullAddress, now)).toEqual({ hits: 1, failures: 0 });
  });

  it("a window this instance saw refuse refuses again without doing the work or writing", async () => {
    const now = new Date("2026-11-28T07:04:00Z");
    const flood = { scope: "test", key: "attempt-flood", limitPerWindow: 1, failedLimitPerWindow: 100 };
    let works = 0;
    const counted = async () => ((works += 1), "dossier");
    for (let i = 0; i < 10; i += 1) await limiter.attempt([flood], now, counted, isFailure);
    expect(works).toBe(2);
    expect(await counterOf(flood, now)).toEqual({ hits: 1, failures: 0 });
  });
});
