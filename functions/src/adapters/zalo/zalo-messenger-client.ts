import * as z from "zod/mini";
import type { QuotaReport, SendOutcome } from "../../domain/send-outcome.js";
import type { OaTemplateMessage, ZaloMessenger, ZnsMessage } from "../../ports/zalo-messenger.js";
import { sendFailureKindOf } from "./zalo-send-codes.js";
import { ZaloHttpClient, type ZaloHttpOptions } from "./zalo-http-client.js";

const count = () => z.coerce.number().check(z.int(), z.nonnegative());
const quotaSchema = z.lazy(() => z.object({ dailyQuota: count(), remainingQuota: count() }));

const sendResponse = z.lazy(() => z.object({
  error: z.coerce.number(),
  message: z.optional(z.string()),
  data: z.nullish(z.looseObject({ message_id: z.optional(z.string()), msg_id: z.optional(z.string()), quota: z.optional(z.unknown()) })),
}));

/**
 * Where the follower's id goes in a template message by UID: the 2026 body's shape is still open
 * (reference §9): `user_id` at the top, or `recipient.user_id` as in the other OA send endpoints.
 */
export type UidBodyShape = "user_id" | "recipient";

function quotaOf(data: { quota?: unknown } | null | undefined): QuotaReport | null {
  const parsed = quotaSchema.safeParse(data?.quota);
  return parsed.success ? parsed.data : null;
}

export interface ZaloMessengerClientOptions extends ZaloHttpOptions {
  /** `https://openapi.zalo.me` (OA Open API v3). */
  oaBaseUrl: string;
  /** `https://business.openapi.zalo.me` (ZNS / ZBS template messages). */
  znsBaseUrl: string;
  timeoutMs: number;
  /** Sends ZNS with `mode: "development"` (only the OA's and app's admins receive them). */
  znsDevelopmentMode: boolean;
  uidBodyShape: UidBodyShape;
}

/** OA template messages to followers and ZNS by phone, with the OA access token in the `access_token` header. */
export class ZaloMessengerClient extends ZaloHttpClient<ZaloMessengerClientOptions> implements ZaloMessenger {
  sendOaTemplate(accessToken: string, message: OaTemplateMessage): Promise<SendOutcome> {
    const recipient = this.options.uidBodyShape === "recipient" ? { recipient: { user_id: message.zaloOaUserId } } : { user_id: message.zaloOaUserId };
    return this.post(new URL("/v3.0/oa/message/template", this.options.oaBaseUrl), accessToken, {
      ...recipient,
      template_id: message.templateId,
      template_data: message.templateData,
    });
  }

  sendZns(accessToken: string, message: ZnsMessage): Promise<SendOutcome> {
    return this.post(new URL("/message/template", this.options.znsBaseUrl), accessToken, {
      phone: message.phone,
      template_id: message.templateId,
      template_data: message.templateData,
      tracking_id: message.trackingId,
      ...(this.options.znsDevelopmentMode ? { mode: "development" } : {}),
    });
  }

  private async post(url: URL, accessToken: string, body: unknown): Promise<SendOutcome> {
    let response: Response;
    try {
      response = await this.fetch(url, {
        method: "POST",
        headers: { access_token: accessToken, "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      return { ok: false, failure: "retryable", code: null, message: timedOut ? "timeout" : `network: ${String(error)}`, quota: null };
    }
    if (response.status >= 500 || response.status === 429) {
      await response.body?.cancel();
      return { ok: false, failure: "retryable", code: null, message: `HTTP ${response.status}`, quota: null };
    }
    let parsed: z.infer<typeof sendResponse>;
    try {
      parsed = sendResponse.parse(await response.json());
    } catch {
      return { ok: false, failure: "retryable", code: null, message: `HTTP ${response.status} without a Zalo envelope`, quota: null };
    }
    const quota = quotaOf(parsed.data);
    if (parsed.error !== 0) {
      return { ok: false, failure: sendFailureKindOf(parsed.error), code: parsed.error, message: parsed.message ?? "", quota };
    }
    const messageId = parsed.data?.message_id ?? parsed.data?.msg_id;
    if (!messageId) return { ok: false, failure: "permanent", code: null, message: "success without a message id", quota };
    return { ok: true, messageId, quota };
  }
}
