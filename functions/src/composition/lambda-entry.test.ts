import { describe, expect, it } from "vitest";
import { apiGatewayEvent } from "../../test/api-gateway-event.js";
import { ConfigError } from "../config/config.js";
import type { LambdaFunctionName } from "../config/function-names.js";
import { functionSecrets, secretConfigNames } from "../config/function-secrets.js";
import type { HttpFunctionName } from "../config/function-names.js";
import { composeDependencies, type Dependencies } from "./compose.js";
import { httpHandlerFrom } from "./http-handlers.js";
import { lambdaEntry, loadLambdaConfig } from "./lambda-entry.js";
import { lateDossiersHandlerFrom, notifyHandlerFrom, oaTokenRefreshHandlerFrom, wakeOutboxHandlerFrom } from "./stream-handlers.js";

const secretValues = {
  INGEST_SECRETS: "ingest-secret-000000000001",
  RECEIPT_KEY: "receipt-key-0123456789",
  PHONE_HMAC_KEY: "phone-key-0123456789",
  ZALO_APP_SECRET: "3",
  ZALO_OA_SECRET_KEY: "5",
  ZALO_OA_INITIAL_REFRESH_TOKEN: "first-refresh-token",
};
const settings = { TABLE_NAME: "motcua", AWS_REGION: "ap-southeast-1", MINI_APP_ID: "1", ZALO_APP_ID: "2", ZALO_OA_ID: "4" };
const plainEnv = { ...settings, ...secretValues };

const noSecretsManager = () => Promise.reject(new Error("Secrets Manager must not be called"));
/** No network from composing or from a refused secret: any request fails the test. */
const noFetch = (() => Promise.reject(new Error("no request expected"))) as typeof fetch;

/** The env the CDK app gives a function: plain settings and `SECRET_ARNS` naming only its secrets. */
function awsEnvOf(functionName: LambdaFunctionName) {
  const secrets = functionSecrets[functionName];
  const arns = Object.fromEntries(secrets.map((name) => [name, `arn:aws:secretsmanager:ap-southeast-1:1:secret:motcua/prod/${name}`]));
  return secrets.length > 0 ? { ...settings, SECRET_ARNS: JSON.stringify(arns) } : { ...settings };
}
function fakeSecretsManager() {
  const read: string[] = [];
  return {
    read,
    readSecret: async (arn: string) => {
      read.push(arn);
      return secretValues[arn.split("/").pop() as keyof typeof secretValues];
    },
  };
}

const builders: Record<LambdaFunctionName, (deps: Dependencies) => unknown> = {
  api: (deps) => httpHandlerFrom(deps, "api"),
  ingest: (deps) => httpHandlerFrom(deps, "ingest"),
  admin: (deps) => httpHandlerFrom(deps, "admin"),
  webhook: (deps) => httpHandlerFrom(deps, "webhook"),
  notify: (deps) => notifyHandlerFrom(deps),
  "wake-outbox": (deps) => wakeOutboxHandlerFrom(deps),
  "oa-token-refresh": (deps) => oaTokenRefreshHandlerFrom(deps),
  "late-dossiers": (deps) => lateDossiersHandlerFrom(deps),
};

it("takes every value from plain env when SECRET_ARNS is absent (local stack), without calling AWS", async () => {
  const config = await loadLambdaConfig("ingest", plainEnv, noSecretsManager);
  expect(config.receiptKey).toBe("receipt-key-0123456789");
  expect(config.ingestSecrets).toEqual(["ingest-secret-000000000001"]);
});

it("refuses a secret given both ways before calling AWS", async () => {
  const env = { ...plainEnv, SECRET_ARNS: JSON.stringify({ RECEIPT_KEY: "arn:aws:secretsmanager:ap-southeast-1:1:secret:r" }) };
  await expect(loadLambdaConfig("api", env, noSecretsManager)).rejects.toThrow(ConfigError);
});

