import { createHash } from "node:crypto";
import { buildDvcqgRoutes } from "../../handlers/dvcqg/dvcqg-routes.js";
import { buildIngestEventsHandler } from "../../handlers/ingest-events.handler.js";
import { buildIngestProceduresHandler } from "../../handlers/ingest-procedures.handler.js";
import { buildIngestRatingsHandler } from "../../handlers/ingest-ratings.handler.js";
import { ingestDossierEventsUseCase } from "../../use-cases/ingest-dossier-events.js";
import { listRatingsFeedUseCase } from "../../use-cases/list-ratings-feed.js";
import { syncDialectUseCases } from "../../use-cases/sync-dialect-dossiers.js";
import { syncSessionsUseCases } from "../../use-cases/sync-sessions.js";
import { errorBoundaryMessages, withErrorBoundary } from "../http-error-boundary.js";
import type { Base } from "../parts/base.js";
import { receiptSignerOf } from "../parts/identity-parts.js";
import { rateLimiterOf, ratingsOf } from "../parts/repository-parts.js";
import { applyEventOf, catalogueOf, ingestDossiersOf, syncLoginSetupOf } from "../parts/use-case-parts.js";
import { byRouteKey, type HttpHandler } from "./http-function.js";

/** Logins of the national sync dialect: a sending system logs in a few times a day, a guesser is stopped fast. */
const syncLoginLimits = {
  perUsernamePerMinute: 20,
  failedPerUsernamePerMinute: 5,
  perAddressPerMinute: 60,
  failedPerAddressPerMinute: 20,
};

/** What the one-stop system's routes and the national sync dialect call, and nothing else. */
export function ingestFunctionDeps(base: Base) {
  const { config, clock, log } = base;
  const syncLogin = syncLoginSetupOf(base);
  const applyEvent = applyEventOf(base);
  return {
    get ingestSecrets() {
      return config.ingestSecrets;
    },
    clock,
    log,
    receiptSigner: receiptSignerOf(base),
    ingestDossierEvents: ingestDossierEventsUseCase(applyEvent),
    listRatingsFeed: listRatingsFeedUseCase({ ratings: ratingsOf(base), clock, settleSeconds: config.ratingsFeedSettleSeconds }),
    updateProcedures: catalogueOf(base).update,
    syncSessions: syncSessionsUseCases({
      credentials: syncLogin.credentials,
      hasher: syncLogin.hasher,
      tokens: syncLogin.tokens,
      rateLimiter: rateLimiterOf(base),
      clock,
      configured: syncLogin.configured,
      sessionSeconds: config.dvcqgSync.sessionSeconds,
      limits: syncLoginLimits,
    }),
    syncDialect: syncDialectUseCases({
      dossiers: ingestDossiersOf(base),
      clock,
      applyEvent,
      // A dialect event's id is its content (dossier, status, time): a step resent with another note or with the
      // dossier's details is the same fact, a duplicate, never "an id reused with a different payload".
      hashEvent: (event) => createHash("sha256").update(event.eventId).digest("base64url"),
    }),
  };
}

export type IngestFunctionDeps = ReturnType<typeof ingestFunctionDeps>;

/** The one-stop system's signed routes and the national sync dialect; English error messages (a machine reads them). */
export function ingestFunctionHandlerFrom(deps: IngestFunctionDeps): HttpHandler {
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
