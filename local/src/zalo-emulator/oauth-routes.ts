import { sameSecret } from "./constant-time.js";
import { headerValue } from "./http-io.js";
import type { Route, RouteContext, RouteResult } from "./route-table.js";
import { zaloErrorCode } from "./zalo-errors.js";

export const oauthRoutes: Route[] = [
  { method: "POST", path: "/v4/oa/access_token", kind: "zalo", handle: refreshOaAccessToken },
];

function oauthError(error: number, name: string, reason: string): RouteResult {
  return { status: 200, json: { error, error_name: name, error_reason: reason, error_description: reason } };
}

/** Form-encoded, secret in the `secret_key` header, as the PHP and Java SDKs send it. */
function refreshOaAccessToken(ctx: RouteContext): RouteResult {
  const form = new URLSearchParams(ctx.rawBody.toString("utf8"));
  const secretKey = headerValue(ctx.req, "secret_key");
  if (!secretKey || !sameSecret(secretKey, ctx.config.appSecret)) {
    return oauthError(zaloErrorCode.oauthParameterInvalid, "Invalid secret key", "secret_key is invalid");
  }
  if (form.get("app_id") !== ctx.config.appId) {
    return oauthError(zaloErrorCode.oauthParameterInvalid, "Invalid app id", "app_id is invalid");
  }
  if (form.get("grant_type") !== "refresh_token") {
    return oauthError(zaloErrorCode.oauthParameterInvalid, "Invalid grant type", "grant_type is unsupported");
  }
  const pair = ctx.state.rotateOaRefreshToken(form.get("refresh_token") ?? "");
  if (!pair) {
    return oauthError(
      zaloErrorCode.refreshTokenInvalid,
      "Invalid refresh token",
      "Refresh token is invalid, expired or already used",
    );
  }
  return {
    status: 200,
    // Zalo sends expires_in as a string.
    json: {
      access_token: pair.accessToken,
      refresh_token: pair.refreshToken,
      expires_in: String(pair.expiresInSeconds),
    },
  };
}
