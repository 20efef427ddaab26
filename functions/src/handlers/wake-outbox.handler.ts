import type { Clock } from "../ports/clock.js";

export interface WakeOutboxHandlerDeps {
  wakeDue: (now: Date, limit: number) => Promise<number>;
  clock: Clock;
  /** Items woken per run at most (one Query page); the next run takes the rest. */
  limit: number;
}

/**
 * Scheduled (every minute in AWS; every few seconds in the local stack): wakes outbox items that waited out
 * quiet hours or whose sender's lease expired, so the stream hands them to the notify function again.
 */
export function buildWakeOutboxHandler(deps: WakeOutboxHandlerDeps) {
  return async (): Promise<{ woken: number }> => ({ woken: await deps.wakeDue(deps.clock.now(), deps.limit) });
}

/** The Lambda entry point: real dependencies, built on the first call. */
export async function handler(): Promise<{ woken: number }> {
  const { lambdaWakeOutboxHandler } = await import("../composition/lambda-entry.js");
  return lambdaWakeOutboxHandler()();
}
