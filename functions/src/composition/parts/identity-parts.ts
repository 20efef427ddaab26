import { HmacPhoneHasher } from "../../adapters/crypto/hmac-phone-hasher.js";
import { HmacReceiptSigner } from "../../adapters/crypto/hmac-receipt-signer.js";
import { CachedZaloGraph } from "../../adapters/zalo/cached-zalo-graph.js";
import { ZaloGraphClient } from "../../adapters/zalo/zalo-graph-client.js";
import { ZaloPhoneExchangeClient } from "../../adapters/zalo/zalo-phone-exchange-client.js";
import type { PhoneHasher } from "../../ports/phone-hasher.js";
import type { ReceiptSigner } from "../../ports/receipt-signer.js";
import { onFirstUse, shared, type Base } from "./base.js";

// Secrets are read on first use, not here: a function composes without the secrets it never reads
// (config/function-secrets.ts), and reading one it was not given throws a ConfigError naming it.

export function phoneHasherOf(base: Base) {
  return shared(base, "phoneHasherOf", ({ config }): PhoneHasher => {
    const hasher = onFirstUse(() => new HmacPhoneHasher(config.phoneHmacKey));
    return { hash: (phone) => hasher().hash(phone) };
  });
}

export function receiptSignerOf(base: Base) {
  return shared(base, "receiptSignerOf", ({ config }): ReceiptSigner => {
    const signer = onFirstUse(() => new HmacReceiptSigner(config.receiptKey, config.miniAppId));
    return {
      sign: (code) => signer().sign(code),
      verify: (code, signature) => signer().verify(code, signature),
      receiptUrl: (code) => signer().receiptUrl(code),
    };
  });
}

export function zaloGraphUncachedOf(base: Base) {
  return shared(base, "zaloGraphUncachedOf", ({ config, fetchOverride }) =>
      new ZaloGraphClient({
        baseUrl: config.zaloGraphBaseUrl,
        get appSecret() {
          return config.zaloAppSecret;
        },
        sendAppSecretProof: config.zaloSendAppSecretProof,
        ...fetchOverride,
      }));
}

export function zaloGraphOf(base: Base) {
  return shared(base, "zaloGraphOf", (base) => new CachedZaloGraph(zaloGraphUncachedOf(base), base.clock, base.config.tokenCacheSeconds));
}

/** Staff tokens open personal data (the feedback inbox, the CSV export): a revoked one must stop within a minute. */
export function staffZaloGraphOf(base: Base) {
  return shared(base, "staffZaloGraphOf", (base) => new CachedZaloGraph(zaloGraphUncachedOf(base), base.clock, base.config.staffTokenCacheSeconds));
}

export function phoneExchangeOf(base: Base) {
  return shared(base, "phoneExchangeOf", ({ config, fetchOverride }) =>
      new ZaloPhoneExchangeClient({
        baseUrl: config.zaloGraphBaseUrl,
        get appSecret() {
          return config.zaloAppSecret;
        },
        ...fetchOverride,
      }));
}
