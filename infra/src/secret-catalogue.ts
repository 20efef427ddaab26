import type { SecretConfigName } from "@motcua/functions/config/function-secrets";

export interface SecretSpec {
  /**
 * `generated`: a random value at first deploy (an operator may replace it; CloudFormation generates one field of a
 * secret, so only one value is); `operator`: put by hand (functions refuse to start while it holds the placeholder);
 * `operator-optional`: put by hand, and read as absent while it holds the placeholder
 * (functions/src/config/secret-env.ts `secretsThatMayStayUnset`).
 */
  value: "generated" | "operator" | "operator-optional";
  description: string;
}

/**
 * Every secret config value: one field each of the stage's one Secrets Manager secret (`motcua/<stage>/secrets`, a
 * JSON object; one secret costs a sixth of six). Functions get it through `SECRET_ARNS` naming the fields their config
 * loads (functions/src/config/function-secrets.ts), never as env values.
 */
export const secretCatalogue = {
  INGEST_SECRETS: {
    value: "operator",
    description: "HMAC secret(s) of the province's one-stop system (comma-separated: two during a rotation); a random value, e.g. openssl rand -hex 32",
  },
  RECEIPT_KEY: { value: "generated", description: "HMAC key of the receipt QR signature k" },
  PHONE_HMAC_KEY: {
    value: "operator",
    description: "HMAC key that indexes phone numbers, a random value (openssl rand -hex 32) put once: never rotate, it keys stored data",
  },
  ZALO_APP_SECRET: { value: "operator", description: "Zalo app secret (Zalo for Developers → the app → Settings)" },
  ZALO_OA_SECRET_KEY: { value: "operator", description: "OA secret key (signs the OA webhook; Zalo for Developers → the app → Webhook)" },
  ZALO_OA_INITIAL_REFRESH_TOKEN: {
    value: "operator-optional",
    description: "First OA refresh token (API Explorer); read only while the table holds no OA token pair",
  },
} as const satisfies Record<SecretConfigName, SecretSpec>;

export type SecretName = keyof typeof secretCatalogue;
export const secretNames = Object.keys(secretCatalogue) as SecretName[];
