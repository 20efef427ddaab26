import type { Clock } from "../ports/clock.js";

export interface WakeOutboxHandlerDeps {
  wakeDue: (now: Date, limit: number) => Promise<number>;
  /** Touches running announcement fan-outs that stopped advancing (their stream record ran out of retries). */
  nudgeStalledFanouts: (now: Date, limit: number) => Promise<number>;
  clock: Clock;
  /** Items woken per run at most (one Query page); the next run takes the rest. */
  limit: number;
}

/**
 * Scheduled (every minute in AWS; every few seconds in the local stack): wakes outbox items that waited out
 * quiet hours or whose sender's lease expired, so the stream hands them to the notify function again; and nudges
 * announcement fan-outs that stopped advancing, so their next page gets written.
 */
export function buildWakeOutboxHandler(deps: WakeOutboxHandlerDeps) {
  return async (): Promise<WakeOutboxResult> => {
    const now = deps.clock.now();
    const woken = await deps.wakeDue(now, deps.limit);
    return { woken, fanoutsNudged: await deps.nudgeStalledFanouts(now, deps.limit) };
  };
}

export interface WakeOutboxResult {
  woken: number;
  fanoutsNudged: number;
}
