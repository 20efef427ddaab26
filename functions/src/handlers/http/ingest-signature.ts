import { createHmac, timingSafeEqual } from "node:crypto";

/** Requests signed more than this long ago, or this far in the future, are refused (DESIGN.md §5). */
export const signatureWindowSeconds = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: "missing" | "stale" | "mismatch" };

/**
 * `X-Motcua-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + signed text)>`, where the signed text
 * is the raw body (POST) or the raw query string (GET). Any of the configured secrets may match, so a
 * secret can be rotated with two valid at once; the header may carry several `v1=` values, comma-separated.
 */
export function verifyIngestSignature(input: {
  timestampHeader: string | undefined;
  signatureHeader: string | undefined;
  signedContent: Buffer;
  secrets: readonly string[];
  nowSeconds: number;
}): SignatureCheck {
  const { timestampHeader, signatureHeader } = input;
  if (!timestampHeader || !signatureHeader || !/^\d{1,12}$/u.test(timestampHeader)) return { ok: false, reason: "missing" };
  if (Math.abs(input.nowSeconds - Number(timestampHeader)) > signatureWindowSeconds) return { ok: false, reason: "stale" };

  const given = signatureHeader
    .split(",")
    .map((part) => part.trim())
    .filter((part) => /^v1=[0-9a-f]{64}$/iu.test(part))
    .map((part) => Buffer.from(part.slice(3), "hex"));
  const matches = input.secrets.some((secret) => {
    const expected = ingestSignature(secret, timestampHeader, input.signedContent);
    return given.some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
  });
  return matches ? { ok: true } : { ok: false, reason: "mismatch" };
}

export function ingestSignature(secret: string, timestamp: string, signedContent: Buffer): Buffer {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(signedContent).digest();
}
