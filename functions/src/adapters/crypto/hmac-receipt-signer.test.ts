import { createHmac } from "node:crypto";
import { expect, it } from "vitest";
import { HmacReceiptSigner } from "./hmac-receipt-signer.js";

const signer = new HmacReceiptSigner("receipt-key-0123456789", "3141592653589793");

it("signs with the first 16 characters of base64url(HMAC-SHA256(key, code))", () => {
  const expected = createHmac("sha256", "receipt-key-0123456789").update("03706/2026/07906").digest("base64url").slice(0, 16);
  expect(signer.sign("03706/2026/07906")).toBe(expected);
  expect(signer.verify("03706/2026/07906", expected)).toBe(true);
  expect(signer.verify("03706/2026/07907", expected)).toBe(false);
  expect(signer.verify("03706/2026/07906", expected.slice(0, 15))).toBe(false);
});

it("builds the receipt deep link with the code in its path form", () => {
  expect(signer.receiptUrl("03706/2026/07906")).toBe(
    `https://zalo.me/s/3141592653589793/?hs=03706~2026~07906&k=${signer.sign("03706/2026/07906")}`,
  );
});
