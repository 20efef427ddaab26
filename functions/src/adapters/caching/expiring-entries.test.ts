import { describe, expect, it } from "vitest";
import { ExpiringEntries } from "./expiring-entries.js";

const t0 = new Date("2026-12-07T03:00:00Z").getTime();
let now = t0;
const clock = { now: () => new Date(now) };

describe("ExpiringEntries", () => {
  it("serves a value until ttlSeconds after it was read, not at that instant", () => {
    now = t0;
    const entries = new ExpiringEntries<string>(clock, 60, 10);
    entries.remember("a", "one", t0 - 1_000);
    now = t0 + 58_999;
    expect(entries.fresh("a")).toEqual({ value: "one" });
    now = t0 + 59_000;
    expect(entries.fresh("a")).toBeUndefined();
  });

  it("keeps at most maxEntries, the oldest going first", () => {
    now = t0;
    const entries = new ExpiringEntries<number>(clock, 60, 2);
    entries.remember("a", 1);
    entries.remember("b", 2);
    entries.remember("c", 3);
    expect(entries.fresh("a")).toBeUndefined();
    expect(entries.fresh("b")).toEqual({ value: 2 });
    expect(entries.fresh("c")).toEqual({ value: 3 });
  });

  it("keeps nothing with a TTL of 0, and forgets on request", () => {
    now = t0;
    const none = new ExpiringEntries<number>(clock, 0, 2);
    none.remember("a", 1);
    expect(none.fresh("a")).toBeUndefined();
    const some = new ExpiringEntries<number>(clock, 60, 2);
    some.remember("a", 1);
    some.forget("a");
    expect(some.fresh("a")).toBeUndefined();
  });
});
