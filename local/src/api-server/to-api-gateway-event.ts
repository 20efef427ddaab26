import { randomBytes, randomUUID } from "node:crypto";
import type { APIGatewayProxyEventV2 } from "aws-lambda";

/** What the local server knows about one HTTP request, before it becomes an API Gateway event. */
export interface LocalHttpRequest {
  method: string;
  /** Path and query exactly as sent, e.g. `/v1/dossiers/a%2Fb?k=x`. */
  url: string;
  /** Node's `rawHeaders`: name, value, name, value… in arrival order, duplicates kept. */
  rawHeaders: readonly string[];
  body: Buffer;
  sourceIp: string;
  protocol: string;
  /** The port the server listens on, for `x-forwarded-port`. */
  serverPort: number;
}

export interface MatchedRoute {
  routeKey: string;
  pathParameters: Record<string, string> | undefined;
}

export const localAccountId = "000000000000";
export const localApiId = "motcua-local";

/** Content types API Gateway passes as text; every other body arrives base64-encoded. */
export function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  return (
    mediaType.startsWith("text/") ||
    mediaType === "application/json" ||
    mediaType.endsWith("+json") ||
    mediaType === "application/xml" ||
    mediaType.endsWith("+xml") ||
    mediaType === "application/javascript"
  );
}

/** Builds an API Gateway HTTP API payload format 2.0 event, as the real service sends it to Lambda. */
export function toApiGatewayEvent(
  request: LocalHttpRequest,
  route: MatchedRoute,
  now: Date = new Date(),
): APIGatewayProxyEventV2 {
  const queryIndex = request.url.indexOf("?");
  const rawPath = queryIndex === -1 ? request.url : request.url.slice(0, queryIndex);
  const rawQueryString = queryIndex === -1 ? "" : request.url.slice(queryIndex + 1);

  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    const name = (request.rawHeaders[index] ?? "").toLowerCase();
    const value = request.rawHeaders[index + 1] ?? "";
    if (name === "cookie") {
      cookies.push(...value.split(";").map((cookie) => cookie.trim()).filter((cookie) => cookie !== ""));
      continue;
    }
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  // API Gateway appends the caller's address and the listener's protocol and port.
  headers["x-forwarded-for"] = headers["x-forwarded-for"]
    ? `${headers["x-forwarded-for"]},${request.sourceIp}`
    : request.sourceIp;
  headers["x-forwarded-proto"] = "http";
  headers["x-forwarded-port"] = String(request.serverPort);
  if (request.body.length > 0) headers["content-length"] = String(request.body.length);
  headers["x-amzn-trace-id"] ??= `Root=1-${Math.floor(now.getTime() / 1000).toString(16)}-${randomBytes(12).toString("hex")}`;

  const host = headers["host"] ?? "localhost";
  const domainName = host.replace(/:\d+$/, "");
  const hasBody = request.body.length > 0;
  const textBody = isTextContentType(headers["content-type"]);

  const event: APIGatewayProxyEventV2 = {
    version: "2.0",
    routeKey: route.routeKey,
    rawPath,
    rawQueryString,
    headers,
    requestContext: {
      accountId: localAccountId,
      apiId: localApiId,
      domainName,
      domainPrefix: domainName.split(".")[0] ?? domainName,
      http: {
        method: request.method.toUpperCase(),
        path: rawPath,
        protocol: request.protocol,
        sourceIp: request.sourceIp,
        userAgent: headers["user-agent"] ?? "",
      },
      requestId: randomUUID(),
      routeKey: route.routeKey,
      stage: "$default",
      time: formatRequestTime(now),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: hasBody && !textBody,
  };
  if (cookies.length > 0) event.cookies = cookies;
  const queryStringParameters = parseQueryString(rawQueryString);
  if (queryStringParameters) event.queryStringParameters = queryStringParameters;
  if (route.pathParameters) event.pathParameters = route.pathParameters;
  if (hasBody) event.body = textBody ? request.body.toString("utf8") : request.body.toString("base64");
  return event;
}

/** Decoded values; a repeated name is joined with commas, as API Gateway does in payload 2.0. */
export function parseQueryString(rawQueryString: string): Record<string, string> | undefined {
  if (rawQueryString === "") return undefined;
  const result: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    result[name] = result[name] === undefined ? value : `${result[name]},${value}`;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** API Gateway's `requestContext.time`, e.g. `12/Mar/2020:19:03:58 +0000`. */
export function formatRequestTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}
