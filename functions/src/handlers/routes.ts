/**
 * Every HTTP route of the API (DESIGN.md §9) and the Lambda function that serves it.
 * The local API server and the CDK app both read this table.
 */
export type HttpFunctionName = "api" | "ingest";

export interface HttpRoute {
  routeKey: `${"GET" | "POST" | "PUT" | "DELETE"} /${string}`;
  functionName: HttpFunctionName;
}

export const httpRoutes: readonly HttpRoute[] = [
  { routeKey: "GET /v1/dossiers/{code}", functionName: "api" },
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
  { routeKey: "POST /v1/ingest/events", functionName: "ingest" },
  { routeKey: "GET /v1/ingest/ratings", functionName: "ingest" },
  { routeKey: "PUT /v1/ingest/procedures", functionName: "ingest" },
];
