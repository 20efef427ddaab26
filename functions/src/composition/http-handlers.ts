import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { Config } from "../config/config.js";
import { buildAdminApiHandler } from "../handlers/admin-api.handler.js";
import { buildCitizenApiHandler } from "../handlers/citizen-api.handler.js";
import { buildIngestEventsHandler } from "../handlers/ingest-events.handler.js";
import { buildIngestProceduresHandler } from "../handlers/ingest-procedures.handler.js";
import { buildIngestRatingsHandler } from "../handlers/ingest-ratings.handler.js";
import { buildDvcqgRoutes } from "../handlers/dvcqg/dvcqg-routes.js";
import { errorResponse } from "../handlers/http/responses.js";
import type { HttpFunctionName } from "../config/function-names.js";
import { buildZaloWebhookHandler } from "../handlers/zalo-webhook.handler.js";
import { errorBoundaryMessages, withErrorBoundary } from "./http-error-boundary.js";
import { composeDependencies, type CompositionOverrides, type Dependencies } from "./compose.js";

export type HttpHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

/** All four HTTP functions' handlers (the local API server serves them in one process). */
export function httpHandlersFrom(deps: Dependencies): Record<HttpFunctionName, HttpHandler> {
  return {
    api: httpHandlerFrom(deps, "api"),
    admin: httpHandlerFrom(deps, "admin"),
    ingest: httpHandlerFrom(deps, "ingest"),
    webhook: httpHandlerFrom(deps, "webhook"),
  };
}

/** One HTTP function's handler: a Lambda function builds only its own, so it reads only its own secrets. */
export function httpHandlerFrom(deps: Dependencies, name: HttpFunctionName): HttpHandler {
  const messages = name === "api" || name === "admin" ? errorBoundaryMessages.vietnamese : errorBoundaryMessages.english;
  return withErrorBoundary(httpHandlerBuilders(deps)[name](), messages);
}

function httpHandlerBuilders(deps: Dependencies): Record<HttpFunctionName, () => HttpHandler> {
  return {
    api: () => buildCitizenApiHandler(deps),
    admin: () => buildAdminApiHandler({
      zaloGraph: deps.staffZaloGraph,
      staffAccess: deps.staffAccess,
      miniAppUrl: deps.miniAppUrl,
      ratingReports: deps.ratingReports,
      ratingsCsvMaxBytes: deps.ratingsCsvMaxBytes,
      reachReports: deps.reachReports,
      listLateDossiers: deps.listLateDossiers,
      listAgenciesInScope: deps.listAgenciesInScope,
      adminAnnouncements: deps.adminAnnouncements,
      feedbackInbox: deps.feedbackInbox,
      deliveryLog: deps.deliveryLog,
      countDeliveryStates: deps.countDeliveryStates,
      sendQuota: deps.sendQuota,
      syncCredentialAdmin: deps.syncCredentialAdmin,
    }),
    ingest: () => byRouteKey({
      "POST /v1/ingest/events": buildIngestEventsHandler({
        ingestSecrets: deps.ingestSecrets,
        clock: deps.clock,
        receiptSigner: deps.receiptSigner,
        ingest: deps.ingestDossierEvents,
      }),
      "GET /v1/ingest/ratings": buildIngestRatingsHandler(deps),
      "PUT /v1/ingest/procedures": buildIngestProceduresHandler(deps),
      ...buildDvcqgRoutes({
        sessions: deps.syncSessions,
        dialect: deps.syncDialect,
        clock: deps.clock,
        get ingestSecrets() {
          return deps.ingestSecrets;
        },
      }),
    }),
    webhook: () => byRouteKey({ "POST /v1/zalo/webhook": buildZaloWebhookHandler(deps.webhook) }),
  };
}

/** A machine function's routes, each with its own handler; any other route key (`$default`) gets the 404 envelope. */
function byRouteKey(routes: Record<string, HttpHandler>): HttpHandler {
  return async (event) => {
    const route = routes[event.routeKey];
    return route ? route(event) : errorResponse(404, "ROUTE_NOT_FOUND", "no such route");
  };
}

/** Builds the real HTTP handlers (real DynamoDB and Zalo clients) from configuration, as Lambda does. */
export function buildHttpHandlers(
  config: Config,
  overrides: CompositionOverrides = {},
): Record<HttpFunctionName, HttpHandler> {
  return httpHandlersFrom(composeDependencies(config, overrides));
}
