/** What a send call to Zalo came to, as the notify use case needs to know it. */
export type SendOutcome =
  | { ok: true; messageId: string }
  | { ok: false; failure: SendFailureKind; code: number | null; message: string };

/**
 * - `retryable`: rate limit (-32), HTTP 5xx, timeouts, network errors: back off and try again;
 * - `token`: the OA access token is invalid or expired (-216, -220, -124): refresh once and try again;
 * - `permanent`: not a follower (-213), bad phone (-108), template errors, outside the window: never retried;
 * - `quiet_hours`: ZNS refused at night (-133): wait until 06:00.
 */
export type SendFailureKind = "retryable" | "token" | "permanent" | "quiet_hours";

const retryableCodes = new Set([-32, -500, -100]);
const tokenCodes = new Set([-216, -220, -124]);
const quietHourCodes = new Set([-133, -234]);

/** Zalo answers errors as HTTP 200 with `error != 0`; codes not known to be transient are permanent. */
export function classifyZaloError(code: number): SendFailureKind {
  if (retryableCodes.has(code)) return "retryable";
  if (tokenCodes.has(code)) return "token";
  if (quietHourCodes.has(code)) return "quiet_hours";
  return "permanent";
}

/** Exponential backoff with full jitter: a random wait in [0, min(cap, base · 2^(attempt-1))]. */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
