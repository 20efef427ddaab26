import type { IncomingMessage, OutgoingHttpHeaders } from "node:http";
import type { EmulatorState } from "./emulator-state.js";

export type EmulatorConfig = {
  appId: string;
  appSecret: string;
  oaId: string;
  oaSecretKey: string;
  now: () => number;
};

export type RouteContext = {
  req: IncomingMessage;
  url: URL;
  params: Record<string, string>;
  rawBody: Buffer;
  state: EmulatorState;
  config: EmulatorConfig;
  /** Origin the caller used to reach us, for URLs we hand out (avatars). */
  origin: string;
};

export type RouteResult =
  | { status: number; json: unknown; headers?: OutgoingHttpHeaders }
  | { status: number; text: string; headers: OutgoingHttpHeaders };

/**
 * `zalo` routes mimic a Zalo API (errors are HTTP 200 with `error != 0`); `control` routes are ours.
 * The distinction is where fault injection will hook in: only `zalo` routes should be made to fail.
 */
export type RouteKind = "zalo" | "control";

export type Route = {
  method: "GET" | "POST";
  /** Literal segments and `{name}` parameters, e.g. `/_emulator/users/{zaloAppUserId}/tokens`. */
  path: string;
  kind: RouteKind;
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
};

export type RouteMatch =
  | { found: true; route: Route; params: Record<string, string> }
  | { found: false; allowedMethods: string[] };

export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const allowedMethods: string[] = [];
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (!params) continue;
    if (route.method === method) return { found: true, route, params };
    allowedMethods.push(route.method);
  }
  return { found: false, allowedMethods };
}

function matchPath(template: string, pathname: string): Record<string, string> | undefined {
  const expected = template.split("/");
  const actual = pathname.split("/");
  if (expected.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of expected.entries()) {
    const value = actual[index] ?? "";
    if (segment.startsWith("{") && segment.endsWith("}")) {
      if (value === "") return undefined;
      const decoded = safeDecode(value);
      if (decoded === undefined) return undefined;
      params[segment.slice(1, -1)] = decoded;
    } else if (segment !== value) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
