import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from "aws-lambda";
import { secretsManagerReader } from "../adapters/secrets/secrets-manager-reader.js";
import { loadConfig, type Config } from "../config/config.js";
import { withSecretValues } from "../config/secret-env.js";
import type { HttpFunctionName } from "../handlers/routes.js";
import { composeDependencies, type Dependencies } from "./compose.js";
import { httpHandlersFrom, type HttpHandler } from "./http-handlers.js";
import { lateDossiersHandlerFrom, notifyHandlerFrom, oaTokenRefreshHandlerFrom, wakeOutboxHandlerFrom } from "./stream-handlers.js";

/** Configuration from the environment (read only here), with secret values from Secrets Manager when `SECRET_ARNS` is set. */
export async function loadLambdaConfig(env: NodeJS.ProcessEnv = process.env): Promise<Config> {
  const readSecret = secretsManagerReader(new SecretsManagerClient({ region: env.AWS_REGION }));
  return loadConfig(await withSecretValues(env, readSecret));
}

let dependencies: Promise<Dependencies> | undefined;

/** Lambda entry points build their dependencies once per cold start; a failed start is retried on the next call. */
function lambdaDependencies(): Promise<Dependencies> {
  dependencies ??= loadLambdaConfig()
    .then((config) => composeDependencies(config))
    .catch((error: unknown) => {
      dependencies = undefined;
      throw error;
    });
  return dependencies;
}

let httpHandlers: Record<HttpFunctionName, HttpHandler> | undefined;
export function lambdaHttpHandler(name: HttpFunctionName): HttpHandler {
  return async (event) => {
    httpHandlers ??= httpHandlersFrom(await lambdaDependencies());
    return httpHandlers[name](event);
  };
}

let notify: ReturnType<typeof notifyHandlerFrom> | undefined;
export function lambdaNotifyHandler(): (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse> {
  return async (event) => {
    notify ??= notifyHandlerFrom(await lambdaDependencies());
    return notify(event);
  };
}

let wake: ReturnType<typeof wakeOutboxHandlerFrom> | undefined;
export function lambdaWakeOutboxHandler(): ReturnType<typeof wakeOutboxHandlerFrom> {
  return async () => {
    wake ??= wakeOutboxHandlerFrom(await lambdaDependencies());
    return wake();
  };
}

let oaTokenRefresh: ReturnType<typeof oaTokenRefreshHandlerFrom> | undefined;
export function lambdaOaTokenRefreshHandler(): () => Promise<{ ok: true }> {
  return async () => {
    oaTokenRefresh ??= oaTokenRefreshHandlerFrom(await lambdaDependencies());
    return oaTokenRefresh();
  };
}

let lateDossiers: ReturnType<typeof lateDossiersHandlerFrom> | undefined;
export function lambdaLateDossiersHandler(): ReturnType<typeof lateDossiersHandlerFrom> {
  return async () => {
    lateDossiers ??= lateDossiersHandlerFrom(await lambdaDependencies());
    return lateDossiers();
  };
}
