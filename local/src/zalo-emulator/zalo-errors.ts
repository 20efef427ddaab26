/**
 * Error codes the emulator answers with. Zalo's own codes where a source names one
 * (see shared/reference/zalo-platform.md §4.3, §5); the rest are ours, kept negative like Zalo's.
 * Zalo APIs answer errors with HTTP 200 and `error != 0`; the control endpoints use real HTTP statuses.
 */
export const zaloErrorCode = {
  success: 0,
  /** "<field> is invalid": bad parameters, and every phone-token (`code`) problem of /v2.0/me/info. */
  invalidParameter: -201,
  /** User access token missing, unknown or revoked (Graph API) and OA access token invalid. */
  accessTokenInvalid: -216,
  /**
   * Wrong `secret_key` header. Zalo's public tables do not name the Graph API code for this;
   * -124 is the code clients already treat as a credential failure, so a real client fails the same way.
   */
  secretKeyInvalid: -124,
  /** The user has no phone number on Zalo: impossible for real accounts, kept in the -201 family. */
  phoneNumberMissing: -201,
  /**
   * OAuth v4 (oauth.zaloapp.com) errors carry `error_name`/`error_reason` beside `error`.
   * -14014: refresh token unknown, already used or expired. -14003: bad app_id, secret_key or grant_type
   * (third-party reports tie -14003 to invalid parameters); unconfirmed against first-party docs.
   */
  refreshTokenInvalid: -14014,
  oauthParameterInvalid: -14003,
  /** Control endpoint codes: negated HTTP status, so a log line tells the cause at a glance. */
  notFound: -404,
  methodNotAllowed: -405,
  conflict: -409,
  payloadTooLarge: -413,
  internal: -500,
} as const;

export type ZaloErrorBody = { error: number; message: string };

export function zaloError(error: number, message: string): ZaloErrorBody {
  return { error, message };
}
