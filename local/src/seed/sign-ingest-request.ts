import { createHmac } from "node:crypto";

/**
 * The ingest API's request signature (DESIGN.md §5): `v1=<hex HMAC-SHA256(secret, timestamp + "." + text)>`,
 * where the text is the raw body of a POST or the raw query string of a GET.
 */
export function ingestSignature(secret: string, timestampSeconds: number, signedText: string): string {
  const mac = createHmac("sha256", secret).update(`${timestampSeconds}.${signedText}`, "utf8").digest("hex");
  return `v1=${mac}`;
}

/** Headers for a signed ingest request; `signedText` is the exact raw body (POST) or raw query string (GET). */
export function signedIngestHeaders(
  secret: string,
  signedText: string,
  now: Date = new Date(),
): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    "content-type": "application/json",
    "x-motcua-timestamp": String(timestamp),
    "x-motcua-signature": ingestSignature(secret, timestamp, signedText),
  };
}
