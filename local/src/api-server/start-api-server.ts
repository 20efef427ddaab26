import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { allowedOrigin, defaultCorsOptions, isPreflight, preflightHeaders, type CorsOptions } from "./cors.js";
import { compileRoutes } from "./match-route.js";
import { toApiGatewayEvent } from "./to-api-gateway-event.js";

export type LocalHttpHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

export interface LocalRoute<F extends string> {
  routeKey: string;
  functionName: F;
}

export interface ApiServerOptions<F extends string> {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  handlers: Record<F, LocalHttpHandler>;
  routes: readonly LocalRoute<F>[];
  cors?: Partial<CorsOptions>;
  /** The function that gets requests matching no route (API Gateway's `$default` route); without it, a plain 404. */
  defaultFunction?: F;
  /** Use the first X-Forwarded-For entry as the source address (only behind a trusted proxy). */
  trustForwardedFor?: boolean;
  /** One line per request; console.log when absent. */
  log?: (line: string) => void;
}

export interface ApiServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** API Gateway's own payload limit; the functions refuse much smaller bodies themselves. */
export const maxPayloadBytes = 10 * 1024 * 1024;

/** A local stand-in for the HTTP API: routes requests to the real handlers as payload 2.0 events. */
export async function startApiServer<F extends string>(options: ApiServerOptions<F>): Promise<ApiServer> {
  const matchRoute = compileRoutes(options.routes);
  const cors: CorsOptions = { ...defaultCorsOptions, ...options.cors };
  const log = options.log ?? ((line: string) => console.log(line));
  const host = options.host ?? "127.0.0.1";
  let serverPort = 0;

  const server = createServer((request, response) => {
    const started = performance.now();
    const method = (request.method ?? "GET").toUpperCase();
    const url = request.url ?? "/";
    response.on("finish", () => {
      const path = url.split("?")[0];
      log(`${method} ${path} ${response.statusCode} ${Math.round(performance.now() - started)}ms`);
    });
    handle(request, response, method, url).catch((error: unknown) => {
      console.error(`[api] ${method} ${url} failed:`, error);
      if (!response.headersSent) sendJson(response, 500, { message: "Internal Server Error" }, {});
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse, method: string, url: string) {
    const origin = typeof request.headers.origin === "string" ? request.headers.origin : undefined;
    const corsHeaders: Record<string, string> = {};
    const allowOrigin = allowedOrigin(cors, origin);
    if (allowOrigin) corsHeaders["access-control-allow-origin"] = allowOrigin;
    if (allowOrigin && cors.exposeHeaders.length > 0) corsHeaders["access-control-expose-headers"] = cors.exposeHeaders.join(",");
    if (allowOrigin && allowOrigin !== "*") corsHeaders["vary"] = "Origin";

    if (isPreflight(method, request.headers)) {
      response.writeHead(204, { ...preflightHeaders(cors, origin), ...(allowOrigin && allowOrigin !== "*" ? { vary: "Origin" } : {}) });
      response.end();
      return;
    }

    const match =
      matchRoute(method, url.split("?")[0] ?? "/") ??
      (options.defaultFunction === undefined
        ? undefined
        : { route: { routeKey: "$default", functionName: options.defaultFunction }, routeKey: "$default", pathParameters: undefined });
    if (!match) {
      request.resume();
      sendJson(response, 404, { message: "Not Found" }, corsHeaders);
      return;
    }

    const body = await readBody(request, maxPayloadBytes);
    if (body === "too-large") {
      sendJson(response, 413, { message: "Request Entity Too Large" }, { ...corsHeaders, connection: "close" });
      return;
    }

    const event = toApiGatewayEvent(
      {
        method,
        url,
        rawHeaders: request.rawHeaders,
        body,
        sourceIp: sourceIpOf(request, options.trustForwardedFor ?? false),
        protocol: `HTTP/${request.httpVersion}`,
        serverPort,
      },
      match,
    );
    const handler = options.handlers[match.route.functionName];
    let result: APIGatewayProxyStructuredResultV2;
    try {
      result = await handler(event);
    } catch (error) {
      console.error(`[api] function ${match.route.functionName} threw for ${match.routeKey}:`, error);
      sendJson(response, 500, { message: "Internal Server Error" }, corsHeaders);
      return;
    }
    writeResult(response, result, corsHeaders);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  serverPort = (server.address() as AddressInfo).port;
  const urlHost = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${serverPort}`,
    port: serverPort,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function sourceIpOf(request: IncomingMessage, trustForwardedFor: boolean): string {
  if (trustForwardedFor) {
    const forwarded = request.headers["x-forwarded-for"];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
    if (first) return first;
  }
  const address = request.socket.remoteAddress ?? "127.0.0.1";
  return address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer | "too-large"> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      request.resume();
      resolve("too-large");
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on("data", (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        resolve("too-large");
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => {
      if (!tooLarge) resolve(Buffer.concat(chunks));
    });
    request.on("error", reject);
  });
}

function writeResult(
  response: ServerResponse,
  result: APIGatewayProxyStructuredResultV2,
  corsHeaders: Record<string, string>,
): void {
  const headers: Record<string, string | string[]> = { ...corsHeaders };
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name.toLowerCase()] = String(value);
  if (result.cookies && result.cookies.length > 0) headers["set-cookie"] = result.cookies;
  const body =
    result.body === undefined
      ? Buffer.alloc(0)
      : result.isBase64Encoded
        ? Buffer.from(result.body, "base64")
        : Buffer.from(result.body, "utf8");
  headers["content-length"] = String(body.length);
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
  });
  response.end(text);
}
