import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import * as z from "zod/mini";
import type { CitizenProfileView } from "../domain/citizen.js";
import type { Logger } from "../ports/logger.js";
import { dossierCodeFromPathSegment, parseDossierCode } from "@motcua/contracts/dossier-code";
import type { ZaloGraph, ZaloUser } from "../ports/zalo-graph.js";
import type { MyProfileView } from "../use-cases/get-my-profile.js";
import type { ListMyDossiersRequest, ListMyDossiersResult } from "../use-cases/list-my-dossiers.js";
import type { LookUpDossierRequest, LookUpDossierResult } from "../use-cases/look-up-dossier.js";
import type { VerifyPhoneRequest, VerifyPhoneResult } from "../use-cases/verify-phone.js";
import { citizenMessages } from "./citizen-messages.js";
import { catalogueRoutes, type CatalogueRouteDeps } from "./citizen-routes/catalogue-routes.js";
import type { CitizenRoute as EventRoute } from "./citizen-routes/citizen-route.js";
import { feedbackRoutes, type FeedbackRouteDeps } from "./citizen-routes/feedback-routes.js";
import { ratingRoutes, type RatingRouteDeps } from "./citizen-routes/rating-routes.js";
import { authenticateZaloUser } from "./http/authenticate.js";
import { maxBodyBytes, rawBody } from "./http/request.js";
import { errorResponse, json } from "./http/responses.js";

export interface CitizenApiHandlerDeps extends RatingRouteDeps, FeedbackRouteDeps, CatalogueRouteDeps {
  /** Verifies tokens, remembering them briefly by hash. */
  zaloGraph: ZaloGraph;
  /** Asks Zalo every time: for the profile, whose follower state must be Zalo's current word. */
  zaloGraphUncached: ZaloGraph;
  log: Logger;
  lookUpDossier: (request: LookUpDossierRequest) => Promise<LookUpDossierResult>;
  verifyPhone: (request: VerifyPhoneRequest) => Promise<VerifyPhoneResult>;
  getMyProfile: (user: ZaloUser) => Promise<MyProfileView>;
  listMyDossiers: (request: ListMyDossiersRequest) => Promise<ListMyDossiersResult>;
  withdrawPhoneConsent: (user: ZaloUser) => Promise<CitizenProfileView>;
  setAnnouncementSubscription: (user: ZaloUser, subscribed: boolean) => Promise<CitizenProfileView>;
}

interface CitizenRequest {
  event: APIGatewayProxyEventV2;
  user: ZaloUser;
  accessToken: string;
}

interface CitizenRoute {
  run: (request: CitizenRequest) => Promise<APIGatewayProxyStructuredResultV2>;
  /** Verify the token at Zalo now rather than from the short cache. */
  uncachedIdentity?: boolean;
}

/** Limits of the citizen routes' inputs (each has a test at the limit and past it). */
export const citizenInputLimits = {
  phoneTokenMaxLength: 512,
  dossiersPageMax: 50,
  dossiersPageDefault: 20,
  cursorMaxLength: 200,
} as const;

const subscriptionBody = z.lazy(() => z.strictObject({ subscribed: z.boolean() }));
/** Zalo's tokens are printable ASCII; anything else could not even go into the outgoing header. */
const phoneBody = z.lazy(() => z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(citizenInputLimits.phoneTokenMaxLength), z.regex(/^[\x21-\x7E]+$/u)),
}));
const myDossiersQuery = z.lazy(() => z.strictObject({
  limit: z.optional(
    z.pipe(z.pipe(z.string().check(z.regex(/^\d{1,3}$/u)), z.transform(Number)), z.number().check(z.int(), z.gte(1), z.lte(citizenInputLimits.dossiersPageMax))),
  ),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(citizenInputLimits.cursorMaxLength))),
}));

/** Routes that need only the event and the verified user (ratings, feedback, catalogue). */
function asCitizenRoutes(routes: Record<string, EventRoute>): Record<string, CitizenRoute> {
  return Object.fromEntries(Object.entries(routes).map(([key, route]) => [key, { run: ({ event, user }) => route(event, user) }]));
}

