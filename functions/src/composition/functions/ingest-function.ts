import { buildDvcqgRoutes } from "../../handlers/dvcqg/dvcqg-routes.js";
import { buildIngestEventsHandler } from "../../handlers/ingest-events.handler.js";
import { buildIngestProceduresHandler } from "../../handlers/ingest-procedures.handler.js";
import { buildIngestRatingsHandler } from "../../handlers/ingest-ratings.handler.js";
import type { Dependencies } from "../compose.js";
import { errorBoundaryMessages, withErrorBoundary } from "../http-error-boundary.js";
import { byRouteKey, type HttpHandler } from "./http-function.js";

/** The one-stop system's signed routes and the national sync dialect; English error messages (a machine reads them). */
export function ingestFunctionHandlerFrom(deps: Dependencies): HttpHandler {
  const handler = byRouteKey({
    "POST /v1/ingest/events": buildIngestEventsHandler({
      ingestSecrets: deps.ingestSecrets,
      clock: deps.clock,
      log: deps.log,
      receiptSigner: deps.receiptSigner,
      ingest: deps.ingestDossierEvents,
    }),
    "GET /v1/ingest/ratings": buildIngestRatingsHandler(deps),
    "PUT /v1/ingest/procedures": buildIngestProceduresHandler(deps),
    ...buildDvcqgRoutes({
      sessions: deps.syncSessions,
      dialect: deps.syncDialect,
      clock: deps.clock,
      log: deps.log,
      get ingestSecrets() {
        return deps.ingestSecrets;
      },
    }),
  });
  return withErrorBoundary(handler, errorBoundaryMessages.english, deps.log);
}
