import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import * as z from "zod/mini";
import { dossierCodeFromPathSegment, parseDossierCode } from "@motcua/contracts/dossier-code";
import { staffLimits, type StaffMember } from "../domain/staff.js";
import type { Logger } from "../ports/logger.js";
import type { ZaloGraph } from "../ports/zalo-graph.js";
import type { StaffAccess } from "../use-cases/staff-access.js";
import type { listAgenciesInScopeUseCase } from "../use-cases/agency-names.js";
import { lateDossierListLimits, type listLateDossiersUseCase } from "../use-cases/late-dossiers.js";
import type { AdminAnnouncements } from "../use-cases/announcement-fanout.js";
import { adminAnnouncementRoutes } from "./admin-announcement-routes.js";
import { adminMessages } from "./admin-messages.js";
import { invalidBodyResponse } from "./admin-routes/admin-route.js";
import { ratingReportRoutes, type RatingReportRouteDeps } from "./admin-routes/rating-report-routes.js";
import { reachReportRoutes, type ReachReportRouteDeps } from "./admin-routes/reach-report-routes.js";
import { deliveryLogRoutes, type DeliveryLogRouteDeps } from "./admin-routes/delivery-log-routes.js";
import { feedbackInboxRoutes, type FeedbackInboxRouteDeps } from "./admin-routes/feedback-inbox-routes.js";
import { syncCredentialRoutes, type SyncCredentialRouteDeps } from "./admin-routes/sync-credential-routes.js";
import { renderGuidePoster } from "./guide-poster.js";
import { authenticateZaloUser } from "./http/authenticate.js";
import { qrPng, qrSvg } from "./http/qr-codes.js";
import { parseJsonBody, zodIssues } from "./http/json-body.js";
import { maxBodyBytes, rawBody } from "./http/request.js";
import { errorResponse, json } from "./http/responses.js";

export interface AdminApiHandlerDeps extends RatingReportRouteDeps, ReachReportRouteDeps, FeedbackInboxRouteDeps, DeliveryLogRouteDeps, SyncCredentialRouteDeps {
  zaloGraph: ZaloGraph;
  log: Logger;
  staffAccess: StaffAccess;
  /** The Mini App's public link (`https://zalo.me/s/<MINI_APP_ID>/`), printed on the guide poster. */
  miniAppUrl: string;
  listLateDossiers: ReturnType<typeof listLateDossiersUseCase>;
  /** The agencies the caller may pick (all recorded ones for staff of every agency), with their names. */
  listAgenciesInScope: ReturnType<typeof listAgenciesInScopeUseCase>;
  /** Publishing announcements and their fan-out progress (admins only). */
  adminAnnouncements?: AdminAnnouncements;
}

const posterAgencyNameLength = 200;

type AdminRoute = (event: APIGatewayProxyEventV2, actor: StaffMember) => Promise<APIGatewayProxyStructuredResultV2>;

const zaloAppUserId = z.lazy(() => z.string().check(z.regex(/^\d{1,32}$/u, "a Zalo user id is digits")));

const staffBody = z.lazy(() => z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(staffLimits.nameLength)),
  role: z.enum(["officer", "admin"]),
  agencyCodes: z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(staffLimits.agencyCodeLength))).check(z.maxLength(staffLimits.agencies)), []),
  allAgencies: z._default(z.boolean(), false),
}).check(
  z.refine((body) => body.allAgencies || body.agencyCodes.length > 0, {
    message: "agencyCodes must name at least one agency unless allAgencies is true",
    path: ["agencyCodes"],
  }),
));

const lateDossiersQuery = z.lazy(() => z.strictObject({
  agency: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(staffLimits.agencyCodeLength))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(lateDossierListLimits.maxPageSize)), lateDossierListLimits.defaultPageSize),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
}));

