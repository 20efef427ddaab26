import type { Context } from "aws-lambda";
import { PowertoolsLogs } from "../adapters/logging/powertools-logger.js";
import { loadConfig, type Config } from "../config/config.js";
import type { LambdaFunctionName } from "../config/function-names.js";
import { withSecretValues, type ReadSecret } from "../config/secret-env.js";
import { composeBase, type Base } from "./parts/base.js";

/**
 * One function's configuration from the environment (read only here), with secret values from Secrets Manager
 * when `SECRET_ARNS` is set; only the secrets config/function-secrets.ts lists for the function are loaded.
 */
export async function loadLambdaConfig(
  functionName: LambdaFunctionName,
  env: NodeJS.ProcessEnv = process.env,
  readSecret: ReadSecret = readFromSecretsManager(env.AWS_REGION),
): Promise<Config> {
  return loadConfig(await withSecretValues(env, readSecret), { functionName });
}

/** The Secrets Manager client is loaded and built on the first secret read, so a start without secrets skips it. */
function readFromSecretsManager(region: string | undefined): ReadSecret {
  let reader: Promise<ReadSecret> | undefined;
  return async (secretId) => {
    reader ??= import("../adapters/secrets/secrets-manager-reader.js").then((module) => module.secretsManagerReaderIn(region));
    return (await reader)(secretId);
  };
}

export interface LambdaEntry<Event, Result> {
  /**
   * The function's exported `handler`: builds the real handler on the first call, then reuses it. Every log line
   * of the invocation carries the function's name, the request id and whether it is a cold start.
   */
  handler: (event: Event, context?: Context) => Promise<Result>;
  /** Builds (once) what `handler` calls: config, secrets, adapters; the bundle benchmark times it. */
  buildHandler: () => Promise<(event: Event) => Promise<Result>>;
}

/**
 * A Lambda function's entry point: configuration, then the base of its wiring (SDK client, clock, logs), then its own
 * handler built from only the parts it calls, once per cold start.
 * A failed start is retried on the next call.
 */
export function lambdaEntry<Event, Result>(
  functionName: LambdaFunctionName,
  handlerFrom: (base: Base) => (event: Event) => Promise<Result>,
  loadConfigOf: (functionName: LambdaFunctionName) => Promise<Config> = loadLambdaConfig,
): LambdaEntry<Event, Result> {
  let building: Promise<{ handle: (event: Event) => Promise<Result>; logs: PowertoolsLogs }> | undefined;
  const build = () =>
    (building ??= loadConfigOf(functionName)
      .then((config) => {
        const logs = new PowertoolsLogs({ serviceName: "motcua", logLevel: config.logLevel });
        return { handle: handlerFrom(composeBase(config, { log: logs })), logs };
      })
      .catch((error: unknown) => {
        building = undefined;
        throw error;
      }));
  return {
    buildHandler: async () => (await build()).handle,
    handler: async (event, context) => {
      const { handle, logs } = await build();
      if (context) logs.useLambdaContext(context);
      return handle(event);
    },
  };
}
