import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, type Config } from "./config.js";
import type { LambdaFunctionName } from "./function-names.js";
import { functionSecrets, secretConfigNames, type SecretConfigName } from "./function-secrets.js";

const valid = {
  TABLE_NAME: "motcua",
  INGEST_SECRETS: "first-secret-0000000001, second-secret-000000002",
  RECEIPT_KEY: "receipt-key-0123456789",
  PHONE_HMAC_KEY: "phone-key-0123456789",
  MINI_APP_ID: "1",
  ZALO_APP_ID: "2",
  ZALO_APP_SECRET: "3",
  ZALO_OA_ID: "4",
  ZALO_OA_SECRET_KEY: "5",
};

it("reads the configuration with its defaults", () => {
  const config = loadConfig(valid);
  expect(config.ingestSecrets).toEqual(["first-secret-0000000001", "second-secret-000000002"]);
  expect(config.zaloGraphBaseUrl).toBe("https://graph.zalo.me");
  expect(config.zaloSendAppSecretProof).toBe(true);
  expect(config.rateLimits.addressPerMinute).toBeGreaterThan(config.rateLimits.userPerMinute);
});

it("stops with a message naming every bad setting", () => {
  expect(() => loadConfig({ ...valid, RECEIPT_KEY: "short", TABLE_NAME: undefined })).toThrow(ConfigError);
  expect(() => loadConfig({ ...valid, RECEIPT_KEY: "short" })).toThrow(/RECEIPT_KEY/);
  expect(() => loadConfig({ ...valid, INGEST_SECRETS: "a-secret-0000000000001,b-secret-000000000002,c-secret-0000000000003" })).toThrow(/INGEST_SECRETS/);
});

it("says in words what is wrong with each setting, every bad one in one message", () => {
  expect(() => loadConfig({ ...valid, TABLE_NAME: "ab" })).toThrow("Invalid configuration: TABLE_NAME: must be at least 3 characters");
  expect(() => loadConfig({ ...valid, NOTIFY_CONCURRENCY: "0" })).toThrow('NOTIFY_CONCURRENCY: must be a whole number, at least 1, not "0"');
  expect(() => loadConfig({ ...valid, LOG_LEVEL: "LOUD" })).toThrow('LOG_LEVEL: must be one of "DEBUG"|"INFO"|"WARN"|"ERROR"|"SILENT", not "LOUD"');
  expect(() => loadConfig({ ...valid, MINI_APP_ID: undefined, ZALO_OA_BASE_URL: "openapi.zalo.me", HOLIDAYS: "2026-09-02,2026-02-29" })).toThrow(
    "Invalid configuration: MINI_APP_ID: is required; ZALO_OA_BASE_URL: must be an absolute URL such as https://example.org, " +
      'not "openapi.zalo.me"; HOLIDAYS: item 2 must be a day written YYYY-MM-DD, not "2026-02-29"',
  );
});

it("refuses a blank number instead of reading it as 0", () => {
  expect(() => loadConfig({ ...valid, NOTIFY_INLINE_RETRY_MAX_MS: "" })).toThrow(/NOTIFY_INLINE_RETRY_MAX_MS: must be a whole number, at least 0/);
  expect(loadConfig({ ...valid, NOTIFY_INLINE_RETRY_MAX_MS: "0" }).notify.inlineRetryMaxMs).toBe(0);
});

