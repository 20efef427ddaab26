import type { ConfigEnvName } from "./config-env-names.js";
import type { LambdaFunctionName } from "./function-names.js";

/** The config values kept secret: in AWS the fields of one Secrets Manager secret (infra/src/secret-catalogue.ts). */
export const secretConfigNames = [
  "INGEST_SECRETS",
  "RECEIPT_KEY",
  "PHONE_HMAC_KEY",
  "ZALO_APP_SECRET",
  "ZALO_OA_SECRET_KEY",
  "ZALO_OA_INITIAL_REFRESH_TOKEN",
] as const satisfies readonly ConfigEnvName[];

export type SecretConfigName = (typeof secretConfigNames)[number];

/**
 * Which secrets each function reads: the one list both sides use. The CDK app grants a function exactly these
 * (`SECRET_ARNS` and `secretsmanager:GetSecretValue`), and the function's config loads exactly these
 * (composition/lambda-entry.ts → `loadConfig(env, { functionName })`); any other secret is absent there and
 * throws a ConfigError naming it when read. A function that starts reading a new secret fails its tests until
 * the secret is added here.
 */
export const functionSecrets = {
  // RECEIPT_KEY: `k` of the receipt QR proves ownership (lookup, rating); PHONE_HMAC_KEY: a verified phone is
  // indexed by its HMAC, and "my dossiers" queries by it; ZALO_APP_SECRET: `appsecret_proof` on /v2.0/me (token
  // check) and `secret_key` of the phone-number exchange.
  api: ["RECEIPT_KEY", "PHONE_HMAC_KEY", "ZALO_APP_SECRET"],
  // INGEST_SECRETS: the signature of every /v1/ingest route; RECEIPT_KEY: the receipt URL answered for a new
  // dossier; PHONE_HMAC_KEY: the applicant's phone is indexed by its HMAC when an event is applied.
  ingest: ["INGEST_SECRETS", "RECEIPT_KEY", "PHONE_HMAC_KEY"],
  // RECEIPT_KEY: the receipt QR a desk prints again; ZALO_APP_SECRET: `appsecret_proof` on /v2.0/me (token check).
  admin: ["RECEIPT_KEY", "ZALO_APP_SECRET"],
  // The webhook MAC's key (ZALO_WEBHOOK_MAC_KEY): the OA secret key by default; the app secret under the other readings.
  webhook: ["ZALO_APP_SECRET", "ZALO_OA_SECRET_KEY"],
  // RECEIPT_KEY: the dossier deep link carries `k`; PHONE_HMAC_KEY: ZNS finds citizens by verified phone;
  // ZALO_APP_SECRET + ZALO_OA_INITIAL_REFRESH_TOKEN: the OA token is refreshed (or first stored) when a send needs it.
  notify: ["RECEIPT_KEY", "PHONE_HMAC_KEY", "ZALO_APP_SECRET", "ZALO_OA_INITIAL_REFRESH_TOKEN"],
  // Touches waiting outbox items only.
  "wake-outbox": [],
  // ZALO_APP_SECRET: `secret_key` of the OAuth refresh; the first refresh token while the table holds no pair.
  "oa-token-refresh": ["ZALO_APP_SECRET", "ZALO_OA_INITIAL_REFRESH_TOKEN"],
  // Marks late dossiers and writes outbox items; the links are built by notify when it sends them.
  "late-dossiers": [],
} as const satisfies Record<LambdaFunctionName, readonly SecretConfigName[]>;
