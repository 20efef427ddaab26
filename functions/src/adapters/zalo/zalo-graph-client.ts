import { createHmac } from "node:crypto";
import * as z from "zod/mini";
import type { ZaloGraph, ZaloUser } from "../../ports/zalo-graph.js";
import { ZaloHttpClient, type ZaloHttpOptions } from "./zalo-http-client.js";

/** Zalo answers errors with HTTP 200 and a non-zero `error`; these mean the user token is not valid. */
const invalidTokenErrors = new Set([-216, -220, -124, -201]);

const meResponse = z.lazy(() => z.object({
  error: z.optional(z.number()),
  message: z.optional(z.string()),
  id: z.optional(z.string()),
  name: z.optional(z.string()),
  user_id_by_oa: z.optional(z.string()),
  is_follower: z.optional(z.boolean()),
}));

export class ZaloApiError extends Error {
  constructor(
    message: string,
    readonly zaloError: number | undefined,
  ) {
    super(message);
  }
}

export interface ZaloGraphClientOptions extends ZaloHttpOptions {
  baseUrl: string;
  appSecret: string;
  /**
   * Whether to send `appsecret_proof` (HMAC-SHA256 of the token with the app secret). Zalo's own SDK makes it
   * optional; a third-party source says it is mandatory on /v2.0/me since 2024. UNCONFIRMED, hence a setting.
   */
  sendAppSecretProof: boolean;
  timeoutMs?: number;
}

export class ZaloGraphClient extends ZaloHttpClient<ZaloGraphClientOptions> implements ZaloGraph {
  async getUserByAccessToken(accessToken: string): Promise<ZaloUser | null> {
    const url = new URL("/v2.0/me", this.options.baseUrl);
    url.searchParams.set("fields", "id,name,picture,user_id_by_oa,is_follower");
    const headers: Record<string, string> = { access_token: accessToken };
    if (this.options.sendAppSecretProof) {
      headers.appsecret_proof = createHmac("sha256", this.options.appSecret).update(accessToken).digest("hex");
    }
    const response = await this.fetch(url, { headers, signal: AbortSignal.timeout(this.options.timeoutMs ?? 3000) });
    if (!response.ok) throw new ZaloApiError(`Zalo Graph answered HTTP ${response.status}`, undefined);
    const body = meResponse.parse(await response.json());
    if (body.error !== undefined && body.error !== 0) {
      if (invalidTokenErrors.has(body.error)) return null;
      throw new ZaloApiError(`Zalo Graph error ${body.error}: ${body.message ?? ""}`, body.error);
    }
    if (!body.id) throw new ZaloApiError("Zalo Graph answered without a user id", undefined);
    return {
      zaloAppUserId: body.id,
      name: body.name ?? "",
      zaloOaUserId: body.user_id_by_oa ? body.user_id_by_oa : null,
      isFollower: body.is_follower ?? false,
    };
  }
}
