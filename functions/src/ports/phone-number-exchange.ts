export type PhoneNumberExchangeResult =
  | { kind: "verified"; phone: string }
  /** The phone token is unknown, used, expired or was not issued for this user. */
  | { kind: "invalid_phone_token" }
  /** Zalo refused the user's access token. */
  | { kind: "invalid_access_token" };

/**
 * Zalo's phone exchange: the single-use token from the Mini App's getPhoneNumber, with the user's access
 * token and the app secret (server side only), gives the verified number. Throws when Zalo cannot be reached
 * or refuses our own credentials (a configuration fault, not the citizen's).
 */
export interface PhoneNumberExchange {
  exchange(accessToken: string, phoneToken: string): Promise<PhoneNumberExchangeResult>;
}
