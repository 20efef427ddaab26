/** The daily quota a send answer reports for its channel (every ZBS / OA send answer carries one in 2026). */
export interface QuotaReport {
  dailyQuota: number;
  remainingQuota: number;
}

/** What a send call to Zalo came to, in our own terms (the Zalo adapter maps Zalo's codes to these). */
export type SendOutcome =
  | { ok: true; messageId: string; quota: QuotaReport | null }
  | { ok: false; failure: SendFailureKind; code: number | null; message: string; quota: QuotaReport | null };

/**
 * - `retryable`: call-rate limit, HTTP 5xx, timeouts, network errors: back off and try again;
 * - `token`: the OA access token is invalid or expired: refresh once and try again;
 * - `quota_exhausted`: the channel's daily quota is spent: wait for the next Vietnam day, no attempt spent;
 * - `quiet_hours`: refused at night: wait until the end of the quiet hours;
 * - `not_a_follower`: the citizen no longer follows the OA: record it, fall back to the phone;
 * - `not_by_uid`: this template cannot go by Zalo UID: fall back to the phone;
 * - `recipient`: this recipient cannot get this message (bad phone, refused the kind…): undeliverable;
 * - `credentials`: our own signing is wrong (`appsecret_proof`): permanent, and an operator must be alarmed;
 * - `permanent`: anything else (template errors, unknown codes): failed, never retried.
 */
export type SendFailureKind =
  | "retryable"
  | "token"
  | "quota_exhausted"
  | "quiet_hours"
  | "not_a_follower"
  | "not_by_uid"
  | "recipient"
  | "credentials"
  | "permanent";

/** Exponential backoff with full jitter: a random wait in [0, min(cap, base · 2^(attempt-1))]. */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