it("reads the Zalo send settings with the real hosts as defaults and template ids by name", () => {
  const config = loadConfig({ ...valid, ZALO_OA_TEMPLATE_IDS: "dossier_update=101, announcement=102", ZALO_ZNS_TEMPLATE_IDS: "dossier_update=201" });
  expect(config.zalo).toMatchObject({
    oaBaseUrl: "https://openapi.zalo.me",
    znsBaseUrl: "https://business.openapi.zalo.me",
    oauthBaseUrl: "https://oauth.zaloapp.com",
    oaTemplateIds: { dossier_update: "101", announcement: "102" },
    znsTemplateIds: { dossier_update: "201" },
    webhookMacFirstTerm: "app_id",
    webhookMacKey: "oa_secret_key",
    uidTemplateBody: "user_id",
    announcementQuotaReservePercent: 30,
    quotaWaitJitterSeconds: 900,
  });
  expect(loadConfig(valid).zalo.znsTemplateIds).toEqual({});
  expect(() => loadConfig({ ...valid, ZALO_ZNS_TEMPLATE_IDS: "dossier_update=abc" })).toThrow(/ZALO_ZNS_TEMPLATE_IDS/);
  expect(() => loadConfig({ ...valid, ZALO_OA_TEMPLATE_IDS: "rating=1" })).toThrow(/ZALO_OA_TEMPLATE_IDS/);
  expect(() => loadConfig({ ...valid, ZALO_WEBHOOK_MAC_KEY: "both" })).toThrow(/ZALO_WEBHOOK_MAC_KEY/);
});

it("takes one template id per kind for both channels, a channel's own id overriding it", () => {
  const config = loadConfig({ ...valid, ZALO_TEMPLATE_IDS: "dossier_update=300,announcement=301", ZALO_ZNS_TEMPLATE_IDS: "dossier_update=201" });
  expect(config.zalo.oaTemplateIds).toEqual({ dossier_update: "300", announcement: "301" });
  expect(config.zalo.znsTemplateIds).toEqual({ dossier_update: "201", announcement: "301" });
});

it("checks the quota reserve (0–90 %), the wait jitter (0–3600 s) and the UID body shape at their limits", () => {
  expect(loadConfig({ ...valid, ZALO_ANNOUNCEMENT_QUOTA_RESERVE_PERCENT: "90" }).zalo.announcementQuotaReservePercent).toBe(90);
  expect(() => loadConfig({ ...valid, ZALO_ANNOUNCEMENT_QUOTA_RESERVE_PERCENT: "91" })).toThrow(/ZALO_ANNOUNCEMENT_QUOTA_RESERVE_PERCENT/);
  expect(loadConfig({ ...valid, ZALO_ANNOUNCEMENT_QUOTA_RESERVE_PERCENT: "0" }).zalo.announcementQuotaReservePercent).toBe(0);
  expect(() => loadConfig({ ...valid, ZALO_ANNOUNCEMENT_QUOTA_RESERVE_PERCENT: "-1" })).toThrow(/ZALO_ANNOUNCEMENT_QUOTA_RESERVE_PERCENT/);
  expect(loadConfig({ ...valid, ZALO_QUOTA_WAIT_JITTER_SECONDS: "3600" }).zalo.quotaWaitJitterSeconds).toBe(3600);
  expect(() => loadConfig({ ...valid, ZALO_QUOTA_WAIT_JITTER_SECONDS: "3601" })).toThrow(/ZALO_QUOTA_WAIT_JITTER_SECONDS/);
  expect(loadConfig({ ...valid, ZALO_UID_TEMPLATE_BODY: "recipient" }).zalo.uidTemplateBody).toBe("recipient");
  expect(() => loadConfig({ ...valid, ZALO_UID_TEMPLATE_BODY: "both" })).toThrow(/ZALO_UID_TEMPLATE_BODY/);
});

it("reads the ZNS quiet hours and the OA token refresh window, 22:00-06:00 and one hour by default", () => {
  expect(loadConfig(valid).zalo).toMatchObject({ znsQuietHours: { startMinute: 22 * 60, endMinute: 6 * 60 }, oaTokenRefreshBeforeSeconds: 3600 });
  const custom = loadConfig({ ...valid, ZALO_ZNS_QUIET_HOURS: "21:30-07:15", ZALO_OA_TOKEN_REFRESH_BEFORE_SECONDS: "7200" });
  expect(custom.zalo).toMatchObject({ znsQuietHours: { startMinute: 21 * 60 + 30, endMinute: 7 * 60 + 15 }, oaTokenRefreshBeforeSeconds: 7200 });
  expect(loadConfig({ ...valid, ZALO_OA_TOKEN_REFRESH_BEFORE_SECONDS: "60" }).zalo.oaTokenRefreshBeforeSeconds).toBe(60);
  expect(loadConfig({ ...valid, ZALO_OA_TOKEN_REFRESH_BEFORE_SECONDS: "86400" }).zalo.oaTokenRefreshBeforeSeconds).toBe(86_400);
});

