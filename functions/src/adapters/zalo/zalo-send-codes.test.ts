import { describe, expect, it } from "vitest";
import { sendFailureKindOf } from "./zalo-send-codes.js";

describe("Zalo send codes → our outcome kinds", () => {
  it.each([
    [-32, "retryable"],
    [-100, "retryable"],
    [-216, "token"],
    [-220, "token"],
    [-124, "token"],
    [-211, "quota_exhausted"],
    [-144, "quota_exhausted"],
    [-234, "quiet_hours"],
    [-133, "quiet_hours"],
    [-242, "credentials"],
    [-1241, "credentials"],
    [-213, "not_a_follower"],
    [-249, "not_by_uid"],
    [-108, "recipient"],
    [-139, "recipient"],
    [-230, "recipient"],
    [-109, "permanent"],
    [-131, "permanent"],
    [-147, "permanent"],
    [-999, "permanent"],
  ])("%i is %s", (code, kind) => {
    expect(sendFailureKindOf(code)).toBe(kind);
  });
});
