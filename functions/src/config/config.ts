import { z } from "zod";
import { vietnamPublicHolidays } from "../domain/vietnam-holidays.js";

/** Env var names, the only place they are spelled. The CDK app checks its env against this list. */
export const configEnvNames = [
  "TABLE_NAME",
  "AWS_REGION",
  "DYNAMODB_ENDPOINT",
  "INGEST_SECRETS",
  "RECEIPT_KEY",
  "PHONE_HMAC_KEY",
  "MINI_APP_ID",
  "ZALO_APP_ID",
  "ZALO_APP_SECRET",
  "ZALO_GRAPH_BASE_URL",
  "ZALO_SEND_APPSECRET_PROOF",
  "TOKEN_CACHE_SECONDS",
  "RATE_LIMIT_USER_PER_MINUTE",
  "RATE_LIMIT_USER_FAILED_PER_MINUTE",
  "RATE_LIMIT_ADDRESS_PER_MINUTE",
  "RATE_LIMIT_ADDRESS_FAILED_PER_MINUTE",
  "HOLIDAYS",
  "PROCEDURE_CACHE_SECONDS",
  "RATINGS_FEED_SETTLE_SECONDS",
] as const;

export type ConfigEnvName = (typeof configEnvNames)[number];

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const secret = z.string().min(16, "must be at least 16 characters");

const envSchema = z.object({
  TABLE_NAME: z.string().min(3),
  AWS_REGION: z.string().min(1).default("ap-southeast-1"),
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** Comma-separated; two are valid at once while a secret is rotated. */
  INGEST_SECRETS: z
    .string()
    .transform((value) => value.split(",").map((s) => s.trim()).filter((s) => s.length > 0))
    .pipe(z.array(secret).min(1).max(2)),
  RECEIPT_KEY: secret,
  PHONE_HMAC_KEY: secret,
  MINI_APP_ID: z.string().min(1),
  ZALO_APP_ID: z.string().min(1),
  ZALO_APP_SECRET: z.string().min(1),
  ZALO_GRAPH_BASE_URL: z.url().default("https://graph.zalo.me"),
  // Whether /v2.0/me needs `appsecret_proof` is UNCONFIRMED (reference/zalo-platform.md §4.4): a setting, on by default.
  ZALO_SEND_APPSECRET_PROOF: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  TOKEN_CACHE_SECONDS: positiveInt(300),
  RATE_LIMIT_USER_PER_MINUTE: positiveInt(30),
  RATE_LIMIT_USER_FAILED_PER_MINUTE: positiveInt(10),
  // Many citizens share one mobile-carrier address (CGNAT), so the per-address limit is generous.
  RATE_LIMIT_ADDRESS_PER_MINUTE: positiveInt(1200),
  RATE_LIMIT_ADDRESS_FAILED_PER_MINUTE: positiveInt(200),
  /** Comma-separated `YYYY-MM-DD` days off; replaces the built-in Vietnamese calendar when set. */
  HOLIDAYS: z
    .string()
    .optional()
    .transform((value) => (value === undefined ? undefined : value.split(",").map((s) => s.trim()).filter((s) => s.length > 0)))
    .pipe(z.array(z.iso.date()).optional()),
  PROCEDURE_CACHE_SECONDS: positiveInt(300),
  RATINGS_FEED_SETTLE_SECONDS: z.coerce.number().int().nonnegative().default(5),
});

export interface Config {
  tableName: string;
  region: string;
  dynamodbEndpoint: string | undefined;
  ingestSecrets: string[];
  receiptKey: string;
  phoneHmacKey: string;
  miniAppId: string;
  zaloAppId: string;
  zaloAppSecret: string;
  zaloGraphBaseUrl: string;
  zaloSendAppSecretProof: boolean;
  tokenCacheSeconds: number;
  /** Public holidays (`YYYY-MM-DD`) for the working-day deadlines of feedback. */
  holidays: string[];
  procedureCacheSeconds: number;
  ratingsFeedSettleSeconds: number;
  rateLimits: {
    userPerMinute: number;
    userFailedPerMinute: number;
    addressPerMinute: number;
    addressFailedPerMinute: number;
  };
}

export class ConfigError extends Error {}

/** Reads and checks configuration once, at cold start; a bad value stops the function with a clear message. */
export function loadConfig(env: Partial<Record<string, string | undefined>>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  return {
    tableName: e.TABLE_NAME,
    region: e.AWS_REGION,
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    ingestSecrets: e.INGEST_SECRETS,
    receiptKey: e.RECEIPT_KEY,
    phoneHmacKey: e.PHONE_HMAC_KEY,
    miniAppId: e.MINI_APP_ID,
    zaloAppId: e.ZALO_APP_ID,
    zaloAppSecret: e.ZALO_APP_SECRET,
    zaloGraphBaseUrl: e.ZALO_GRAPH_BASE_URL,
    zaloSendAppSecretProof: e.ZALO_SEND_APPSECRET_PROOF,
    tokenCacheSeconds: e.TOKEN_CACHE_SECONDS,
    holidays: e.HOLIDAYS ?? [...vietnamPublicHolidays],
    procedureCacheSeconds: e.PROCEDURE_CACHE_SECONDS,
    ratingsFeedSettleSeconds: e.RATINGS_FEED_SETTLE_SECONDS,
    rateLimits: {
      userPerMinute: e.RATE_LIMIT_USER_PER_MINUTE,
      userFailedPerMinute: e.RATE_LIMIT_USER_FAILED_PER_MINUTE,
      addressPerMinute: e.RATE_LIMIT_ADDRESS_PER_MINUTE,
      addressFailedPerMinute: e.RATE_LIMIT_ADDRESS_FAILED_PER_MINUTE,
    },
  };
}
