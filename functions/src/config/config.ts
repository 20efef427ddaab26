import { parseStatusOverrides, syncUsernamePattern, type SyncCredential } from "../domain/sync-credential.js";
import { defaultQuietHours, parseQuietHours, type QuietHours } from "../domain/quiet-hours.js";
import { vietnamPublicHolidays } from "../domain/vietnam-holidays.js";
import type { ConfigEnvName } from "./config-env-names.js";
import type { LambdaFunctionName } from "./function-names.js";
import { functionSecrets, secretConfigNames, type SecretConfigName } from "./function-secrets.js";
import {
  commaList,
  flag,
  isoDate,
  listOf,
  oneOf,
  optional,
  positiveNumberUpTo,
  readSettings,
  required,
  text,
  url,
  wholeNumber,
  withDefault,
  type Setting,
  type TextReader,
} from "./settings.js";
import { useEnglishValidationMessages } from "./validation-messages.js";

const secret = text(16);
const positiveInt = (fallback: number) => withDefault(fallback, wholeNumber(1));
/** A whole number in [min, max], with a default. */
const intIn = (min: number, max: number, fallback: number) => withDefault(fallback, wholeNumber(min, max));
const nonNegativeInt = (fallback: number) => withDefault(fallback, wholeNumber(0));
const urlOr = (fallback: string) => withDefault(fallback, url);
const oneOfOr = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) => withDefault(fallback, oneOf(values));
const templateNames = ["dossier_update", "announcement", "feedback_reply"] as const;
type TemplateIds = Partial<Record<(typeof templateNames)[number], string>>;
/** `name=id,name=id`, e.g. `dossier_update=231456,announcement=231457`; a name left out is not sent on that channel. */
const templateIds: TextReader<TemplateIds> = (value) => {
  const ids: TemplateIds = {};
  for (const pair of commaList(value)) {
    const [name, id] = pair.split("=").map((part) => part.trim());
    if (!name || !id || !(templateNames as readonly string[]).includes(name) || !/^\d+$/u.test(id)) {
      return { problem: `"${pair}" is not <${templateNames.join("|")}>=<numeric id>` };
    }
    ids[name as (typeof templateNames)[number]] = id;
  }
  return { value: ids };
};
const quietHours: TextReader<QuietHours> = (value) => {
  const window = parseQuietHours(value);
  return window ? { value: window } : { problem: `"${value}" is not HH:MM-HH:MM (Vietnam time, two different times, e.g. 22:00-06:00)` };
};
const statusOverrides: TextReader<NonNullable<ReturnType<typeof parseStatusOverrides>>> = (value) => {
  const parsed = parseStatusOverrides(value);
  return parsed ? { value: parsed } : { problem: "expected <code>=<national status 1–10>,…" };
};
const refreshWindowSeconds: TextReader<number> = (value) => {
  const reading = wholeNumber(-Infinity)(value);
  if ("problem" in reading) return { problem: "must be a whole number of seconds" };
  if (reading.value < 60) return { problem: "must be at least 60 seconds" };
  if (reading.value > 86_400) return { problem: "must be at most 86400 seconds (the token lasts 25 h: a longer window would refresh on every call)" };
  return reading;
};

/**
 * Every setting, by its env name (config-env-names.ts), with its default. The CDK app reads which ones are
 * required at synth time.
 */
