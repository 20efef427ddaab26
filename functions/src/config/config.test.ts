import { expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

const valid = {
  TABLE_NAME: "motcua",
  INGEST_SECRETS: "first-secret-0000000001, second-secret-000000002",
  RECEIPT_KEY: "receipt-key-0123456789",
  PHONE_HMAC_KEY: "phone-key-0123456789",
  MINI_APP_ID: "1",
  ZALO_APP_ID: "2",
  ZALO_APP_SECRET: "3",
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
