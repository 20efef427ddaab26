import { expect, it } from "vitest";
import { normalisePhoneNumber } from "./phone-number.js";

it("normalises Vietnamese mobile numbers to 84…", () => {
  expect(normalisePhoneNumber("0912345678")).toBe("84912345678");
  expect(normalisePhoneNumber("+84 912 345 678")).toBe("84912345678");
  expect(normalisePhoneNumber("84987.654.321")).toBe("84987654321");
});

it("returns null for landlines, short numbers and foreign numbers", () => {
  expect(normalisePhoneNumber("02043854321")).toBeNull();
  expect(normalisePhoneNumber("091234567")).toBeNull();
  expect(normalisePhoneNumber("+12025550123")).toBeNull();
});
