import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { Config } from "../config/config.js";
import { buildAdminApiHandler } from "../handlers/admin-api.handler.js";
import { buildCitizenApiHandler } from "../handlers/citizen-api.handler.js";
import { buildIngestEventsHandler } from "../handlers/ingest-events.handler.js";
import type { HttpFunctionName } from "../handlers/routes.js";
import { buildZaloWebhookHandler } from "../handlers/zalo-webhook.handler.js";
import { composeDependencies, type CompositionOverrides, type Dependencies } from "./compose.js";

export type HttpHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

export function httpHandlersFrom(deps: Dependencies): Record<HttpFunctionName, HttpHandler> {
  return {
    api: buildCitizenApiHandler({
      zaloGraph: deps.zaloGraph,
      zaloGraphUncached: deps.zaloGraphUncached,
      lookUpDossier: deps.lookUpDossier,
      verifyPhone: deps.verifyPhone,
      getMyProfile: deps.getMyProfile,
      listMyDossiers: deps.listMyDossiers,
      withdrawPhoneConsent: deps.withdrawPhoneConsent,
    }),
    admin: buildAdminApiHandler({ zaloGraph: deps.zaloGraph, staffAccess: deps.staffAccess, miniAppUrl: deps.miniAppUrl }),
    ingest: buildIngestEventsHandler({
      ingestSecrets: deps.ingestSecrets,
      clock: deps.clock,
      receiptSigner: deps.receiptSigner,
      ingest: deps.ingestDossierEvents,
    }),
    webhook: buildZaloWebhookHandler(deps.webhook),
  };
}

/** Builds the real HTTP handlers (real DynamoDB and Zalo clients) from configuration, as Lambda does. */
export function buildHttpHandlers(
  config: Config,
  overrides: CompositionOverrides = {},
): Record<HttpFunctionName, HttpHandler> {
  return httpHandlersFrom(composeDependencies(config, overrides));
}
