import { loadConfig } from "../config/config.js";
import type { HttpFunctionName } from "../handlers/routes.js";
import { composeDependencies, type Dependencies } from "./compose.js";
import { httpHandlersFrom, type HttpHandler } from "./http-handlers.js";
import { notifyHandlerFrom, wakeOutboxHandlerFrom } from "./stream-handlers.js";

let dependencies: Dependencies | undefined;
let handlers: Record<HttpFunctionName, HttpHandler> | undefined;

/** Lambda entry points build their dependencies once per cold start, from the environment (read only here). */
function realDependencies(): Dependencies {
  dependencies ??= composeDependencies(loadConfig(process.env));
  return dependencies;
}

export function lambdaHttpHandler(name: HttpFunctionName): HttpHandler {
  handlers ??= httpHandlersFrom(realDependencies());
  return handlers[name];
}

let notify: ReturnType<typeof notifyHandlerFrom> | undefined;
export function lambdaNotifyHandler() {
  notify ??= notifyHandlerFrom(realDependencies());
  return notify;
}

let wake: ReturnType<typeof wakeOutboxHandlerFrom> | undefined;
export function lambdaWakeOutboxHandler() {
  wake ??= wakeOutboxHandlerFrom(realDependencies());
  return wake;
}
