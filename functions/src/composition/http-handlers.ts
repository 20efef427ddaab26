import type { Config } from "../config/config.js";
import type { HttpFunctionName } from "../config/function-names.js";
import { composeDependencies, type CompositionOverrides, type Dependencies } from "./compose.js";
import { adminFunctionHandlerFrom } from "./functions/admin-function.js";
import { apiFunctionHandlerFrom } from "./functions/api-function.js";
import type { HttpHandler } from "./functions/http-function.js";
import { ingestFunctionHandlerFrom } from "./functions/ingest-function.js";
import { webhookFunctionHandlerFrom } from "./functions/webhook-function.js";

export type { HttpHandler } from "./functions/http-function.js";

/** Each HTTP function's handler from the whole wiring (a Lambda bundle builds only its own: composition/entries/). */
const httpHandlerBuilders: Record<HttpFunctionName, (deps: Dependencies) => HttpHandler> = {
  api: apiFunctionHandlerFrom,
  admin: adminFunctionHandlerFrom,
  ingest: ingestFunctionHandlerFrom,
  webhook: webhookFunctionHandlerFrom,
};

/** All four HTTP functions' handlers (the local API server serves them in one process). */
export function httpHandlersFrom(deps: Dependencies): Record<HttpFunctionName, HttpHandler> {
  return {
    api: httpHandlerFrom(deps, "api"),
    admin: httpHandlerFrom(deps, "admin"),
    ingest: httpHandlerFrom(deps, "ingest"),
    webhook: httpHandlerFrom(deps, "webhook"),
  };
}

/** One HTTP function's handler: it reads only its own secrets. */
export function httpHandlerFrom(deps: Dependencies, name: HttpFunctionName): HttpHandler {
  return httpHandlerBuilders[name](deps);
}

/** Builds the real HTTP handlers (real DynamoDB and Zalo clients) from configuration, as Lambda does. */
export function buildHttpHandlers(
  config: Config,
  overrides: CompositionOverrides = {},
): Record<HttpFunctionName, HttpHandler> {
  return httpHandlersFrom(composeDependencies(config, overrides));
}