/** The staff routes: a staff record for the caller's Zalo user, then the role and the agencies in scope. */
export function buildAdminApiHandler(deps: AdminApiHandlerDeps) {
  const { staffAccess } = deps;
  const routes: Record<string, AdminRoute> = {
    "GET /v1/admin/me": async (_event, actor) => json(200, describe(actor)),
    "GET /v1/admin/agencies": async (_event, actor) => json(200, { agencies: await deps.listAgenciesInScope(actor) }),
    "GET /v1/admin/staff": async (_event, actor) => {
      const members = await staffAccess.listStaff(actor);
      return members ? json(200, { staff: members.map(describe) }) : errorResponse(403, "FORBIDDEN", adminMessages.adminOnly);
    },
    "GET /v1/admin/staff/{zaloAppUserId}": async (event, actor) => {
      const id = zaloAppUserId.safeParse(event.pathParameters?.zaloAppUserId);
      if (!id.success) return errorResponse(400, "INVALID_INPUT", adminMessages.invalidBody("zaloAppUserId"));
      return staffChangeResponse(await staffAccess.getStaff(actor, id.data));
    },
    "PUT /v1/admin/staff/{zaloAppUserId}": async (event, actor) => {
      const id = zaloAppUserId.safeParse(event.pathParameters?.zaloAppUserId);
      if (!id.success) return errorResponse(400, "INVALID_INPUT", adminMessages.invalidBody("zaloAppUserId"));
      const body = parseJsonBody(event, staffBody);
      if (!body.ok) return invalidBodyResponse(body);
      return staffChangeResponse(await staffAccess.putStaff(actor, id.data, body.data));
    },
    "DELETE /v1/admin/staff/{zaloAppUserId}": async (event, actor) => {
      const id = zaloAppUserId.safeParse(event.pathParameters?.zaloAppUserId);
      if (!id.success) return errorResponse(400, "INVALID_INPUT", adminMessages.invalidBody("zaloAppUserId"));
      const result = await staffAccess.removeStaff(actor, id.data);
      return result.kind === "removed" ? { statusCode: 204 } : staffChangeResponse(result);
    },
    "GET /v1/admin/poster": async (event) => {
      const agencyName = event.queryStringParameters?.agencyName?.trim() || null;
      if (agencyName && agencyName.length > posterAgencyNameLength) {
        return errorResponse(400, "INVALID_INPUT", adminMessages.invalidBody(`agencyName: tối đa ${posterAgencyNameLength} ký tự`));
      }
      const miniAppUrl = deps.miniAppUrl;
      const posterQr = await qrSvg(miniAppUrl, { margin: 1 });
      return {
        statusCode: 200,
        headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
        body: renderGuidePoster({ miniAppUrl, qrSvg: posterQr, agencyName }),
      };
    },
    "GET /v1/admin/late-dossiers": async (event, actor) => {
      const query = lateDossiersQuery.safeParse(event.queryStringParameters ?? {});
      if (!query.success) {
        const detail = zodIssues(query.error);
        return errorResponse(400, "INVALID_QUERY", adminMessages.invalidBody(detail));
      }
      const result = await deps.listLateDossiers(actor, {
        agency: query.data.agency ?? null,
        limit: query.data.limit,
        cursor: query.data.cursor ?? null,
      });
      if (result.kind === "agency_required") return errorResponse(400, "AGENCY_REQUIRED", adminMessages.agencyRequired);
      if (result.kind === "forbidden") return errorResponse(403, "FORBIDDEN", adminMessages.agencyOutOfScope);
      if (result.kind === "invalid_cursor") return errorResponse(400, "INVALID_CURSOR", adminMessages.invalidCursor);
      return json(200, { dossiers: result.dossiers, nextCursor: result.nextCursor });
    },
    "GET /v1/admin/receipts/{code}/qr": async (event, actor) => {
      const code = parseDossierCode(dossierCodeFromPathSegment(event.pathParameters?.code ?? ""));
      if (!code.ok) return errorResponse(400, "INVALID_CODE", adminMessages.invalidCode);
      const format = event.queryStringParameters?.format ?? "svg";
      if (format !== "svg" && format !== "png") return errorResponse(400, "INVALID_INPUT", adminMessages.invalidFormat);
      const link = await staffAccess.receiptLink(actor, code.code);
      if (!link) return errorResponse(404, "NOT_FOUND", adminMessages.dossierNotFound);
      return format === "svg" ? svgQr(link.url) : pngQr(link.url);
    },
    ...ratingReportRoutes(deps),
    ...reachReportRoutes(deps),
    ...(deps.adminAnnouncements ? adminAnnouncementRoutes(deps.adminAnnouncements) : {}),
    ...feedbackInboxRoutes(deps),
    ...deliveryLogRoutes(deps),
    ...syncCredentialRoutes(deps),
  };

  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const route = routes[event.routeKey];
    if (!route) return errorResponse(404, "ROUTE_NOT_FOUND", adminMessages.routeNotFound);
    if (rawBody(event).length > maxBodyBytes) return errorResponse(413, "PAYLOAD_TOO_LARGE", adminMessages.payloadTooLarge);
    const authentication = await authenticateZaloUser(event, deps.zaloGraph, adminMessages, deps.log);
    if (!authentication.ok) return authentication.response;
    const actor = await staffAccess.findStaffMember(authentication.user.zaloAppUserId, authentication.user.name);
    if (!actor) return errorResponse(403, "NOT_STAFF", adminMessages.notStaff);
    return route(event, actor);
  };
}

function describe(member: StaffMember) {
  const { zaloAppUserId: id, name, role, agencyCodes, allAgencies, updatedAt } = member;
  return { zaloAppUserId: id, name, role, agencyCodes, allAgencies, updatedAt };
}

function staffChangeResponse(
  result: { kind: "ok"; member: StaffMember } | { kind: "forbidden" } | { kind: "self" } | { kind: "not_found" },
): APIGatewayProxyStructuredResultV2 {
  switch (result.kind) {
    case "ok":
      return json(200, describe(result.member));
    case "forbidden":
      return errorResponse(403, "FORBIDDEN", adminMessages.adminOnly);
    case "self":
      return errorResponse(409, "CANNOT_CHANGE_SELF", adminMessages.self);
    case "not_found":
      return errorResponse(404, "NOT_FOUND", adminMessages.staffNotFound);
  }
}

async function svgQr(url: string): Promise<APIGatewayProxyStructuredResultV2> {
  const svg = await qrSvg(url, { margin: 2 });
  return { statusCode: 200, headers: { "content-type": "image/svg+xml", "cache-control": "no-store" }, body: svg };
}

async function pngQr(url: string): Promise<APIGatewayProxyStructuredResultV2> {
  // 600 px prints sharply at 5 cm on a receipt.
  const png = await qrPng(url, { margin: 2, width: 600 });
  return {
    statusCode: 200,
    headers: { "content-type": "image/png", "cache-control": "no-store" },
    body: png.toString("base64"),
    isBase64Encoded: true,
  };
}
