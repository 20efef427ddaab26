import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { secretsManagerReader } from "../adapters/secrets/secrets-manager-reader.js";
import { loadConfig, type Config } from "../config/config.js";
import type { LambdaFunctionName } from "../config/function-names.js";
import { withSecretValues, type ReadSecret } from "../config/secret-env.js";
import type { HttpFunctionName } from "../config/function-names.js";
import { composeDependencies, type Dependencies } from "./compose.js";
import { httpHandlerFrom, type HttpHandler } from "./http-handlers.js";
import { lateDossiersHandlerFrom, notifyHandlerFrom, oaTokenRefreshHandlerFrom, wakeOutboxHandlerFrom } from "./stream-handlers.js";

/**
 * One function's configuration from the environment (read only here), with secret values from Secrets Manager
 * when `SECRET_ARNS` is set; only the secrets config/function-secrets.ts lists for the function are loaded.
 */
export async function loadLambdaConfig(
  functionName: LambdaFunctionName,
  env: NodeJS.ProcessEnv = process.env,
  readSecret: ReadSecret = secretsManagerReader(new SecretsManagerClient({ region: env.AWS_REGION })),
): Promise<Config> {
  return loadConfig(await withSecretValues(env, readSecret), { functionName });
}

const dependencies: Partial<Record<LambdaFunctionName, Promise<Dependencies>>> = {};

/** Lambda entry points build their dependencies once per cold start; a failed start is retried on the next call. */
function lambdaDependencies(functionName: LambdaFunctionName): Promise<Dependencies> {
  const composing = (dependencies[functionName] ??= loadLambdaConfig(functionName)
    .then((config) => composeDependencies(config))
    .catch((error: unknown) => {
      delete dependencies[functionName];
      throw error;
    }));
  return composing;
}

const httpHandlers: Partial<Record<HttpFunctionName, HttpHandler>> = {};
export function lambdaHttpHandler(name: HttpFunctionName): HttpHandler {
  return async (event) => {
    const handler = (httpHandlers[name] ??= httpHandlerFrom(await lambdaDependencies(name), name));
    return handler(event);
  };
}

let notify: ReturnType<typeof notifyHandlerFrom> | undefined;
export function lambdaNotifyHandler(): (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse> {
  return async (event) => {
    notify ??= notifyHandlerFrom(await lambdaDependencies("notify"));
    return notify(event);
  };
}

let wake: ReturnType<typeof wakeOutboxHandlerFrom> | undefined;
export function lambdaWakeOutboxHandler(): ReturnType<typeof wakeOutboxHandlerFrom> {
  return async () => {
    wake ??= wakeOutboxHandlerFrom(await lambdaDependencies("wake-outbox"));
    return wake();
  };
}

let oaTokenRefresh: ReturnType<typeof oaTokenRefreshHandlerFrom> | undefined;
export function lambdaOaTokenRefreshHandler(): () => Promise<{ ok: true }> {
  return async () => {
    oaTokenRefresh ??= oaTokenRefreshHandlerFrom(await lambdaDependencies("oa-token-refresh"));
    return oaTokenRefresh();
  };
}

let lateDossiers: ReturnType<typeof lateDossiersHandlerFrom> | undefined;
export function lambdaLateDossiersHandler(): ReturnType<typeof lateDossiersHandlerFrom> {
  return async () => {
    lateDossiers ??= lateDossiersHandlerFrom(await lambdaDependencies("late-dossiers"));
    return lateDossiers();
  };
}
