import { sameSecret } from "./constant-time.js";
import type { EmulatedUser, PhoneTokenRedemption } from "./emulator-state.js";
import { headerValue } from "./http-io.js";
import type { Route, RouteContext, RouteResult } from "./route-table.js";
import { zaloError, zaloErrorCode } from "./zalo-errors.js";

const success = { error: zaloErrorCode.success, message: "Success" } as const;
const invalidAccessToken = zaloError(zaloErrorCode.accessTokenInvalid, "Access token is invalid");

/** Fields /v2.0/me can return, and the default set when the caller names none. */
const meFields = ["id", "name", "picture", "user_id_by_oa", "is_follower", "is_sensitive"] as const;
type MeField = (typeof meFields)[number];

export const graphRoutes: Route[] = [
  { method: "GET", path: "/v2.0/me", kind: "zalo", handle: getMe },
  { method: "GET", path: "/v2.0/me/info", kind: "zalo", handle: getMeInfo },
];

/** Zalo answers Graph API errors with HTTP 200 and a flat `{error, message}`. */
function zaloOk(json: object): RouteResult {
  return { status: 200, json };
}

function getMe(ctx: RouteContext): RouteResult {
  const user = ctx.state.userByAccessToken(headerValue(ctx.req, "access_token"));
  if (!user) return zaloOk(invalidAccessToken);
  const profile = profileOf(user, ctx.origin);
  const requested = requestedFields(ctx.url.searchParams.get("fields"));
  const selected = Object.fromEntries(requested.map((field) => [field, profile[field]]));
  return zaloOk({ ...selected, ...success });
}

/**
 * The emulated Mini App is linked to the OA, so `user_id_by_oa` is always present (zmp-sdk d.ts: it is
 * when the app is linked); `is_follower` carries the follow state.
 */
function profileOf(user: EmulatedUser, origin: string): Record<MeField, unknown> {
  return {
    id: user.zaloAppUserId,
    name: user.name,
    picture: { data: { url: `${origin}/_emulator/avatars/${user.zaloAppUserId}.svg` } },
    user_id_by_oa: user.zaloOaUserId,
    is_follower: user.follower,
    is_sensitive: false,
  };
}

function requestedFields(fieldsParam: string | null): MeField[] {
  if (!fieldsParam) return [...meFields];
  const names = fieldsParam.split(",").map((name) => name.trim());
  // Zalo always returns the id, whatever the caller asked for.
  return meFields.filter((field) => field === "id" || names.includes(field));
}

function getMeInfo(ctx: RouteContext): RouteResult {
  const secretKey = headerValue(ctx.req, "secret_key");
  if (!secretKey || !sameSecret(secretKey, ctx.config.appSecret)) {
    return zaloOk(zaloError(zaloErrorCode.secretKeyInvalid, "Invalid secret key"));
  }
  const user = ctx.state.userByAccessToken(headerValue(ctx.req, "access_token"));
  if (!user) return zaloOk(invalidAccessToken);
  const code = headerValue(ctx.req, "code");
  if (!code) return zaloOk(zaloError(zaloErrorCode.invalidParameter, "code is invalid"));
  const redemption = ctx.state.redeemPhoneToken(code, user);
  if (!redemption.ok) return zaloOk(phoneTokenError(redemption.reason));
  return zaloOk({ data: { number: redemption.phone }, ...success });
}

function phoneTokenError(reason: Extract<PhoneTokenRedemption, { ok: false }>["reason"]) {
  switch (reason) {
    case "unknown":
      return zaloError(zaloErrorCode.invalidParameter, "code is invalid");
    case "used":
      return zaloError(zaloErrorCode.invalidParameter, "code has already been used");
    case "expired":
      return zaloError(zaloErrorCode.invalidParameter, "code has expired");
    case "other-user":
      return zaloError(zaloErrorCode.invalidParameter, "code was not issued for this access token");
    case "no-phone":
      return zaloError(zaloErrorCode.phoneNumberMissing, "User has no phone number");
  }
}