export const configSettings = {
  TABLE_NAME: required(text(3)),
  AWS_REGION: withDefault("ap-southeast-1", text()),
  DYNAMODB_ENDPOINT: optional(url),
  /** Comma-separated; two are valid at once while a secret is rotated. */
  INGEST_SECRETS: required(listOf(secret, { min: 1, max: 2 })),
  RECEIPT_KEY: required(secret),
  PHONE_HMAC_KEY: required(secret),
  MINI_APP_ID: required(text()),
  ZALO_APP_ID: required(text()),
  ZALO_APP_SECRET: required(text()),
  ZALO_GRAPH_BASE_URL: urlOr("https://graph.zalo.me"),
  // Whether /v2.0/me needs `appsecret_proof` is UNCONFIRMED (reference/zalo-platform.md §4.4): a setting, on by default.
  ZALO_SEND_APPSECRET_PROOF: withDefault(true, flag),
  /** The province's first admin (a Zalo app-scoped user id); they add the other staff. */
  FIRST_ADMIN_ZALO_APP_USER_ID: optional(text(1, { regex: /^\d{1,32}$/u, description: "a Zalo user id of 1–32 digits" })),
  TOKEN_CACHE_SECONDS: positiveInt(300),
  // Per DynamoDB attempt, and attempts: kept well inside the 10 s timeout of the HTTP functions.
  DYNAMODB_REQUEST_TIMEOUT_MS: intIn(100, 5000, 2000),
  DYNAMODB_MAX_ATTEMPTS: intIn(1, 3, 3),
  // A revoked staff token (PII inbox, CSV export) must stop working within a minute.
  STAFF_TOKEN_CACHE_SECONDS: intIn(0, 60, 60),
  // Ingested events dated further ahead of our clock are refused (a 2099 event would freeze a dossier).
  INGEST_MAX_FUTURE_SKEW_SECONDS: intIn(0, 86_400, 300),
  /** Lines below this level are not written (Powertools Logger); SILENT writes none (the tests). */
  LOG_LEVEL: oneOfOr(["DEBUG", "INFO", "WARN", "ERROR", "SILENT"], "INFO"),
  // Signed webhook events older than this are refused (a captured event cannot be replayed later).
  ZALO_WEBHOOK_MAX_AGE_SECONDS: intIn(60, 7 * 86_400, 86_400),
  RATE_LIMIT_USER_PER_MINUTE: positiveInt(30),
  RATE_LIMIT_USER_FAILED_PER_MINUTE: positiveInt(10),
  // Many citizens share one mobile-carrier address (CGNAT), so the per-address limit is generous.
  RATE_LIMIT_ADDRESS_PER_MINUTE: positiveInt(1200),
  RATE_LIMIT_ADDRESS_FAILED_PER_MINUTE: positiveInt(200),
  // New questions and messages of one citizen (a desk officer reads each one).
  RATE_LIMIT_FEEDBACK_PER_MINUTE: positiveInt(5),
  RATE_LIMIT_FEEDBACK_PER_HOUR: positiveInt(20),
  ZALO_OA_ID: required(text()),
  ZALO_OA_SECRET_KEY: required(text()),
  ZALO_OA_BASE_URL: urlOr("https://openapi.zalo.me"),
  ZALO_ZNS_BASE_URL: urlOr("https://business.openapi.zalo.me"),
  ZALO_OAUTH_BASE_URL: urlOr("https://oauth.zaloapp.com"),
  ZALO_OA_INITIAL_REFRESH_TOKEN: optional(text()),
  /** One approved ZBS template per message kind, sent by UID or by phone (2026); the two below override it per channel. */
  ZALO_TEMPLATE_IDS: withDefault({}, templateIds),
  ZALO_OA_TEMPLATE_IDS: withDefault({}, templateIds),
  ZALO_ZNS_TEMPLATE_IDS: withDefault({}, templateIds),
  /** Where the follower's id goes in a template message by UID: still open (reference §9). */
  ZALO_UID_TEMPLATE_BODY: oneOfOr(["user_id", "recipient"], "user_id"),
  /** Share of the daily quota kept for dossier messages: an announcement's fan-out pauses at it until the next day. */
  ZALO_ANNOUNCEMENT_QUOTA_RESERVE_PERCENT: intIn(0, 90, 30),
  /** Messages waiting for the next day's quota are spread over this long after Vietnam midnight. */
  ZALO_QUOTA_WAIT_JITTER_SECONDS: intIn(0, 3600, 900),
  ZALO_ZNS_DEVELOPMENT_MODE: withDefault(false, flag),
  // The webhook MAC reading settled by the 2026 evidence (reference §9): app_id + OA secret key; the others stay selectable.
  ZALO_WEBHOOK_MAC_FIRST_TERM: oneOfOr(["app_id", "oa_id", "either"], "app_id"),
  ZALO_WEBHOOK_MAC_KEY: oneOfOr(["oa_secret_key", "app_secret", "either"], "oa_secret_key"),
  ZALO_SEND_RATE_PER_SECOND: positiveInt(10),
  ZALO_SEND_TIMEOUT_MS: positiveInt(5000),
  NOTIFY_MAX_ATTEMPTS: positiveInt(5),
  NOTIFY_RETRY_BASE_MS: positiveInt(500),
  NOTIFY_RETRY_MAX_MS: positiveInt(8000),
  NOTIFY_LEASE_SECONDS: positiveInt(120),
  NOTIFY_CONCURRENCY: positiveInt(8),
  NOTIFY_DLQ_URL: optional(url),
  /** A retry backoff up to this long is slept inside the notify call; a longer one postpones the item (the waker sends it). */
  NOTIFY_INLINE_RETRY_MAX_MS: nonNegativeInt(2000),
  /** Sent messages leave the table (TTL) this many days after they were sent; 0 keeps them. Failed ones always stay. */
  NOTIFY_SENT_RETENTION_DAYS: intIn(0, 3660, 90),
  /** Undeliverable messages (no Zalo route to the citizen) leave the table this many days after they finished; 0 keeps them. */
  NOTIFY_UNDELIVERABLE_RETENTION_DAYS: intIn(0, 3660, 30),
  /** Sent announcement messages leave the table this many days after they were sent (the tally keeps the count); 0 keeps them. */
  NOTIFY_SENT_ANNOUNCEMENT_RETENTION_DAYS: intIn(0, 3660, 7),
  /** In AWS: which values to read from Secrets Manager at cold start (config/secret-env.ts); merged in before these are read. */
  SECRET_ARNS: optional((value) => ({ value })),
  /** Comma-separated `YYYY-MM-DD` days off; replaces the built-in Vietnamese calendar when set. */
  HOLIDAYS: optional(listOf(isoDate)),
  PROCEDURE_CACHE_SECONDS: positiveInt(300),
  RATINGS_FEED_SETTLE_SECONDS: nonNegativeInt(5),
  LATE_DOSSIER_NOTIFY: withDefault(true, flag),
  LATE_DOSSIER_LOOKBACK_DAYS: intIn(1, 366, 31),
  /** Largest ratings CSV answered (bytes); under the 6 MB response limit of Lambda behind an HTTP API. */
  RATINGS_CSV_MAX_BYTES: intIn(1, 6_000_000, 5_000_000),
  /** When ZNS is not sent, Vietnam time (Zalo's night ban). */
  ZALO_ZNS_QUIET_HOURS: withDefault(defaultQuietHours, quietHours),
  /** Refresh the OA access token this long before it expires (it lasts 25 h; the refresher runs hourly). */
  ZALO_OA_TOKEN_REFRESH_BEFORE_SECONDS: withDefault(3600, refreshWindowSeconds),
  /** The first credential of the national sync dialect (its password only as a scrypt hash); admins add others. */
  DVCQG_SYNC_FIRST_USERNAME: optional(text(1, { regex: syncUsernamePattern, description: "3–64 of A-Z a-z 0-9 . _ @ -" })),
  DVCQG_SYNC_FIRST_PASSWORD_HASH: optional(
    text(1, { regex: /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/u, description: "a scrypt$N$r$p$salt$key hash" }),
  ),
  DVCQG_SYNC_FIRST_UNITS: withDefault([], (value) => ({ value: commaList(value) })),
  DVCQG_SYNC_FIRST_STATUS_MAP: withDefault({}, statusOverrides),
  DVCQG_SYNC_SESSION_HOURS: withDefault(12, positiveNumberUpTo(168)),
} as const satisfies Record<ConfigEnvName, Setting<unknown>>;

