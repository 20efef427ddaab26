import type { SecretConfigName } from "@motcua/functions/config/function-secrets";

export interface SecretSpec {
  /**
 * `generated`: a random value at first deploy (an operator may replace it); `operator`: put by hand from Zalo's
 * console (functions refuse to start while it holds the placeholder); `operator-optional`: put by hand, and
 * read as absent while it holds the placeholder (functions/src/config/secret-env.ts `secretsThatMayStayUnset`).
 */
  value: "generated" | "operator" | "operator-optional";
  description: string;
}

/**
 * Every secret config value, one Secrets Manager secret each (so a function can be granted some and not others:
 * functions/src/config/function-secrets.ts says which). Functions get them through `SECRET_ARNS`, never as env values.
 */
export const secretCatalogue = {
  INGEST_SECRETS: {
    value: "generated",
    description: "HMAC secret(s) of the province's one-stop system (comma-separated: two during a rotation)",
  },
  RECEIPT_KEY: { value: "generated", description: "HMAC key of the receipt QR signature k" },
  PHONE_HMAC_KEY: { value: "generated", description: "HMAC key that indexes phone numbers (never rotate: it keys stored data)" },
  ZALO_APP_SECRET: { value: "operator", description: "Zalo app secret (Zalo for Developers → the app → Settings)" },
  ZALO_OA_SECRET_KEY: { value: "operator", description: "OA secret key (signs the OA webhook; Zalo for Developers → the app → Webhook)" },
  ZALO_OA_INITIAL_REFRESH_TOKEN: {
    value: "operator-optional",
    description: "First OA refresh token (API Explorer); read only while the table holds no OA token pair",
  },
} as const satisfies Record<SecretConfigName, SecretSpec>;

export type SecretName = keyof typeof secretCatalogue;
export const secretNames = Object.keys(secretCatalogue) as SecretName[];
