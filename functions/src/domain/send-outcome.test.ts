import { describe, expect, it } from "vitest";
import { backoffMs } from "./send-outcome.js";

describe("backoffMs", () => {
  it("grows exponentially up to the cap, scaled by the jitter", () => {
    expect(backoffMs(1, 100, 1000, () => 0.999)).toBe(99);
    expect(backoffMs(3, 100, 1000, () => 0.999)).toBe(399);
    expect(backoffMs(10, 100, 1000, () => 0.5)).toBe(500);
    expect(backoffMs(4, 100, 1000, () => 0)).toBe(0);
  });
});
