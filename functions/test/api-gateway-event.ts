import type { APIGatewayProxyEventV2 } from "aws-lambda";

/** An API Gateway HTTP API (payload 2.0) event, shaped as API Gateway sends it. */
export function apiGatewayEvent(input: {
  routeKey: string;
  rawPath: string;
  pathParameters?: Record<string, string>;
  rawQueryString?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  sourceIp?: string;
}): APIGatewayProxyEventV2 {
  const [method = "GET"] = input.routeKey.split(" ");
  const rawQueryString = input.rawQueryString ?? "";
  const query = new URLSearchParams(rawQueryString);
  const binary = Buffer.isBuffer(input.body);
  return {
    version: "2.0",
    routeKey: input.routeKey,
    rawPath: input.rawPath,
    rawQueryString,
    headers: Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    ...(rawQueryString ? { queryStringParameters: Object.fromEntries(query.entries()) } : {}),
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    requestContext: {
      accountId: "123456789012",
      apiId: "api1234567",
      domainName: "api1234567.execute-api.ap-southeast-1.amazonaws.com",
      domainPrefix: "api1234567",
      http: { method, path: input.rawPath, protocol: "HTTP/1.1", sourceIp: input.sourceIp ?? "203.0.113.10", userAgent: "vitest" },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: input.routeKey,
      stage: "$default",
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    ...(input.body !== undefined
      ? { body: binary ? (input.body as Buffer).toString("base64") : (input.body as string), isBase64Encoded: binary }
      : { isBase64Encoded: false }),
  };
}

export interface RouteRequestOptions {
  /** Filled into the route's path unless `rawPath` is given. */
  pathParameters?: Record<string, string>;
  rawPath?: string;
  query?: string;
  /** Sent as `Authorization: Bearer …`; none when absent or null. */
  token?: string | null;
  /** Sent as JSON; a string is sent as it is (for malformed bodies). */
  body?: unknown;
}

/** A call to one route of our API as the Mini App makes it: JSON, with the citizen's or officer's token. */
export function routeRequest(routeKey: string, options: RouteRequestOptions = {}): APIGatewayProxyEventV2 {
  let rawPath = options.rawPath ?? routeKey.split(" ")[1] ?? "/";
  if (options.rawPath === undefined) {
    for (const [name, value] of Object.entries(options.pathParameters ?? {})) rawPath = rawPath.replace(`{${name}}`, value);
  }
  return apiGatewayEvent({
    routeKey,
    rawPath,
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    ...(options.query ? { rawQueryString: options.query } : {}),
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), "content-type": "application/json" },
    ...(options.body !== undefined ? { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) } : {}),
  });
}
