import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { controlRoutes } from "./control-routes.js";
import { EmulatorState } from "./emulator-state.js";
import { graphRoutes } from "./graph-routes.js";
import { BodyTooLargeError, readBody, writeJson, writePreflight, writeRaw } from "./http-io.js";
import { oauthRoutes } from "./oauth-routes.js";
import { sendRoutes } from "./send-routes.js";
import { notificationControlRoutes } from "./notification-control-routes.js";
import type { EmulatorConfig, Route, RouteResult } from "./route-table.js";
import { matchRoute } from "./route-table.js";
import { zaloError, zaloErrorCode } from "./zalo-errors.js";

export type ZaloEmulatorOptions = {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  appId: string;
  appSecret: string;
  oaId: string;
  oaSecretKey: string;
  /** Milliseconds since the epoch; injectable so tests can expire tokens without waiting. */
  now?: () => number;
  /** A refresh token accepted by /v4/oa/access_token from the start, as a developer would paste one. */
  oaRefreshToken?: string;
};

export type ZaloEmulator = {
  url: string;
  port: number;
  close(): Promise<void>;
};

const routes: readonly Route[] = [...graphRoutes, ...oauthRoutes, ...sendRoutes, ...controlRoutes, ...notificationControlRoutes];

export async function startZaloEmulator(options: ZaloEmulatorOptions): Promise<ZaloEmulator> {
  const config: EmulatorConfig = {
    appId: options.appId,
    appSecret: options.appSecret,
    oaId: options.oaId,
    oaSecretKey: options.oaSecretKey,
    now: options.now ?? Date.now,
  };
  const state = new EmulatorState(config.now, options.oaRefreshToken);

  const server = createServer((req, res) => {
    handleRequest(req, res, state, config).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      writeJson(res, 500, zaloError(zaloErrorCode.internal, message));
    });
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets from fetch would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

async function handleRequest(
  req: IncomingMessage,
  res: ServerResponse,
  state: EmulatorState,
  config: EmulatorConfig,
): Promise<void> {
  const method = req.method ?? "GET";
  if (method === "OPTIONS") {
    writePreflight(res);
    return;
  }
  const url = new URL(req.url ?? "/", "http://emulator.invalid");

  let rawBody: Buffer;
  try {
    rawBody = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      writeJson(res, 413, zaloError(zaloErrorCode.payloadTooLarge, error.message), { connection: "close" });
      return;
    }
    throw error;
  }

  const match = matchRoute(routes, method, url.pathname);
  if (!match.found) {
    if (match.allowedMethods.length > 0) {
      const message = `${method} not allowed on ${url.pathname}`;
      writeJson(res, 405, zaloError(zaloErrorCode.methodNotAllowed, message), {
        allow: [...match.allowedMethods, "OPTIONS"].join(", "),
      });
      return;
    }
    writeJson(res, 404, zaloError(zaloErrorCode.notFound, `No route for ${method} ${url.pathname}`));
    return;
  }

  const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
  const result = await match.route.handle({ req, url, params: match.params, rawBody, state, config, origin });
  writeResult(res, result);
}

function writeResult(res: ServerResponse, result: RouteResult): void {
  if ("text" in result) writeRaw(res, result.status, result.text, result.headers);
  else writeJson(res, result.status, result.json, result.headers);
}
