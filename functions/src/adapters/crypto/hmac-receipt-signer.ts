import { createHmac, timingSafeEqual } from "node:crypto";
import { miniAppEntryUrl } from "@motcua/contracts/entry-link";
import type { ReceiptSigner } from "../../ports/receipt-signer.js";

const signatureLength = 16;

/** sig = the first 16 characters of base64url(HMAC-SHA256(receipt key, normalised code)) (DESIGN.md §5). */
export class HmacReceiptSigner implements ReceiptSigner {
  constructor(
    private readonly receiptKey: string,
    private readonly miniAppId: string,
  ) {}

  sign(code: string): string {
    return createHmac("sha256", this.receiptKey).update(code).digest("base64url").slice(0, signatureLength);
  }

  verify(code: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(code));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  receiptUrl(code: string): string {
    return miniAppEntryUrl(this.miniAppId, { kind: "dossier", code, receiptSignature: this.sign(code) });
  }
}