it("refuses a quiet-hours window or a refresh window it cannot use, naming the setting", () => {
  for (const bad of ["22:00", "22-06", "25:00-06:00", "22:00-22:00", "night"]) {
    expect(() => loadConfig({ ...valid, ZALO_ZNS_QUIET_HOURS: bad }), bad).toThrow(/ZALO_ZNS_QUIET_HOURS: .*is not HH:MM-HH:MM/);
  }
  for (const bad of ["59", "86401", "0", "-3600", "1h", "90.5"]) {
    expect(() => loadConfig({ ...valid, ZALO_OA_TOKEN_REFRESH_BEFORE_SECONDS: bad }), bad).toThrow(/ZALO_OA_TOKEN_REFRESH_BEFORE_SECONDS/);
  }
});

describe("a function's config loads only that function's secrets (function-secrets.ts)", () => {
  const withoutSecrets = Object.fromEntries(Object.entries(valid).filter(([name]) => !(secretConfigNames as readonly string[]).includes(name)));

  it("needs no secret the function does not read: the wake-outbox function starts without any", () => {
    const config = loadConfig(withoutSecrets, { functionName: "wake-outbox" });
    expect(config.tableName).toBe("motcua");
    expect(() => loadConfig(withoutSecrets)).toThrow(/RECEIPT_KEY/);
  });

  it("needs every secret the function reads, and names a missing one", () => {
    const ingest = { ...withoutSecrets, INGEST_SECRETS: valid.INGEST_SECRETS, RECEIPT_KEY: valid.RECEIPT_KEY, PHONE_HMAC_KEY: valid.PHONE_HMAC_KEY };
    expect(loadConfig(ingest, { functionName: "ingest" }).ingestSecrets).toHaveLength(2);
    expect(() => loadConfig({ ...ingest, PHONE_HMAC_KEY: undefined }, { functionName: "ingest" })).toThrow(/Invalid configuration: PHONE_HMAC_KEY/);
    expect(() => loadConfig({ ...ingest, RECEIPT_KEY: "short" }, { functionName: "ingest" })).toThrow(/RECEIPT_KEY: must be at least 16 characters/);
  });

  it("stops with the secret's and the function's names when code reads a secret the function does not load", () => {
    const config = loadConfig(withoutSecrets, { functionName: "wake-outbox" });
    expect(() => config.receiptKey).toThrow(ConfigError);
    expect(() => config.receiptKey).toThrow(/RECEIPT_KEY is not loaded for the wake-outbox function: add it to its list in functions\/src\/config\/function-secrets.ts/);
    expect(() => config.ingestSecrets).toThrow(/INGEST_SECRETS is not loaded/);
    expect(() => config.phoneHmacKey).toThrow(/PHONE_HMAC_KEY is not loaded/);
    expect(() => config.zaloAppSecret).toThrow(/ZALO_APP_SECRET is not loaded/);
    expect(() => config.zalo.oaSecretKey).toThrow(/ZALO_OA_SECRET_KEY is not loaded/);
    expect(() => config.zalo.oaInitialRefreshToken).toThrow(/ZALO_OA_INITIAL_REFRESH_TOKEN is not loaded/);
    expect(config.zalo.oaId).toBe("4");
  });

  it("ignores a secret in env that the function does not load (the local stack's env holds all of them)", () => {
    const config = loadConfig({ ...valid, INGEST_SECRETS: "not even valid" }, { functionName: "webhook" });
    expect(config.zaloAppSecret).toBe("3");
    expect(config.zalo.oaSecretKey).toBe("5");
    expect(() => config.ingestSecrets).toThrow(/INGEST_SECRETS is not loaded for the webhook function/);
    expect(() => config.receiptKey).toThrow(/RECEIPT_KEY is not loaded for the webhook function/);
  });

  it("loads exactly the listed secrets, for every function", () => {
    const fields: Record<SecretConfigName, (config: Config) => unknown> = {
      INGEST_SECRETS: (c) => c.ingestSecrets,
      RECEIPT_KEY: (c) => c.receiptKey,
      PHONE_HMAC_KEY: (c) => c.phoneHmacKey,
      ZALO_APP_SECRET: (c) => c.zaloAppSecret,
      ZALO_OA_SECRET_KEY: (c) => c.zalo.oaSecretKey,
      ZALO_OA_INITIAL_REFRESH_TOKEN: (c) => c.zalo.oaInitialRefreshToken,
    };
    const all = { ...valid, ZALO_OA_INITIAL_REFRESH_TOKEN: "first-refresh-token" };
    for (const [functionName, secrets] of Object.entries(functionSecrets) as [LambdaFunctionName, readonly SecretConfigName[]][]) {
      const config = loadConfig(all, { functionName });
      for (const name of secretConfigNames) {
        if (secrets.includes(name)) expect(fields[name](config), `${functionName} ${name}`).toBeDefined();
        else expect(() => fields[name](config), `${functionName} ${name}`).toThrow(ConfigError);
      }
    }
  });

  it("keeps an optional secret optional for a function that loads it", () => {
    const config = loadConfig(withoutSecrets, { functionName: "wake-outbox" });
    expect(() => config.zalo.oaInitialRefreshToken).toThrow(ConfigError);
    const refresher = loadConfig({ ...withoutSecrets, ZALO_APP_SECRET: "3" }, { functionName: "oa-token-refresh" });
    expect(refresher.zalo.oaInitialRefreshToken).toBeNull();
  });
});

