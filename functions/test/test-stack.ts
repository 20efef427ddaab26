import { loadConfig, type Config } from "../src/config/config.js";
import type { LambdaFunctionName } from "../src/config/function-names.js";
import type { Clock } from "../src/ports/clock.js";
import { startZaloEmulator } from "../../local/src/zalo-emulator/server.js";
import { createTestTable } from "./dynamodb-test-table.js";

export const testSecrets = {
  ingest: "ingest-secret-for-tests-0001",
  ingestNext: "ingest-secret-for-tests-0002",
  receiptKey: "receipt-key-for-tests-000001",
  phoneKey: "phone-key-for-tests-00000001",
  appSecret: "zalo-app-secret-for-tests",
  oaSecretKey: "oa-secret-for-tests",
  oaRefreshToken: "oa-refresh-token-for-tests",
};

/**
 * A real table on DynamoDB Local and a real Zalo emulator, with the configuration that points at them. A test that
 * sets its own clock passes it here too, so the emulator (its quota day, its token lifetimes) keeps the same time.
 */
export async function startTestStack(overrides: Record<string, string> = {}, options: { clock?: Clock } = {}) {
  const table = await createTestTable();
  const emulator = await startZaloEmulator({
    port: 0,
    appId: "1234567890",
    appSecret: testSecrets.appSecret,
    oaId: "4321",
    oaSecretKey: testSecrets.oaSecretKey,
    oaRefreshToken: testSecrets.oaRefreshToken,
    ...(options.clock ? { now: () => options.clock!.now().getTime() } : {}),
  });
  const env: Record<string, string> = {
    TABLE_NAME: table.tableName,
    AWS_REGION: "ap-southeast-1",
    DYNAMODB_ENDPOINT: table.endpoint,
    INGEST_SECRETS: `${testSecrets.ingest},${testSecrets.ingestNext}`,
    RECEIPT_KEY: testSecrets.receiptKey,
    PHONE_HMAC_KEY: testSecrets.phoneKey,
    MINI_APP_ID: "3141592653589793",
    ZALO_APP_ID: "1234567890",
    ZALO_APP_SECRET: testSecrets.appSecret,
    ZALO_GRAPH_BASE_URL: emulator.url,
    ZALO_OA_ID: "4321",
    ZALO_OA_SECRET_KEY: testSecrets.oaSecretKey,
    ZALO_OA_BASE_URL: emulator.url,
    ZALO_ZNS_BASE_URL: emulator.url,
    ZALO_OAUTH_BASE_URL: emulator.url,
    ZALO_OA_INITIAL_REFRESH_TOKEN: testSecrets.oaRefreshToken,
    ZALO_OA_TEMPLATE_IDS: "dossier_update=100001,announcement=100002,feedback_reply=100003",
    ZALO_ZNS_TEMPLATE_IDS: "dossier_update=200001",
    // A test machine under load (two lanes of the suite on two cores) answers slower than DynamoDB: the longest
    // attempt allowed, so the SDK does not retry a write that went through (a counter would count it twice).
    DYNAMODB_REQUEST_TIMEOUT_MS: "5000",
    // Quiet tests: a test that checks what is logged asks for INFO.
    LOG_LEVEL: "SILENT",
    ...overrides,
  };
  const config: Config = loadConfig(env);
  /** One function's config as its Lambda loads it: only that function's secrets (config/function-secrets.ts). */
  const configFor = (functionName: LambdaFunctionName, more: Record<string, string> = {}) => loadConfig({ ...env, ...more }, { functionName });
  async function createZaloUser(name = "Nguyễn Văn An", phone = "0912345678", follower = true) {
    const response = await fetch(`${emulator.url}/_emulator/users`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name, phone, follower }),
    });
    return (await response.json()) as { zaloAppUserId: string; zaloOaUserId: string; accessToken: string };
  }
  return {
    config,
    /** The environment the configuration was loaded from (for a function run in a process of its own). */
    env,
    configFor,
    table,
    emulator,
    createZaloUser,
    async stop() {
      await emulator.close();
      await table.drop();
    },
  };
}
