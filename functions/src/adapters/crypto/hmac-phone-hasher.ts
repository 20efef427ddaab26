import { createHmac } from "node:crypto";
import type { PhoneHasher } from "../../ports/phone-hasher.js";

export class HmacPhoneHasher implements PhoneHasher {
  constructor(private readonly key: string) {}

  hash(normalisedPhone: string): string {
    return createHmac("sha256", this.key).update(normalisedPhone).digest("base64url");
  }
}