export interface Config {
  dvcqgSync: {
    firstCredential: Pick<SyncCredential, "username" | "passwordHash" | "unitPatterns" | "statusOverrides"> | null;
    sessionSeconds: number;
  };
  tableName: string;
  region: string;
  dynamodbEndpoint: string | undefined;
  logLevel: "DEBUG" | "INFO" | "WARN" | "ERROR" | "SILENT";
  ingestSecrets: string[];
  receiptKey: string;
  phoneHmacKey: string;
  miniAppId: string;
  zaloAppId: string;
  zaloAppSecret: string;
  zaloGraphBaseUrl: string;
  zaloSendAppSecretProof: boolean;
  firstAdminZaloAppUserId: string | undefined;
  tokenCacheSeconds: number;
  staffTokenCacheSeconds: number;
  dynamodbRequestTimeoutMs: number;
  dynamodbMaxAttempts: number;
  ingestMaxFutureSkewSeconds: number;
  zaloWebhookMaxAgeSeconds: number;
  zalo: {
    oaId: string;
    oaSecretKey: string;
    oaBaseUrl: string;
    znsBaseUrl: string;
    oauthBaseUrl: string;
    oaInitialRefreshToken: string | null;
    oaTemplateIds: Partial<Record<(typeof templateNames)[number], string>>;
    znsTemplateIds: Partial<Record<(typeof templateNames)[number], string>>;
    znsDevelopmentMode: boolean;
    uidTemplateBody: "user_id" | "recipient";
    announcementQuotaReservePercent: number;
    quotaWaitJitterSeconds: number;
    webhookMacFirstTerm: "app_id" | "oa_id" | "either";
    webhookMacKey: "oa_secret_key" | "app_secret" | "either";
    sendRatePerSecond: number;
    sendTimeoutMs: number;
    znsQuietHours: QuietHours;
    oaTokenRefreshBeforeSeconds: number;
  };
  notify: {
    maxAttempts: number;
    retryBaseMs: number;
    retryMaxMs: number;
    leaseSeconds: number;
    concurrency: number;
    deadLetterQueueUrl: string | null;
    inlineRetryMaxMs: number;
    /** Days a sent outbox item stays in the table (TTL); 0 keeps it. */
    sentRetentionDays: number;
    /** Days an undeliverable outbox item stays in the table (TTL); 0 keeps it. */
    undeliverableRetentionDays: number;
    /** Days a sent announcement message stays in the table (TTL); 0 keeps it. */
    sentAnnouncementRetentionDays: number;
  };
  /** Public holidays (`YYYY-MM-DD`) for the working-day deadlines of feedback. */
  holidays: string[];
  procedureCacheSeconds: number;
  ratingsFeedSettleSeconds: number;
  lateDossiers: { notifyCitizens: boolean; lookbackDays: number };
  ratingsCsvMaxBytes: number;
  rateLimits: {
    userPerMinute: number;
    userFailedPerMinute: number;
    addressPerMinute: number;
    addressFailedPerMinute: number;
    feedbackPerMinute: number;
    feedbackPerHour: number;
  };
}

