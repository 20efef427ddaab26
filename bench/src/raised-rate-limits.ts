/**
 * Rate limits raised for the throughput runs, where one citizen makes thousands of lookups a minute (the failure
 * limits too, for the sync-login runs, whose attempts reserve a failure before the password is checked).
 */
export const raisedRateLimits = {
  RATE_LIMIT_USER_PER_MINUTE: "10000000",
  RATE_LIMIT_USER_FAILED_PER_MINUTE: "10000000",
  RATE_LIMIT_ADDRESS_PER_MINUTE: "10000000",
  RATE_LIMIT_ADDRESS_FAILED_PER_MINUTE: "10000000",
};
