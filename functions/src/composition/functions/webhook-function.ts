import { buildZaloWebhookHandler } from "../../handlers/zalo-webhook.handler.js";
import type { Dependencies } from "../compose.js";
import { errorBoundaryMessages, withErrorBoundary } from "../http-error-boundary.js";
import { byRouteKey, type HttpHandler } from "./http-function.js";

/** The Zalo OA webhook; English error messages (Zalo reads them). */
export function webhookFunctionHandlerFrom(deps: Dependencies): HttpHandler {
  return withErrorBoundary(byRouteKey({ "POST /v1/zalo/webhook": buildZaloWebhookHandler(deps.webhook) }), errorBoundaryMessages.english, deps.log);
}
