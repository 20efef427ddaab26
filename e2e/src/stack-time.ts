import type { StackInfo } from "@motcua/local/stack/start-stack";

/**
 * When the browser tests' world starts: a Wednesday morning in Vietnam, outside quiet hours, away from a month's
 * end, a few days after the dossiers the tests write (received 18–24/11/2026). Every part runs on from here at
 * real speed, so the suite sees the same calendar whenever it runs.
 */
export const browserTestsStartAt = new Date("2026-12-09T09:30:00+07:00");

/** The running stack's time, for a client in this process (a signed request, a page's clock). */
export function stackNow(stack: Pick<StackInfo, "clockOffsetMs">): Date {
  return new Date(Date.now() + stack.clockOffsetMs);
}