it("reads the inline retry limit of the notify function: 2000 ms by default, 0 (always postpone) allowed, negative refused", () => {
  expect(loadConfig(valid).notify.inlineRetryMaxMs).toBe(2000);
  expect(loadConfig({ ...valid, NOTIFY_INLINE_RETRY_MAX_MS: "0" }).notify.inlineRetryMaxMs).toBe(0);
  expect(loadConfig({ ...valid, NOTIFY_INLINE_RETRY_MAX_MS: "8000" }).notify.inlineRetryMaxMs).toBe(8000);
  expect(() => loadConfig({ ...valid, NOTIFY_INLINE_RETRY_MAX_MS: "-1" })).toThrow(/NOTIFY_INLINE_RETRY_MAX_MS/);
  expect(() => loadConfig({ ...valid, NOTIFY_INLINE_RETRY_MAX_MS: "1.5" })).toThrow(/NOTIFY_INLINE_RETRY_MAX_MS/);
});

it("reads the dialect's first credential only as a whole, with its units and status map; 12 h sessions by default", () => {
  expect(loadConfig(valid).dvcqgSync).toEqual({ firstCredential: null, sessionSeconds: 43_200 });
  const hash = "scrypt$16384$8$1$c2FsdA$a2V5";
  const first = { DVCQG_SYNC_FIRST_USERNAME: "igate-h56", DVCQG_SYNC_FIRST_PASSWORD_HASH: hash };
  expect(loadConfig({ ...valid, ...first, DVCQG_SYNC_FIRST_UNITS: "000.00.*.H56, 000.00.00.G22", DVCQG_SYNC_FIRST_STATUS_MAP: "3=8,8=3" }).dvcqgSync.firstCredential).toEqual({
    username: "igate-h56",
    passwordHash: hash,
    unitPatterns: ["000.00.*.H56", "000.00.00.G22"],
    statusOverrides: { "3": 8, "8": 3 },
  });
  expect(() => loadConfig({ ...valid, DVCQG_SYNC_FIRST_USERNAME: "igate-h56" })).toThrow(/DVCQG_SYNC_FIRST_PASSWORD_HASH/);
  expect(() => loadConfig({ ...valid, ...first })).toThrow(/DVCQG_SYNC_FIRST_UNITS/);
  expect(() => loadConfig({ ...valid, ...first, DVCQG_SYNC_FIRST_UNITS: "*", DVCQG_SYNC_FIRST_PASSWORD_HASH: "plain-password" })).toThrow(/DVCQG_SYNC_FIRST_PASSWORD_HASH/);
  expect(() => loadConfig({ ...valid, ...first, DVCQG_SYNC_FIRST_UNITS: "*", DVCQG_SYNC_FIRST_STATUS_MAP: "11=12" })).toThrow(/DVCQG_SYNC_FIRST_STATUS_MAP/);
});

