import type { HttpFunctionName } from "../config/function-names.js";

/**
 * Every HTTP route of the API (DESIGN.md §9) and the Lambda function that serves it.
 * The local API server and the CDK app both read this table.
 */

export interface HttpRoute {
  routeKey: `${"GET" | "POST" | "PUT" | "DELETE"} /${string}`;
  functionName: HttpFunctionName;
}

/**
 * Requests that match no route go to this function as the `$default` route (API Gateway would otherwise answer
 * `{"message":"Not Found"}` itself), so they get the same 404 error envelope as everything else.
 */
export const unmatchedRouteFunction: HttpFunctionName = "api";

export const httpRoutes: readonly HttpRoute[] = [
  { routeKey: "GET /v1/dossiers/{code}", functionName: "api" },
  { routeKey: "GET /v1/me", functionName: "api" },
  { routeKey: "POST /v1/me/phone", functionName: "api" },
  { routeKey: "DELETE /v1/me/phone", functionName: "api" },
  { routeKey: "GET /v1/me/dossiers", functionName: "api" },
  { routeKey: "POST /v1/ingest/events", functionName: "ingest" },
  { routeKey: "GET /v1/admin/me", functionName: "admin" },
  { routeKey: "GET /v1/admin/agencies", functionName: "admin" },
  { routeKey: "GET /v1/admin/staff", functionName: "admin" },
  { routeKey: "GET /v1/admin/staff/{zaloAppUserId}", functionName: "admin" },
  { routeKey: "PUT /v1/admin/staff/{zaloAppUserId}", functionName: "admin" },
  { routeKey: "DELETE /v1/admin/staff/{zaloAppUserId}", functionName: "admin" },
  { routeKey: "GET /v1/admin/receipts/{code}/qr", functionName: "admin" },
  { routeKey: "GET /v1/admin/poster", functionName: "admin" },
  { routeKey: "POST /v1/zalo/webhook", functionName: "webhook" },
  { routeKey: "GET /v1/dossiers/{code}/rating", functionName: "api" },
  { routeKey: "PUT /v1/dossiers/{code}/rating", functionName: "api" },
  { routeKey: "POST /v1/feedback", functionName: "api" },
  { routeKey: "GET /v1/me/feedback", functionName: "api" },
  { routeKey: "GET /v1/feedback/{id}", functionName: "api" },
  { routeKey: "POST /v1/feedback/{id}/messages", functionName: "api" },
  { routeKey: "PUT /v1/feedback/{id}/messages/{messageId}/helpful", functionName: "api" },
  { routeKey: "GET /v1/announcements", functionName: "api" },
  { routeKey: "GET /v1/announcements/{id}", functionName: "api" },
  { routeKey: "GET /v1/procedures", functionName: "api" },
  { routeKey: "GET /v1/ingest/ratings", functionName: "ingest" },
  { routeKey: "PUT /v1/ingest/procedures", functionName: "ingest" },
  { routeKey: "GET /v1/admin/late-dossiers", functionName: "admin" },
  { routeKey: "GET /v1/admin/ratings/summary", functionName: "admin" },
  { routeKey: "GET /v1/admin/ratings", functionName: "admin" },
  { routeKey: "GET /v1/admin/ratings.csv", functionName: "admin" },
  { routeKey: "GET /v1/admin/reach", functionName: "admin" },
  { routeKey: "GET /v1/admin/reach.csv", functionName: "admin" },
  { routeKey: "PUT /v1/me/announcement-subscription", functionName: "api" },
  { routeKey: "POST /v1/admin/announcements", functionName: "admin" },
  { routeKey: "GET /v1/admin/announcements", functionName: "admin" },
  { routeKey: "GET /v1/admin/announcements/{id}", functionName: "admin" },
  { routeKey: "GET /v1/admin/feedback", functionName: "admin" },
  { routeKey: "GET /v1/admin/feedback/counts", functionName: "admin" },
  { routeKey: "GET /v1/admin/feedback/{id}", functionName: "admin" },
  { routeKey: "POST /v1/admin/feedback/{id}/replies", functionName: "admin" },
  { routeKey: "POST /v1/admin/feedback/{id}/close", functionName: "admin" },
  { routeKey: "POST /v1/admin/feedback/{id}/reopen", functionName: "admin" },
  { routeKey: "GET /v1/admin/notifications", functionName: "admin" },
  { routeKey: "GET /v1/admin/notifications/quota", functionName: "admin" },
  { routeKey: "GET /v1/admin/notifications/counts", functionName: "admin" },
  { routeKey: "POST /v1/admin/notifications/{id}/retry", functionName: "admin" },
  { routeKey: "GET /v1/admin/sync-credentials", functionName: "admin" },
  { routeKey: "POST /v1/admin/sync-credentials", functionName: "admin" },
  { routeKey: "POST /v1/admin/sync-credentials/{username}/password", functionName: "admin" },
  { routeKey: "POST /v1/admin/sync-credentials/{username}/disable", functionName: "admin" },
  { routeKey: "POST /v1/admin/sync-credentials/{username}/enable", functionName: "admin" },
  // The national dossier-sync dialect (docs/integrating.md): a second door into the ingest use case.
  { routeKey: "POST /mapi/login", functionName: "ingest" },
  { routeKey: "POST /mapi/g", functionName: "ingest" },
  { routeKey: "POST /mapi/hoso", functionName: "ingest" },
  { routeKey: "POST /mapi/tiendo", functionName: "ingest" },
];
