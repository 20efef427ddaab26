import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { dossierCodeFromPathSegment, parseDossierCode } from "../domain/dossier-code.js";
import type { ZaloGraph, ZaloUser } from "../ports/zalo-graph.js";
import type { LookUpDossierRequest, LookUpDossierResult } from "../use-cases/look-up-dossier.js";
import { citizenMessages } from "./citizen-messages.js";
import { catalogueRoutes, type CatalogueRouteDeps } from "./citizen-routes/catalogue-routes.js";
import type { CitizenRoute } from "./citizen-routes/citizen-route.js";
import { feedbackRoutes, type FeedbackRouteDeps } from "./citizen-routes/feedback-routes.js";
import { ratingRoutes, type RatingRouteDeps } from "./citizen-routes/rating-routes.js";
import { bearerToken, maxBodyBytes, rawBody } from "./http/request.js";
import { errorResponse, json } from "./http/responses.js";

export interface CitizenApiHandlerDeps extends RatingRouteDeps, FeedbackRouteDeps, CatalogueRouteDeps {
  zaloGraph: ZaloGraph;
  lookUpDossier: (request: LookUpDossierRequest) => Promise<LookUpDossierResult>;
}

/** The citizen routes (Bearer Zalo access token), one function dispatching on the route key. */
export function buildCitizenApiHandler(deps: CitizenApiHandlerDeps) {
  const routes: Record<string, CitizenRoute> = {
    "GET /v1/dossiers/{code}": (event, user) => getDossier(deps, event, user),
    ...ratingRoutes(deps),
    ...feedbackRoutes(deps),
    ...catalogueRoutes(deps),
  };

  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const route = routes[event.routeKey];
    if (!route) return errorResponse(404, "ROUTE_NOT_FOUND", citizenMessages.routeNotFound);
    if (rawBody(event).length > maxBodyBytes) return errorResponse(413, "PAYLOAD_TOO_LARGE", citizenMessages.payloadTooLarge);

    const token = bearerToken(event);
    if (!token) return errorResponse(401, "UNAUTHORIZED", citizenMessages.unauthorized);
    let user: ZaloUser | null;
    try {
      user = await deps.zaloGraph.getUserByAccessToken(token);
    } catch (error) {
      console.error(JSON.stringify({ message: "Zalo Graph unavailable", error: String(error) }));
      return errorResponse(503, "ZALO_UNAVAILABLE", citizenMessages.zaloUnavailable, { "retry-after": "30" });
    }
    if (!user) return errorResponse(401, "UNAUTHORIZED", citizenMessages.unauthorized);

    try {
      return await route(event, user);
    } catch (error) {
      console.error(JSON.stringify({ message: "citizen route failed", routeKey: event.routeKey, error: String(error) }));
      return errorResponse(500, "INTERNAL", citizenMessages.internal);
    }
  };
}

async function getDossier(
  deps: CitizenApiHandlerDeps,
  event: APIGatewayProxyEventV2,
  user: ZaloUser,
): Promise<APIGatewayProxyStructuredResultV2> {
  const parsed = parseDossierCode(dossierCodeFromPathSegment(event.pathParameters?.code ?? ""));
  if (!parsed.ok) {
    const message = parsed.reason === "official_date" ? citizenMessages.invalidCodeDate : citizenMessages.invalidCode;
    return errorResponse(400, "INVALID_CODE", message);
  }
  const result = await deps.lookUpDossier({
    code: parsed.code,
    receiptSignature: event.queryStringParameters?.k,
    zaloAppUserId: user.zaloAppUserId,
    sourceIp: event.requestContext.http.sourceIp,
  });
  switch (result.kind) {
    case "found":
      return json(200, result.view);
    case "not_found":
      return errorResponse(404, "NOT_FOUND", citizenMessages.notFound(parsed.code));
    case "rate_limited":
      return errorResponse(429, "RATE_LIMITED", citizenMessages.rateLimited(result.retryAfterSeconds), {
        "retry-after": String(result.retryAfterSeconds),
      });
  }
}

/** The Lambda entry point: real dependencies, built on the first call. */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const { lambdaHttpHandler } = await import("../composition/lambda-entry.js");
  return lambdaHttpHandler("api")(event);
}
