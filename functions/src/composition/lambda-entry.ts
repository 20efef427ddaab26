import { loadConfig } from "../config/config.js";
import type { HttpFunctionName } from "../handlers/routes.js";
import { composeDependencies } from "./compose.js";
import { httpHandlersFrom, type HttpHandler } from "./http-handlers.js";

let handlers: Record<HttpFunctionName, HttpHandler> | undefined;

/** Lambda entry points build their dependencies once per cold start, from the environment (read only here). */
export function lambdaHttpHandler(name: HttpFunctionName): HttpHandler {
  handlers ??= httpHandlersFrom(composeDependencies(loadConfig(process.env)));
  return handlers[name];
}
