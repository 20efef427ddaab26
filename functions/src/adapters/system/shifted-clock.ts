import type { Clock } from "../../ports/clock.js";

/**
 * A clock that reads `startAt` when it is made and then runs at real speed (from the monotonic clock, so moving
 * the wall clock does not move it). A local stack or a test set to a chosen time of day or date uses it: leases,
 * signature windows and timeouts still pass as they would, only the calendar is the one asked for.
 */
export function shiftedClock(startAt: Date, elapsedMs: () => number = monotonicMsSince()): Clock {
  const start = startAt.getTime();
  if (Number.isNaN(start)) throw new Error("shiftedClock: startAt is not a valid date");
  return { now: () => new Date(start + elapsedMs()) };
}

function monotonicMsSince(): () => number {
  const origin = performance.now();
  return () => performance.now() - origin;
}
