import * as z from "zod/mini";
import type { PhoneNumberExchange, PhoneNumberExchangeResult } from "../../ports/phone-number-exchange.js";
import { ZaloApiError } from "./zalo-graph-client.js";
import { ZaloHttpClient, type ZaloHttpOptions } from "./zalo-http-client.js";

/** `code` unknown, used, expired or issued to someone else: Zalo answers -201 ("… is invalid"). */
const invalidPhoneTokenError = -201;
/** The user's access token (already checked on /v2.0/me moments before, so rare here). */
const invalidAccessTokenErrors = new Set([-216, -220]);

const meInfoResponse = z.lazy(() => z.object({
  error: z.optional(z.number()),
  message: z.optional(z.string()),
  data: z.optional(z.object({ number: z.string() })),
}));

export interface ZaloPhoneExchangeClientOptions extends ZaloHttpOptions {
  baseUrl: string;
  /** The Zalo app secret (`secret_key`); it stays on the server. */
  appSecret: string;
  timeoutMs?: number;
}

/** Graph API `GET /v2.0/me/info` (reference/zalo-platform.md §6.3). */
export class ZaloPhoneExchangeClient extends ZaloHttpClient<ZaloPhoneExchangeClientOptions> implements PhoneNumberExchange {
  async exchange(accessToken: string, phoneToken: string): Promise<PhoneNumberExchangeResult> {
    const response = await this.fetch(new URL("/v2.0/me/info", this.options.baseUrl), {
      headers: { access_token: accessToken, code: phoneToken, secret_key: this.options.appSecret },
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 3000),
    });
    if (!response.ok) throw new ZaloApiError(`Zalo phone exchange answered HTTP ${response.status}`, undefined);
    const body = meInfoResponse.parse(await response.json());
    if (body.error !== undefined && body.error !== 0) {
      if (body.error === invalidPhoneTokenError) return { kind: "invalid_phone_token" };
      if (invalidAccessTokenErrors.has(body.error)) return { kind: "invalid_access_token" };
      // -124 and the rest: our own credentials (the app secret) or Zalo itself, not the citizen.
      throw new ZaloApiError(`Zalo phone exchange error ${body.error}: ${body.message ?? ""}`, body.error);
    }
    if (!body.data?.number) throw new ZaloApiError("Zalo phone exchange answered without a number", undefined);
    return { kind: "verified", phone: body.data.number };
  }
}
