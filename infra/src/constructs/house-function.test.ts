import { describe, expect, it } from "vitest";
import { checkFunctionEnvironment, requiredConfigNames } from "./house-function.js";

const plain = ["TABLE_NAME", "MINI_APP_ID", "ZALO_APP_ID", "ZALO_OA_ID"];
const secrets = ["INGEST_SECRETS", "RECEIPT_KEY", "PHONE_HMAC_KEY", "ZALO_APP_SECRET", "ZALO_OA_SECRET_KEY"];

describe("a function's config checked at synth time", () => {
  it("knows which config names have no default", () => {
    expect(requiredConfigNames().sort()).toEqual([...plain, ...secrets].sort());
  });

  it("accepts plain values and secrets that together cover the schema", () => {
    expect(() => checkFunctionEnvironment(plain, secrets)).not.toThrow();
    expect(() => checkFunctionEnvironment([...plain, "TOKEN_CACHE_SECONDS"], secrets)).not.toThrow();
  });

  it("stops on an unknown name, a missing required one, a secret as env value or a hand-made SECRET_ARNS", () => {
    expect(() => checkFunctionEnvironment([...plain, "TABLE_NAEM"], secrets)).toThrow(/unknown config name TABLE_NAEM/);
    expect(() => checkFunctionEnvironment(["MINI_APP_ID", "ZALO_APP_ID"], secrets)).toThrow(/missing required config TABLE_NAME/);
    expect(() => checkFunctionEnvironment([...plain, "RECEIPT_KEY"], secrets)).toThrow(/RECEIPT_KEY is both an env value and a secret/);
    expect(() => checkFunctionEnvironment([...plain, "SECRET_ARNS"], secrets)).toThrow(/SECRET_ARNS is built from the secrets/);
    expect(() => checkFunctionEnvironment([...plain, "AWS_REGION"], secrets)).toThrow(/AWS_REGION is set by the Lambda runtime/);
  });

  it("requires only the secrets the function loads (functions/src/config/function-secrets.ts), and never a secret as env value", () => {
    expect(() => checkFunctionEnvironment(plain, ["INGEST_SECRETS", "RECEIPT_KEY", "PHONE_HMAC_KEY"])).not.toThrow();
    expect(() => checkFunctionEnvironment(plain, [])).not.toThrow();
    expect(() => checkFunctionEnvironment([...plain, "ZALO_APP_SECRET"], ["RECEIPT_KEY"])).toThrow(/ZALO_APP_SECRET is a secret, never an env value/);
    expect(() => checkFunctionEnvironment(plain, ["RECEIPT_KEY", "TOKEN_CACHE_SECONDS"])).toThrow(/TOKEN_CACHE_SECONDS is not a secret setting/);
  });
});
