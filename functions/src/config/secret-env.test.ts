import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";
import { unsetSecretValue, withSecretValues, type ReadSecret } from "./secret-env.js";

const plain = {
  TABLE_NAME: "motcua",
  MINI_APP_ID: "1",
  ZALO_APP_ID: "2",
  ZALO_OA_ID: "4",
};
const secretValues: Record<string, string> = {
  "arn:ingest": "ingest-secret-000000000001",
  "arn:receipt": "receipt-key-0123456789",
  "arn:phone": "phone-key-0123456789",
  "arn:zalo": "zalo-app-secret",
  "arn:oa": "zalo-oa-secret-key",
};
const arns = {
  INGEST_SECRETS: "arn:ingest",
  RECEIPT_KEY: "arn:receipt",
  PHONE_HMAC_KEY: "arn:phone",
  ZALO_APP_SECRET: "arn:zalo",
  ZALO_OA_SECRET_KEY: "arn:oa",
};

function fakeSecrets(values: Record<string, string>) {
  const read: string[] = [];
  const readSecret: ReadSecret = async (arn) => {
    read.push(arn);
    const value = values[arn];
    if (value === undefined) throw new Error(`ResourceNotFoundException: ${arn}`);
    return value;
  };
  return { read, readSecret };
}

describe("secret values at cold start", () => {
  it("reads each secret named in SECRET_ARNS and merges it into the configuration", async () => {
    const { read, readSecret } = fakeSecrets(secretValues);
    const config = loadConfig(await withSecretValues({ ...plain, SECRET_ARNS: JSON.stringify(arns) }, readSecret));
    expect(read.sort()).toEqual(Object.values(arns).sort());
    expect(config.ingestSecrets).toEqual(["ingest-secret-000000000001"]);
    expect(config.receiptKey).toBe("receipt-key-0123456789");
    expect(config.phoneHmacKey).toBe("phone-key-0123456789");
    expect(config.zaloAppSecret).toBe("zalo-app-secret");
  });

  it("leaves a plain env alone without SECRET_ARNS (local stack, tests)", async () => {
    const { read, readSecret } = fakeSecrets({});
    const env = { ...plain, RECEIPT_KEY: "receipt-key-0123456789" };
    expect(await withSecretValues(env, readSecret)).toEqual(env);
    expect(read).toEqual([]);
  });

  it("refuses a value set both as env value and in SECRET_ARNS", async () => {
    const { readSecret } = fakeSecrets(secretValues);
    const env = { ...plain, RECEIPT_KEY: "receipt-key-0123456789", SECRET_ARNS: JSON.stringify(arns) };
    await expect(withSecretValues(env, readSecret)).rejects.toThrow(/RECEIPT_KEY set both/);
  });

  it("names the secret that cannot be read, or is not put yet", async () => {
    const { readSecret } = fakeSecrets({ ...secretValues, "arn:zalo": unsetSecretValue });
    const env = { ...plain, SECRET_ARNS: JSON.stringify(arns) };
    await expect(withSecretValues(env, readSecret)).rejects.toThrow(/ZALO_APP_SECRET is not set yet; put its value in arn:zalo/);
    const missing = fakeSecrets({});
    await expect(withSecretValues(env, missing.readSecret)).rejects.toThrow(ConfigError);
    await expect(withSecretValues(env, missing.readSecret)).rejects.toThrow(/could not read .* from arn:/);
  });

  it("leaves the first OA refresh token out while it holds the placeholder, and uses it once it is put", async () => {
    const withToken = { ...arns, ZALO_OA_INITIAL_REFRESH_TOKEN: "arn:oa-initial" };
    const env = { ...plain, SECRET_ARNS: JSON.stringify(withToken) };
    const unset = fakeSecrets({ ...secretValues, "arn:oa-initial": unsetSecretValue });
    const merged = await withSecretValues(env, unset.readSecret);
    expect(merged).not.toHaveProperty("ZALO_OA_INITIAL_REFRESH_TOKEN");
    expect(loadConfig(merged).zalo.oaInitialRefreshToken).toBeNull();
    const put = fakeSecrets({ ...secretValues, "arn:oa-initial": "first-refresh-token-from-api-explorer" });
    expect(loadConfig(await withSecretValues(env, put.readSecret)).zalo.oaInitialRefreshToken).toBe("first-refresh-token-from-api-explorer");
  });

  it("refuses a malformed SECRET_ARNS or one naming unknown settings", async () => {
    const { readSecret } = fakeSecrets(secretValues);
    await expect(withSecretValues({ SECRET_ARNS: "not json" }, readSecret)).rejects.toThrow(/SECRET_ARNS/);
    await expect(withSecretValues({ SECRET_ARNS: "[]" }, readSecret)).rejects.toThrow(/SECRET_ARNS/);
    await expect(withSecretValues({ SECRET_ARNS: '{"NOT_A_SETTING":"arn:x"}' }, readSecret)).rejects.toThrow(/NOT_A_SETTING is not a config name/);
    await expect(withSecretValues({ SECRET_ARNS: '{"RECEIPT_KEY":""}' }, readSecret)).rejects.toThrow(/RECEIPT_KEY needs a secret ARN/);
  });
});

