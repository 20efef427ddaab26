import { describe, expect, it } from "vitest";
import { backoffMs, classifyZaloError } from "./send-outcome.js";

describe("classifyZaloError", () => {
  it.each([
    [-32, "retryable"],
    [-216, "token"],
    [-220, "token"],
    [-124, "token"],
    [-213, "permanent"],
    [-108, "permanent"],
    [-109, "permanent"],
    [-131, "permanent"],
    [-230, "permanent"],
    [-133, "quiet_hours"],
  ])("%i is %s", (code, kind) => {
    expect(classifyZaloError(code)).toBe(kind);
  });
});

describe("backoffMs", () => {
  it("grows exponentially up to the cap, scaled by the jitter", () => {
    expect(backoffMs(1, 100, 1000, () => 0.999)).toBe(99);
    expect(backoffMs(3, 100, 1000, () => 0.999)).toBe(399);
    expect(backoffMs(10, 100, 1000, () => 0.5)).toBe(500);
    expect(backoffMs(4, 100, 1000, () => 0)).toBe(0);
  });
});
