import { describe, expect, it } from "vitest";
import { passesEventFilters } from "./event-filter.js";

const record = (eventName: string, newImage: Record<string, unknown>) => ({
  eventName,
  dynamodb: { Keys: { PK: { S: "OUTBOX#a1" }, SK: { S: "OUTBOX" } }, NewImage: newImage },
});

describe("Lambda event-filter patterns, as the local stream poller applies them", () => {
  const pendingDueAgain = { eventName: ["MODIFY"], dynamodb: { Keys: { PK: { S: [{ prefix: "OUTBOX#" }] } }, NewImage: { state: { S: ["pending"] }, notBefore: { S: [{ exists: false }] } } } };
  const wokenLease = { eventName: ["MODIFY"], dynamodb: { NewImage: { wakeups: { N: [{ exists: true }] } } } };
  const newOutboxItem = { eventName: ["INSERT"], dynamodb: { Keys: { PK: { S: [{ prefix: "OUTBOX#" }] } } } };

  it("matches exact values, prefixes and absent attributes", () => {
    expect(passesEventFilters(record("MODIFY", { state: { S: "pending" } }), [pendingDueAgain])).toBe(true);
    expect(passesEventFilters(record("MODIFY", { state: { S: "pending" }, notBefore: { S: "2026-11-02T23:00:00Z" } }), [pendingDueAgain])).toBe(false);
    expect(passesEventFilters(record("MODIFY", { state: { S: "sent" } }), [pendingDueAgain])).toBe(false);
    expect(passesEventFilters(record("INSERT", { state: { S: "pending" } }), [pendingDueAgain])).toBe(false);
    expect(passesEventFilters({ ...record("MODIFY", { state: { S: "pending" } }), dynamodb: { Keys: { PK: { S: "DOSSIER#x" } }, NewImage: { state: { S: "pending" } } } }, [pendingDueAgain])).toBe(false);
  });

  it("`exists: true` matches a leaf value only, as Lambda's does", () => {
    expect(passesEventFilters(record("MODIFY", { wakeups: { N: "1" } }), [wokenLease])).toBe(true);
    expect(passesEventFilters(record("MODIFY", {}), [wokenLease])).toBe(false);
    expect(passesEventFilters(record("MODIFY", { wakeups: { N: { nested: "1" } } }), [wokenLease])).toBe(false);
  });

  it("passes a record that matches any one pattern of the list", () => {
    expect(passesEventFilters(record("INSERT", {}), [pendingDueAgain, newOutboxItem])).toBe(true);
    expect(passesEventFilters(record("REMOVE", {}), [pendingDueAgain, newOutboxItem, wokenLease])).toBe(false);
    expect(passesEventFilters(record("INSERT", {}), [])).toBe(false);
  });
});
