import { describe, expect, it } from "vitest";
import { SlidingWindowPacer } from "./sliding-window-pacer.js";

/** A pacer on a hand-moved clock; records the instant each call was let through. */
function pacerAt(perWindow: number, windowMs = 1000) {
  let now = 0;
  let sleptUntil: number | null = null;
  const started: number[] = [];
  const pending: { until: number; resolve: () => void }[] = [];
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      sleptUntil = now + ms;
      pending.push({ until: now + ms, resolve });
    });
  const pacer = new SlidingWindowPacer(perWindow, windowMs, () => now, sleep);
  return {
    call: async () => {
      sleptUntil = null;
      const asked = now;
      const waiting = pacer.wait(); // runs synchronously up to its sleep, if it sleeps
      const releasedAt = sleptUntil ?? asked;
      await waiting;
      started.push(releasedAt);
    },
    /** Moves the clock to `to`, releasing every wait that ends by then. */
    advanceTo: async (to: number) => {
      pending.sort((a, b) => a.until - b.until);
      while (pending[0] && pending[0].until <= to) {
        const next = pending.shift()!;
        now = next.until;
        next.resolve();
      }
      now = to;
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
    },
    started,
  };
}

describe("SlidingWindowPacer", () => {
  it("catches up at twice the even rate, then lets the next call through exactly one window after the first", async () => {
    const p = pacerAt(4);
    const calls = Array.from({ length: 6 }, () => p.call());
    await p.advanceTo(999);
    expect([...p.started].sort((a, b) => a - b)).toEqual([0, 125, 250, 375]);
    await p.advanceTo(1000);
    expect(p.started).toHaveLength(5);
    await p.advanceTo(1125);
    await Promise.all(calls);
    expect([...p.started].sort((a, b) => a - b)).toEqual([0, 125, 250, 375, 1000, 1125]);
  });

  it("never starts more than the quota in any window, whatever the arrival pattern", async () => {
    const p = pacerAt(5, 1000);
    const calls: Promise<void>[] = [];
    for (let t = 0; t < 4000; t += 130) {
      await p.advanceTo(t);
      calls.push(p.call(), p.call());
    }
    await p.advanceTo(20_000);
    await Promise.all(calls);
    for (const [i, start] of p.started.entries()) {
      expect(p.started.filter((s) => s > start - 1000 && s <= start).length, `window ending at call ${i}`).toBeLessThanOrEqual(5);
    }
    expect(p.started).toHaveLength(calls.length);
  });

  it("does not lose the slots of a pause: after an idle window the calls go at once, half the even spacing apart", async () => {
    const p = pacerAt(2);
    const first = [p.call(), p.call()];
    await p.advanceTo(250);
    await Promise.all(first);
    await p.advanceTo(2500);
    const second = [p.call(), p.call()];
    await p.advanceTo(2750);
    await Promise.all(second);
    expect(p.started).toEqual([0, 250, 2500, 2750]);
  });

  it("refuses a quota that is not a positive integer", () => {
    expect(() => new SlidingWindowPacer(0)).toThrow(RangeError);
    expect(() => new SlidingWindowPacer(2.5)).toThrow(RangeError);
  });
});