/** The citizen routes (Bearer Zalo access token), one function dispatching on the route key. */
export function buildCitizenApiHandler(deps: CitizenApiHandlerDeps) {
  const routes: Record<string, CitizenRoute> = {
    "GET /v1/dossiers/{code}": { run: ({ event, user }) => getDossier(deps, event, user) },
    "GET /v1/me": { run: async ({ user }) => json(200, await deps.getMyProfile(user)), uncachedIdentity: true },
    "POST /v1/me/phone": { run: (request) => verifyPhone(deps, request) },
    "DELETE /v1/me/phone": { run: async ({ user }) => json(200, await deps.withdrawPhoneConsent(user)) },
    "GET /v1/me/dossiers": { run: ({ event, user }) => listMyDossiers(deps, event, user) },
    "PUT /v1/me/announcement-subscription": {
      run: async ({ event, user }) => {
        const parsed = subscriptionBody.safeParse(parseJson(event));
        if (!parsed.success) return errorResponse(400, "INVALID_BODY", citizenMessages.invalidSubscriptionBody);
        return json(200, await deps.setAnnouncementSubscription(user, parsed.data.subscribed));
      },
    },
    ...asCitizenRoutes(ratingRoutes(deps)),
    ...asCitizenRoutes(feedbackRoutes(deps)),
    ...asCitizenRoutes(catalogueRoutes(deps)),
  };

  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const route = routes[event.routeKey];
    if (!route) return errorResponse(404, "ROUTE_NOT_FOUND", citizenMessages.routeNotFound);
    if (rawBody(event).length > maxBodyBytes) return errorResponse(413, "PAYLOAD_TOO_LARGE", citizenMessages.payloadTooLarge);

    const authentication = await authenticateZaloUser(
      event,
      route.uncachedIdentity ? deps.zaloGraphUncached : deps.zaloGraph,
      citizenMessages,
      deps.log,
    );
    if (!authentication.ok) return authentication.response;

    return route.run({ event, user: authentication.user, accessToken: authentication.accessToken });
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

async function verifyPhone(deps: CitizenApiHandlerDeps, request: CitizenRequest): Promise<APIGatewayProxyStructuredResultV2> {
  const body = parseJson(request.event);
  const parsed = phoneBody.safeParse(body);
  if (!parsed.success) return errorResponse(400, "INVALID_BODY", citizenMessages.invalidPhoneBody);
  const result = await deps.verifyPhone({
    zaloAppUserId: request.user.zaloAppUserId,
    name: request.user.name,
    accessToken: request.accessToken,
    phoneToken: parsed.data.token,
  });
  switch (result.kind) {
    case "verified":
      return json(200, result.profile);
    case "invalid_phone_token":
      return errorResponse(400, "INVALID_PHONE_TOKEN", citizenMessages.invalidPhoneToken);
    case "invalid_access_token":
      return errorResponse(401, "UNAUTHORIZED", citizenMessages.unauthorized);
    case "unsupported_phone":
      return errorResponse(422, "UNSUPPORTED_PHONE", citizenMessages.unsupportedPhone);
  }
}

async function listMyDossiers(
  deps: CitizenApiHandlerDeps,
  event: APIGatewayProxyEventV2,
  user: ZaloUser,
): Promise<APIGatewayProxyStructuredResultV2> {
  const query = myDossiersQuery.safeParse(event.queryStringParameters ?? {});
  if (!query.success) return errorResponse(400, "INVALID_QUERY", citizenMessages.invalidListQuery);
  const result = await deps.listMyDossiers({
    zaloAppUserId: user.zaloAppUserId,
    limit: query.data.limit ?? citizenInputLimits.dossiersPageDefault,
    cursor: query.data.cursor ?? null,
  });
  switch (result.kind) {
    case "listed":
      return json(200, { dossiers: result.dossiers, nextCursor: result.nextCursor });
    case "phone_not_verified":
      return errorResponse(403, "PHONE_NOT_VERIFIED", citizenMessages.phoneNotVerified);
    case "invalid_cursor":
      return errorResponse(400, "INVALID_CURSOR", citizenMessages.invalidCursor);
  }
}

function parseJson(event: APIGatewayProxyEventV2): unknown {
  try {
    return JSON.parse(rawBody(event).toString("utf8"));
  } catch {
    return undefined;
  }
}
