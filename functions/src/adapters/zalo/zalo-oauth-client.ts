import * as z from "zod/mini";
import type { OAuthRefreshResult, ZaloOAuth } from "../../ports/oa-token-store.js";
import { ZaloHttpClient, type ZaloHttpOptions } from "./zalo-http-client.js";

const refreshResponse = z.lazy(() => z.object({
  access_token: z.optional(z.string()),
  refresh_token: z.optional(z.string()),
  // Zalo sends it as a string ("90000").
  expires_in: z.optional(z.coerce.number()),
  error: z.optional(z.coerce.number()),
  error_name: z.optional(z.string()),
  error_description: z.optional(z.string()),
  message: z.optional(z.string()),
}));

export interface ZaloOAuthClientOptions extends ZaloHttpOptions {
  /** `https://oauth.zaloapp.com`. */
  baseUrl: string;
  appId: string;
  appSecret: string;
  timeoutMs: number;
}

/** `POST /v4/oa/access_token`, form-encoded, with the app secret in the `secret_key` header (reference §4.4). */
export class ZaloOAuthClient extends ZaloHttpClient<ZaloOAuthClientOptions> implements ZaloOAuth {
  async refresh(refreshToken: string): Promise<OAuthRefreshResult> {
    const response = await this.fetch(new URL("/v4/oa/access_token", this.options.baseUrl), {
      method: "POST",
      headers: { secret_key: this.options.appSecret, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ refresh_token: refreshToken, app_id: this.options.appId, grant_type: "refresh_token" }).toString(),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (!response.ok) return { ok: false, code: null, message: `HTTP ${response.status}` };
    const body = refreshResponse.parse(await response.json());
    if (body.access_token && body.refresh_token && body.expires_in) {
      return { ok: true, accessToken: body.access_token, refreshToken: body.refresh_token, expiresInSeconds: body.expires_in };
    }
    return { ok: false, code: body.error ?? null, message: body.error_description ?? body.error_name ?? body.message ?? "no token in answer" };
  }
}