describe.each(Object.keys(functionSecrets) as LambdaFunctionName[])("the %s function, given only its secrets", (functionName) => {
  it("reads exactly its secrets from Secrets Manager, composes and builds its handler without touching the others", async () => {
    const secretsManager = fakeSecretsManager();
    const config = await loadLambdaConfig(functionName, awsEnvOf(functionName), secretsManager.readSecret);
    expect(secretsManager.read.map((arn) => arn.split("/").pop()).sort()).toEqual([...functionSecrets[functionName]].sort());
    const deps = composeDependencies(config, { fetch: noFetch });
    expect(builders[functionName](deps)).toBeTypeOf("function");
  });

  it("stops with the secret's name if it ever reads one it was not given", async () => {
    const config = await loadLambdaConfig(functionName, awsEnvOf(functionName), fakeSecretsManager().readSecret);
    const deps = composeDependencies(config, { fetch: noFetch });
    const loaded: readonly string[] = functionSecrets[functionName];
    const reads: Record<(typeof secretConfigNames)[number], () => unknown> = {
      INGEST_SECRETS: () => deps.ingestSecrets,
      RECEIPT_KEY: () => deps.receiptSigner.sign("000.00.20.H27-261102-0001"),
      PHONE_HMAC_KEY: () => config.phoneHmacKey,
      ZALO_APP_SECRET: () => deps.webhook.appSecret,
      ZALO_OA_SECRET_KEY: () => deps.webhook.oaSecretKey,
      ZALO_OA_INITIAL_REFRESH_TOKEN: () => config.zalo.oaInitialRefreshToken,
    };
    for (const name of secretConfigNames.filter((n) => !loaded.includes(n))) {
      expect(reads[name], name).toThrow(new RegExp(`${name} is not loaded for the ${functionName} function`));
    }
  });
});

describe("a function without a secret, through its handler", () => {
  async function depsOf(functionName: LambdaFunctionName) {
    return composeDependencies(await loadLambdaConfig(functionName, awsEnvOf(functionName), fakeSecretsManager().readSecret), { fetch: noFetch });
  }

  it("the ingest function has no Zalo app secret: a Zalo token check stops on it before any request to Zalo", async () => {
    const deps = await depsOf("ingest");
    await expect(deps.zaloGraph.getUserByAccessToken("some-zalo-token")).rejects.toThrow(/ZALO_APP_SECRET is not loaded for the ingest function/);
  });

  it("the ingest function, without the Zalo secrets, still checks the signature of its routes", async () => {
    const ingest = httpHandlerFrom(await depsOf("ingest"), "ingest" satisfies HttpFunctionName);
    const response = await ingest(apiGatewayEvent({ routeKey: "POST /v1/ingest/events", rawPath: "/v1/ingest/events", body: "[]" }));
    expect(response.statusCode).toBe(401);
  });
});

describe("a function's entry point", () => {
  it("builds its handler on the first event only and reuses it for the next ones", async () => {
    let loads = 0;
    let builds = 0;
    const entry = lambdaEntry(
      "wake-outbox",
      () => {
        builds += 1;
        return async (event: string) => `answered ${event}`;
      },
      async (functionName) => {
        loads += 1;
        return loadLambdaConfig(functionName, plainEnv, noSecretsManager);
      },
    );
    expect(await entry.handler("first")).toBe("answered first");
    expect(await entry.handler("second")).toBe("answered second");
    expect([loads, builds]).toEqual([1, 1]);
  });

  it("starts again on the next event after a failed start (a secret not readable yet)", async () => {
    let loads = 0;
    const entry = lambdaEntry(
      "wake-outbox",
      () => async () => "answered",
      async (functionName) => {
        loads += 1;
        if (loads === 1) throw new ConfigError("Invalid configuration: could not read RECEIPT_KEY");
        return loadLambdaConfig(functionName, plainEnv, noSecretsManager);
      },
    );
    await expect(entry.handler(undefined)).rejects.toThrow(/could not read RECEIPT_KEY/);
    expect(await entry.handler(undefined)).toBe("answered");
    expect(loads).toBe(2);
  });
});