it("reads how long sent messages stay: 90 days by default, 0 keeps them, up to 3660 days", () => {
  expect(loadConfig(valid).notify.sentRetentionDays).toBe(90);
  expect(loadConfig({ ...valid, NOTIFY_SENT_RETENTION_DAYS: "0" }).notify.sentRetentionDays).toBe(0);
  expect(loadConfig({ ...valid, NOTIFY_SENT_RETENTION_DAYS: "3660" }).notify.sentRetentionDays).toBe(3660);
  expect(() => loadConfig({ ...valid, NOTIFY_SENT_RETENTION_DAYS: "3661" })).toThrow(/NOTIFY_SENT_RETENTION_DAYS/);
  expect(() => loadConfig({ ...valid, NOTIFY_SENT_RETENTION_DAYS: "-1" })).toThrow(/NOTIFY_SENT_RETENTION_DAYS/);
  expect(loadConfig(valid).notify.undeliverableRetentionDays).toBe(30);
  expect(loadConfig({ ...valid, NOTIFY_UNDELIVERABLE_RETENTION_DAYS: "0" }).notify.undeliverableRetentionDays).toBe(0);
  expect(loadConfig({ ...valid, NOTIFY_UNDELIVERABLE_RETENTION_DAYS: "3660" }).notify.undeliverableRetentionDays).toBe(3660);
  expect(() => loadConfig({ ...valid, NOTIFY_UNDELIVERABLE_RETENTION_DAYS: "3661" })).toThrow(/NOTIFY_UNDELIVERABLE_RETENTION_DAYS/);
  expect(() => loadConfig({ ...valid, NOTIFY_UNDELIVERABLE_RETENTION_DAYS: "-1" })).toThrow(/NOTIFY_UNDELIVERABLE_RETENTION_DAYS/);
  expect(loadConfig(valid).notify.sentAnnouncementRetentionDays).toBe(7);
  expect(loadConfig({ ...valid, NOTIFY_SENT_ANNOUNCEMENT_RETENTION_DAYS: "0" }).notify.sentAnnouncementRetentionDays).toBe(0);
  expect(loadConfig({ ...valid, NOTIFY_SENT_ANNOUNCEMENT_RETENTION_DAYS: "3660" }).notify.sentAnnouncementRetentionDays).toBe(3660);
  expect(() => loadConfig({ ...valid, NOTIFY_SENT_ANNOUNCEMENT_RETENTION_DAYS: "3661" })).toThrow(/NOTIFY_SENT_ANNOUNCEMENT_RETENTION_DAYS/);
  expect(() => loadConfig({ ...valid, NOTIFY_SENT_ANNOUNCEMENT_RETENTION_DAYS: "-1" })).toThrow(/NOTIFY_SENT_ANNOUNCEMENT_RETENTION_DAYS/);
});
