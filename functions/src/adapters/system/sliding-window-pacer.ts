import type { SendPacer } from "../../ports/send-pacer.js";

/**
 * At most `perWindow` send calls start in any `windowMs` (Zalo's quota, read as "per rolling second"; a
 * fixed-second reading is then met too). Unlike spacing calls 1/rate apart, a slot nobody used in a pause
 * (between two stream batches, say) is not lost: the calls after the pause catch up, still within the window.
 * Callers get their slots in the order they ask. Give a `windowMs` a little over the quota's second: requests
 * reach Zalo with some jitter, and one that arrives early at the window's edge is refused with -32.
 */
export class SlidingWindowPacer implements SendPacer {
  /** Start times handed out, the last `perWindow` of them, oldest first. */
  private readonly slots: number[] = [];

  constructor(
    private readonly perWindow: number,
    private readonly windowMs = 1000,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    if (!Number.isInteger(perWindow) || perWindow < 1) throw new RangeError("perWindow must be a positive integer");
  }

  async wait(): Promise<void> {
    const now = this.now();
    // Half the even spacing between two calls: a catch-up after a pause goes at twice the rate, not in one clump
    // that would meet the quota's window edge all at once a second later.
    const previous = this.slots.length > 0 ? this.slots.at(-1)! + this.windowMs / this.perWindow / 2 : now;
    const windowFull = this.slots.length === this.perWindow ? this.slots[0]! + this.windowMs : now;
    const slot = Math.max(now, previous, windowFull);
    this.slots.push(slot);
    if (this.slots.length > this.perWindow) this.slots.shift();
    if (slot > now) await this.sleep(slot - now);
  }
}
