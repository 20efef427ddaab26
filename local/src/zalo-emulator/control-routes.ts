import type { z } from "zod";
import type { EmulatedUser } from "./emulator-state.js";
import { UserExistsError } from "./emulator-state.js";
import { accessTokenBody, createUserBody, followBody } from "./control-schemas.js";
import type { Route, RouteContext, RouteResult } from "./route-table.js";
import { zaloError, zaloErrorCode } from "./zalo-errors.js";

export const controlRoutes: Route[] = [
  { method: "GET", path: "/_emulator/users", kind: "control", handle: listUsers },
  { method: "POST", path: "/_emulator/users", kind: "control", handle: createUser },
  { method: "POST", path: "/_emulator/users/{zaloAppUserId}/tokens", kind: "control", handle: issueToken },
  { method: "POST", path: "/_emulator/users/{zaloAppUserId}/follow", kind: "control", handle: setFollower },
  { method: "POST", path: "/_emulator/users/{zaloAppUserId}/interact", kind: "control", handle: allowOaMessages },
  { method: "POST", path: "/_emulator/tokens/revoke", kind: "control", handle: revokeToken },
  { method: "POST", path: "/_emulator/phone-tokens", kind: "control", handle: issuePhoneToken },
  { method: "GET", path: "/_emulator/messages", kind: "control", handle: listMessages },
  { method: "POST", path: "/_emulator/oa-tokens", kind: "control", handle: issueOaTokens },
  { method: "POST", path: "/_emulator/reset", kind: "control", handle: reset },
  { method: "GET", path: "/_emulator/avatars/{file}", kind: "control", handle: avatar },
];

type ParsedBody<T> = { ok: true; value: T } | { ok: false; result: RouteResult };

function parseBody<T>(ctx: RouteContext, schema: z.ZodType<T>): ParsedBody<T> {
  let json: unknown;
  try {
    json = JSON.parse(ctx.rawBody.toString("utf8"));
  } catch {
    return { ok: false, result: badRequest("Body must be JSON") };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
  return { ok: false, result: badRequest(message) };
}

function badRequest(message: string): RouteResult {
  return { status: 400, json: zaloError(zaloErrorCode.invalidParameter, message) };
}

function userNotFound(zaloAppUserId: string): RouteResult {
  return { status: 404, json: zaloError(zaloErrorCode.notFound, `No user ${zaloAppUserId}`) };
}

function userView(user: EmulatedUser) {
  return {
    zaloAppUserId: user.zaloAppUserId,
    zaloOaUserId: user.zaloOaUserId,
    name: user.name,
    phone: user.phone ?? null,
    follower: user.follower,
  };
}

function listUsers(ctx: RouteContext): RouteResult {
  const users = ctx.state
    .listUsers()
    .map((user) => ({ ...userView(user), accessTokens: ctx.state.accessTokensOf(user.zaloAppUserId) }));
  return { status: 200, json: { users } };
}

function createUser(ctx: RouteContext): RouteResult {
  const body = parseBody(ctx, createUserBody);
  if (!body.ok) return body.result;
  try {
    const user = ctx.state.createUser(body.value);
    const accessToken = ctx.state.issueAccessToken(user.zaloAppUserId);
    return { status: 201, json: { ...userView(user), accessToken } };
  } catch (error) {
    if (error instanceof UserExistsError) {
      return { status: 409, json: zaloError(zaloErrorCode.conflict, error.message) };
    }
    throw error;
  }
}

function issueToken(ctx: RouteContext): RouteResult {
  const zaloAppUserId = ctx.params.zaloAppUserId ?? "";
  if (!ctx.state.findUser(zaloAppUserId)) return userNotFound(zaloAppUserId);
  return { status: 201, json: { accessToken: ctx.state.issueAccessToken(zaloAppUserId) } };
}

function setFollower(ctx: RouteContext): RouteResult {
  const zaloAppUserId = ctx.params.zaloAppUserId ?? "";
  const body = parseBody(ctx, followBody);
  if (!body.ok) return body.result;
  const user = ctx.state.setFollower(zaloAppUserId, body.value.follower);
  return user ? { status: 200, json: userView(user) } : userNotFound(zaloAppUserId);
}

/** What zmp-sdk's interactOA grants: the OA may message the user (counted as an interaction, as Zalo counts it). */
function allowOaMessages(ctx: RouteContext): RouteResult {
  const zaloAppUserId = ctx.params.zaloAppUserId ?? "";
  const user = ctx.state.findUser(zaloAppUserId);
  if (!user) return userNotFound(zaloAppUserId);
  user.lastInteractionAt = ctx.config.now();
  return { status: 200, json: userView(user) };
}

function revokeToken(ctx: RouteContext): RouteResult {
  const body = parseBody(ctx, accessTokenBody);
  if (!body.ok) return body.result;
  if (!ctx.state.revokeAccessToken(body.value.accessToken)) {
    return { status: 404, json: zaloError(zaloErrorCode.notFound, "Unknown access token") };
  }
  return { status: 200, json: { revoked: true } };
}

/** What zmp-sdk getPhoneNumber hands the Mini App: a token the backend exchanges on /v2.0/me/info. */
function issuePhoneToken(ctx: RouteContext): RouteResult {
  const body = parseBody(ctx, accessTokenBody);
  if (!body.ok) return body.result;
  const user = ctx.state.userByAccessToken(body.value.accessToken);
  if (!user) {
    return { status: 400, json: zaloError(zaloErrorCode.accessTokenInvalid, "Access token is invalid") };
  }
  return { status: 201, json: { token: ctx.state.issuePhoneToken(user.zaloAppUserId) } };
}

function listMessages(ctx: RouteContext): RouteResult {
  const messages = ctx.state.listMessages().map(({ sentAt, ...message }) => ({
    ...message,
    at: new Date(sentAt).toISOString(),
  }));
  return { status: 200, json: { messages } };
}

/** Stands in for the API Explorer of Zalo for Developers, which hands a developer a first OA token pair. */
function issueOaTokens(ctx: RouteContext): RouteResult {
  const pair = ctx.state.issueOaTokenPair();
  return {
    status: 201,
    json: { accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresIn: pair.expiresInSeconds },
  };
}

function reset(ctx: RouteContext): RouteResult {
  ctx.state.reset();
  return { status: 200, json: { reset: true } };
}

/** Serves the picture URL of /v2.0/me, so the browser Mini App shows an avatar without Zalo's CDN. */
function avatar(ctx: RouteContext): RouteResult {
  const zaloAppUserId = (ctx.params.file ?? "").replace(/\.svg$/, "");
  const user = ctx.state.findUser(zaloAppUserId);
  if (!user) return userNotFound(zaloAppUserId);
  const initial = escapeXml(user.name.trim().split(/\s+/).pop()?.charAt(0).toUpperCase() ?? "?");
  const hue = Number(BigInt(user.zaloAppUserId) % 360n);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">` +
    `<rect width="120" height="120" fill="hsl(${hue} 55% 45%)"/>` +
    `<text x="60" y="78" font-size="52" font-family="sans-serif" text-anchor="middle" fill="#fff">${initial}</text>` +
    `</svg>`;
  return { status: 200, text: svg, headers: { "content-type": "image/svg+xml" } };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