export class ConfigError extends Error {}

/** Which function the config is for: it then loads only that function's secrets (config/function-secrets.ts). */
export interface ConfigScope {
  functionName?: LambdaFunctionName;
}

/** Where each secret sits in Config. */
const configFieldOfSecret = {
  INGEST_SECRETS: ["ingestSecrets"],
  RECEIPT_KEY: ["receiptKey"],
  PHONE_HMAC_KEY: ["phoneHmacKey"],
  ZALO_APP_SECRET: ["zaloAppSecret"],
  ZALO_OA_SECRET_KEY: ["zalo", "oaSecretKey"],
  ZALO_OA_INITIAL_REFRESH_TOKEN: ["zalo", "oaInitialRefreshToken"],
} as const satisfies Record<SecretConfigName, readonly [string] | readonly ["zalo", string]>;

/**
 * Reads and checks configuration once, at cold start; a bad value stops the function with a clear message.
 * Without a scope (local stack, tests) every secret is required. With `{ functionName }` only that function's
 * secrets are read and checked; the others are neither required nor read from env, and reading one from the
 * Config throws a ConfigError naming it (composition/compose.ts reads secrets on first use, not when composing).
 */
export function loadConfig(env: Partial<Record<string, string | undefined>>, scope: ConfigScope = {}): Config {
  useEnglishValidationMessages();
  const loaded: readonly SecretConfigName[] = scope.functionName ? functionSecrets[scope.functionName] : secretConfigNames;
  const absent = secretConfigNames.filter((name) => !loaded.includes(name));
  const reading = readSettings(configSettings, env, new Set(absent));
  if ("problems" in reading) throw new ConfigError(`Invalid configuration: ${reading.problems.join("; ")}`);
  // Only the absent secrets are undefined here, and each is replaced by a throwing getter below.
  const e = reading.values;
  const firstCredentialParts = [e.DVCQG_SYNC_FIRST_USERNAME, e.DVCQG_SYNC_FIRST_PASSWORD_HASH].filter((v) => v !== undefined).length;
  if (firstCredentialParts === 1) {
    throw new ConfigError("Invalid configuration: set both DVCQG_SYNC_FIRST_USERNAME and DVCQG_SYNC_FIRST_PASSWORD_HASH, or neither");
  }
  if (firstCredentialParts === 2 && e.DVCQG_SYNC_FIRST_UNITS.length === 0) {
    throw new ConfigError("Invalid configuration: DVCQG_SYNC_FIRST_UNITS: the units the first credential may write (e.g. 000.00.*.H56)");
  }
  const config: Config = {
    dvcqgSync: {
      firstCredential:
        e.DVCQG_SYNC_FIRST_USERNAME && e.DVCQG_SYNC_FIRST_PASSWORD_HASH
          ? {
              username: e.DVCQG_SYNC_FIRST_USERNAME,
              passwordHash: e.DVCQG_SYNC_FIRST_PASSWORD_HASH,
              unitPatterns: e.DVCQG_SYNC_FIRST_UNITS,
              statusOverrides: e.DVCQG_SYNC_FIRST_STATUS_MAP,
            }
          : null,
      sessionSeconds: Math.round(e.DVCQG_SYNC_SESSION_HOURS * 3600),
    },
    tableName: e.TABLE_NAME,
    region: e.AWS_REGION,
    logLevel: e.LOG_LEVEL,
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    ingestSecrets: e.INGEST_SECRETS,
    receiptKey: e.RECEIPT_KEY,
    phoneHmacKey: e.PHONE_HMAC_KEY,
    miniAppId: e.MINI_APP_ID,
    zaloAppId: e.ZALO_APP_ID,
    zaloAppSecret: e.ZALO_APP_SECRET,
    zaloGraphBaseUrl: e.ZALO_GRAPH_BASE_URL,
    zaloSendAppSecretProof: e.ZALO_SEND_APPSECRET_PROOF,
    firstAdminZaloAppUserId: e.FIRST_ADMIN_ZALO_APP_USER_ID,
    tokenCacheSeconds: e.TOKEN_CACHE_SECONDS,
    staffTokenCacheSeconds: e.STAFF_TOKEN_CACHE_SECONDS,
    dynamodbRequestTimeoutMs: e.DYNAMODB_REQUEST_TIMEOUT_MS,
    dynamodbMaxAttempts: e.DYNAMODB_MAX_ATTEMPTS,
    ingestMaxFutureSkewSeconds: e.INGEST_MAX_FUTURE_SKEW_SECONDS,
    zaloWebhookMaxAgeSeconds: e.ZALO_WEBHOOK_MAX_AGE_SECONDS,
    zalo: {
      oaId: e.ZALO_OA_ID,
      oaSecretKey: e.ZALO_OA_SECRET_KEY,
      oaBaseUrl: e.ZALO_OA_BASE_URL,
      znsBaseUrl: e.ZALO_ZNS_BASE_URL,
      oauthBaseUrl: e.ZALO_OAUTH_BASE_URL,
      oaInitialRefreshToken: e.ZALO_OA_INITIAL_REFRESH_TOKEN ?? null,
      oaTemplateIds: { ...e.ZALO_TEMPLATE_IDS, ...e.ZALO_OA_TEMPLATE_IDS },
      znsTemplateIds: { ...e.ZALO_TEMPLATE_IDS, ...e.ZALO_ZNS_TEMPLATE_IDS },
      znsDevelopmentMode: e.ZALO_ZNS_DEVELOPMENT_MODE,
      uidTemplateBody: e.ZALO_UID_TEMPLATE_BODY,
      announcementQuotaReservePercent: e.ZALO_ANNOUNCEMENT_QUOTA_RESERVE_PERCENT,
      quotaWaitJitterSeconds: e.ZALO_QUOTA_WAIT_JITTER_SECONDS,
      webhookMacFirstTerm: e.ZALO_WEBHOOK_MAC_FIRST_TERM,
      webhookMacKey: e.ZALO_WEBHOOK_MAC_KEY,
      sendRatePerSecond: e.ZALO_SEND_RATE_PER_SECOND,
      sendTimeoutMs: e.ZALO_SEND_TIMEOUT_MS,
      znsQuietHours: e.ZALO_ZNS_QUIET_HOURS,
      oaTokenRefreshBeforeSeconds: e.ZALO_OA_TOKEN_REFRESH_BEFORE_SECONDS,
    },
    notify: {
      maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
      retryBaseMs: e.NOTIFY_RETRY_BASE_MS,
      retryMaxMs: e.NOTIFY_RETRY_MAX_MS,
      leaseSeconds: e.NOTIFY_LEASE_SECONDS,
      concurrency: e.NOTIFY_CONCURRENCY,
      deadLetterQueueUrl: e.NOTIFY_DLQ_URL ?? null,
      inlineRetryMaxMs: e.NOTIFY_INLINE_RETRY_MAX_MS,
      sentRetentionDays: e.NOTIFY_SENT_RETENTION_DAYS,
      undeliverableRetentionDays: e.NOTIFY_UNDELIVERABLE_RETENTION_DAYS,
      sentAnnouncementRetentionDays: e.NOTIFY_SENT_ANNOUNCEMENT_RETENTION_DAYS,
    },
    holidays: e.HOLIDAYS ?? [...vietnamPublicHolidays],
    procedureCacheSeconds: e.PROCEDURE_CACHE_SECONDS,
    ratingsFeedSettleSeconds: e.RATINGS_FEED_SETTLE_SECONDS,
    lateDossiers: { notifyCitizens: e.LATE_DOSSIER_NOTIFY, lookbackDays: e.LATE_DOSSIER_LOOKBACK_DAYS },
    ratingsCsvMaxBytes: e.RATINGS_CSV_MAX_BYTES,
    rateLimits: {
      userPerMinute: e.RATE_LIMIT_USER_PER_MINUTE,
      userFailedPerMinute: e.RATE_LIMIT_USER_FAILED_PER_MINUTE,
      addressPerMinute: e.RATE_LIMIT_ADDRESS_PER_MINUTE,
      addressFailedPerMinute: e.RATE_LIMIT_ADDRESS_FAILED_PER_MINUTE,
      feedbackPerMinute: e.RATE_LIMIT_FEEDBACK_PER_MINUTE,
      feedbackPerHour: e.RATE_LIMIT_FEEDBACK_PER_HOUR,
    },
  };
  const functionName = scope.functionName;
  if (functionName) for (const name of absent) withoutSecret(config, name, functionName);
  return config;
}

/** Replaces a secret the function does not load by a getter that stops with its name if anything reads it. */
function withoutSecret(config: Config, name: SecretConfigName, functionName: LambdaFunctionName): void {
  const path: readonly string[] = configFieldOfSecret[name];
  const target: object = path.length === 2 ? config.zalo : config;
  Object.defineProperty(target, path[path.length - 1]!, {
    enumerable: true,
    get() {
      throw new ConfigError(
        `${name} is not loaded for the ${functionName} function: add it to its list in functions/src/config/function-secrets.ts (which also grants it in AWS)`,
      );
    },
  });
}
