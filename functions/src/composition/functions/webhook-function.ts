import { DynamoDbWebhookInbox } from "../../adapters/dynamodb/dynamodb-webhook-inbox.js";
import { buildZaloWebhookHandler, type ZaloWebhookHandlerDeps } from "../../handlers/zalo-webhook.handler.js";
import type { Logger } from "../../ports/logger.js";
import { handleZaloWebhookEventUseCase } from "../../use-cases/handle-zalo-webhook-event.js";
import { errorBoundaryMessages, withErrorBoundary } from "../http-error-boundary.js";
import type { Base } from "../parts/base.js";
import { receiveCitizenChatMessageOf } from "../parts/citizen-parts.js";
import { citizensOf, outboxOf, reachOf } from "../parts/repository-parts.js";
import { byRouteKey, type HttpHandler } from "./http-function.js";

/** What the OA webhook calls, and nothing else. */
export function webhookFunctionDeps(base: Base) {
  const { config, clock, log } = base;
  const webhook: ZaloWebhookHandlerDeps = {
    appId: config.zaloAppId,
    get appSecret() {
      return config.zaloAppSecret;
    },
    get oaSecretKey() {
      return config.zalo.oaSecretKey;
    },
    macFirstTerm: config.zalo.webhookMacFirstTerm,
    macKey: config.zalo.webhookMacKey,
    clock,
    maxAgeSeconds: config.zaloWebhookMaxAgeSeconds,
    log,
    handleEvent: handleZaloWebhookEventUseCase({
      citizens: citizensOf(base),
      inbox: new DynamoDbWebhookInbox(base.table),
      clock,
      onCitizenText: receiveCitizenChatMessageOf(base),
      reach: reachOf(base),
      outbox: outboxOf(base),
    }),
  };
  return { webhook, log };
}

/** The Zalo OA webhook; English error messages (Zalo reads them). */
export function webhookFunctionHandlerFrom(deps: { webhook: ZaloWebhookHandlerDeps; log: Logger }): HttpHandler {
  return withErrorBoundary(byRouteKey({ "POST /v1/zalo/webhook": buildZaloWebhookHandler(deps.webhook) }), errorBoundaryMessages.english, deps.log);
}
