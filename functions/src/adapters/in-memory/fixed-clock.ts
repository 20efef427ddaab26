import type { Clock } from "../../ports/clock.js";

export class FixedClock implements Clock {
  constructor(private instant: Date) {}
  now(): Date {
    return new Date(this.instant);
  }
  advanceSeconds(seconds: number): void {
    this.instant = new Date(this.instant.getTime() + seconds * 1000);
  }
}

export function sequentialIds(prefix = "id") {
  let next = 0;
  return { newId: () => `${prefix}-${(next += 1)}` };
}
