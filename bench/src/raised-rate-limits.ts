/**
 * Rate limits raised for the throughput runs, where one citizen makes thousands of lookups a minute. The failure
 * limits too: a lookup reserves a failure before its query and gives it back when the dossier is found, so 16
 * lookups in flight hold 16 reservations at once.
 */
export const raisedRateLimits = {
  RATE_LIMIT_USER_PER_MINUTE: "10000000",
  RATE_LIMIT_USER_FAILED_PER_MINUTE: "10000000",
  RATE_LIMIT_ADDRESS_PER_MINUTE: "10000000",
  RATE_LIMIT_ADDRESS_FAILED_PER_MINUTE: "10000000",
};
