import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { secretsManagerReader } from "../adapters/secrets/secrets-manager-reader.js";
import { loadConfig, type Config } from "../config/config.js";
import { withSecretValues } from "../config/secret-env.js";
import type { HttpFunctionName } from "../handlers/routes.js";
import { composeDependencies } from "./compose.js";
import { httpHandlersFrom, type HttpHandler } from "./http-handlers.js";

let handlers: Promise<Record<HttpFunctionName, HttpHandler>> | undefined;

/** Configuration from the environment (read only here), with secret values from Secrets Manager when `SECRET_ARNS` is set. */
export async function loadLambdaConfig(env: NodeJS.ProcessEnv = process.env): Promise<Config> {
  const readSecret = secretsManagerReader(new SecretsManagerClient({ region: env.AWS_REGION }));
  return loadConfig(await withSecretValues(env, readSecret));
}

/** Lambda entry points build their dependencies once per cold start; a failed start is retried on the next call. */
export function lambdaHttpHandler(name: HttpFunctionName): HttpHandler {
  return async (event) => {
    handlers ??= loadLambdaConfig()
      .then((config) => httpHandlersFrom(composeDependencies(config)))
      .catch((error: unknown) => {
        handlers = undefined;
        throw error;
      });
    return (await handlers)[name](event);
  };
}
