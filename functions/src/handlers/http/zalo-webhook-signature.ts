import { createHash, timingSafeEqual } from "node:crypto";

/**
 * `X-ZEvent-Signature: mac=<hex SHA-256(first term + raw body + timestamp + key)>` (DESIGN.md §5). Two points
 * are UNCONFIRMED (reference §4.5 and §8.6): whether the first term is the body's `app_id` or `oa_id`, and
 * whether the key is the OA secret key or the app secret. Configuration picks one reading of each, or `either`.
 */
export type WebhookMacFirstTerm = "app_id" | "oa_id" | "either";
export type WebhookMacKey = "oa_secret_key" | "app_secret" | "either";

export interface WebhookSignatureInput {
  header: string | undefined;
  rawBody: Buffer;
  appId: string;
  oaId: string | null;
  timestamp: string;
  oaSecretKey: string;
  appSecret: string;
  firstTerm: WebhookMacFirstTerm;
  key: WebhookMacKey;
}

export type WebhookSignatureResult = { ok: true; reading: string } | { ok: false };

export function verifyZaloWebhookSignature(input: WebhookSignatureInput): WebhookSignatureResult {
  if (!input.header) return { ok: false };
  const given = Buffer.from(input.header.trim());
  const terms: [string, string | null][] = [
    ["app_id", input.appId],
    ["oa_id", input.oaId],
  ];
  const secrets: [string, string][] = [
    ["oa_secret_key", input.oaSecretKey],
    ["app_secret", input.appSecret],
  ];
  let matched: string | null = null;
  // Every candidate is computed and compared, so the time taken does not tell which one matched.
  for (const [termName, term] of terms) {
    if (term === null || (input.firstTerm !== "either" && input.firstTerm !== termName)) continue;
    for (const [keyName, secret] of secrets) {
      if (input.key !== "either" && input.key !== keyName) continue;
      const mac = createHash("sha256").update(term).update(input.rawBody).update(input.timestamp).update(secret).digest("hex");
      const expected = Buffer.from(`mac=${mac}`);
      if (expected.length === given.length && timingSafeEqual(expected, given) && matched === null) {
        matched = `${termName}+${keyName}`;
      }
    }
  }
  return matched ? { ok: true, reading: matched } : { ok: false };
}
