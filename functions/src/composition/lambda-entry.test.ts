import { expect, it } from "vitest";
import { ConfigError } from "../config/config.js";
import { loadLambdaConfig } from "./lambda-entry.js";

const plainEnv = {
  TABLE_NAME: "motcua",
  INGEST_SECRETS: "ingest-secret-000000000001",
  RECEIPT_KEY: "receipt-key-0123456789",
  PHONE_HMAC_KEY: "phone-key-0123456789",
  MINI_APP_ID: "1",
  ZALO_APP_ID: "2",
  ZALO_APP_SECRET: "3",
  ZALO_OA_ID: "4",
  ZALO_OA_SECRET_KEY: "5",
};

it("takes every value from plain env when SECRET_ARNS is absent (local stack), without calling AWS", async () => {
  const config = await loadLambdaConfig(plainEnv);
  expect(config.receiptKey).toBe("receipt-key-0123456789");
  expect(config.ingestSecrets).toEqual(["ingest-secret-000000000001"]);
});

it("refuses a secret given both ways before calling AWS", async () => {
  const env = { ...plainEnv, SECRET_ARNS: JSON.stringify({ RECEIPT_KEY: "arn:aws:secretsmanager:ap-southeast-1:1:secret:r" }) };
  await expect(loadLambdaConfig(env)).rejects.toThrow(ConfigError);
});
