import type { SendPacer } from "../../ports/send-pacer.js";

/** Lets one call through every 1000/perSecond ms (a token bucket of one); callers queue in order. */
export class IntervalPacer implements SendPacer {
  private nextSlot = 0;
  private readonly intervalMs: number;

  constructor(perSecond: number) {
    this.intervalMs = 1000 / perSecond;
  }

  async wait(): Promise<void> {
    const now = performance.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.intervalMs;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}
