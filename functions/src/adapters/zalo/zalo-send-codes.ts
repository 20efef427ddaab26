import type { SendFailureKind } from "../../domain/send-outcome.js";

/**
 * Zalo's error codes on the send endpoints (OA template by UID, ZBS template by phone) and what each means for us
 * (reference/zalo-platform.md §4.3, §5 and §9, which overrides the older tables). Zalo answers errors as HTTP 200
 * with `error != 0`; a code not listed here is permanent.
 */
export const zaloSendCodes: Readonly<Record<number, { kind: SendFailureKind; meaning: string }>> = {
  [-32]: { kind: "retryable", meaning: "the app reached its API call-rate limit" },
  [-100]: { kind: "retryable", meaning: "unknown error on Zalo's side" },
  [-500]: { kind: "retryable", meaning: "internal error" },
  [-216]: { kind: "token", meaning: "access token invalid" },
  [-220]: { kind: "token", meaning: "access token expired or removed" },
  [-124]: { kind: "token", meaning: "access token invalid (ZNS)" },
  [-211]: { kind: "quota_exhausted", meaning: "OA out of quota" },
  [-144]: { kind: "quota_exhausted", meaning: "ZNS daily limit reached" },
  [-234]: { kind: "quiet_hours", meaning: "cannot send at night (22:00–06:00)" },
  [-133]: { kind: "quiet_hours", meaning: "ZNS cannot send at night (22:00–06:00)" },
  [-242]: { kind: "credentials", meaning: "invalid appsecret_proof (OA)" },
  [-1241]: { kind: "credentials", meaning: "invalid appsecret_proof (ZNS)" },
  [-213]: { kind: "not_a_follower", meaning: "user has not followed the OA" },
  [-249]: { kind: "not_by_uid", meaning: "template cannot be sent by UID" },
  [-108]: { kind: "recipient", meaning: "phone number invalid" },
  [-114]: { kind: "recipient", meaning: "user cannot receive the message" },
  [-118]: { kind: "recipient", meaning: "Zalo account does not exist" },
  [-119]: { kind: "recipient", meaning: "account cannot receive ZNS" },
  [-139]: { kind: "recipient", meaning: "user refused this kind of message" },
  [-227]: { kind: "recipient", meaning: "user banned or inactive for more than 45 days" },
  [-244]: { kind: "recipient", meaning: "user restricted this kind of message" },
  [-230]: { kind: "recipient", meaning: "user has not interacted with the OA in the past 7 days" },
};

export function sendFailureKindOf(code: number): SendFailureKind {
  return zaloSendCodes[code]?.kind ?? "permanent";
}