describe("one secret for every value (a JSON object, a field per config name)", () => {
  const single = "arn:aws:secretsmanager:ap-southeast-1:1:secret:motcua/prod/secrets";
  const fields = {
    INGEST_SECRETS: "ingest-secret-000000000001",
    RECEIPT_KEY: "receipt-key-0123456789",
    PHONE_HMAC_KEY: "phone-key-0123456789",
    ZALO_APP_SECRET: "zalo-app-secret",
    ZALO_OA_SECRET_KEY: "zalo-oa-secret-key",
    ZALO_OA_INITIAL_REFRESH_TOKEN: unsetSecretValue,
  };
  const allNames = { ...Object.fromEntries(Object.keys(fields).map((name) => [name, single])) };

  it("reads the secret once and takes the fields of the names the function loads", async () => {
    const { read, readSecret } = fakeSecrets({ [single]: JSON.stringify(fields) });
    const merged = await withSecretValues({ ...plain, SECRET_ARNS: JSON.stringify(allNames) }, readSecret);
    expect(read).toEqual([single]);
    const config = loadConfig(merged);
    expect(config.ingestSecrets).toEqual(["ingest-secret-000000000001"]);
    expect(config.receiptKey).toBe("receipt-key-0123456789");
    expect(config.zalo.oaInitialRefreshToken).toBeNull();
    // A function given two of the names gets those two fields and no other.
    const some = await withSecretValues({ SECRET_ARNS: JSON.stringify({ RECEIPT_KEY: single, ZALO_APP_SECRET: single }) }, fakeSecrets({ [single]: JSON.stringify(fields) }).readSecret);
    expect(some).toEqual({ SECRET_ARNS: expect.any(String), RECEIPT_KEY: "receipt-key-0123456789", ZALO_APP_SECRET: "zalo-app-secret" });
  });

  it("names the field still holding the placeholder, missing or not text, and a broken JSON secret", async () => {
    const env = { ...plain, SECRET_ARNS: JSON.stringify(allNames) };
    const unset = fakeSecrets({ [single]: JSON.stringify({ ...fields, PHONE_HMAC_KEY: unsetSecretValue }) });
    await expect(withSecretValues(env, unset.readSecret)).rejects.toThrow(/PHONE_HMAC_KEY is not set yet; put its value in arn:.*motcua\/prod\/secrets/);
    const { ZALO_APP_SECRET: _dropped, ...withoutApp } = fields;
    await expect(withSecretValues(env, fakeSecrets({ [single]: JSON.stringify(withoutApp) }).readSecret)).rejects.toThrow(/has no text field ZALO_APP_SECRET/);
    await expect(withSecretValues(env, fakeSecrets({ [single]: JSON.stringify({ ...fields, RECEIPT_KEY: 42 }) }).readSecret)).rejects.toThrow(/has no text field RECEIPT_KEY/);
    await expect(withSecretValues(env, fakeSecrets({ [single]: '{"RECEIPT_KEY":' }).readSecret)).rejects.toThrow(/not one/);
  });
});
