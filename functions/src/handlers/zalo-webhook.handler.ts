import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import * as z from "zod/mini";
import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import type { WebhookEventResult, ZaloWebhookEvent } from "../use-cases/handle-zalo-webhook-event.js";
import { header, maxBodyBytes, rawBody } from "./http/request.js";
import { errorResponse, json } from "./http/responses.js";
import { verifyZaloWebhookSignature, type WebhookMacFirstTerm, type WebhookMacKey } from "./http/zalo-webhook-signature.js";

export interface ZaloWebhookHandlerDeps {
  appId: string;
  appSecret: string;
  oaSecretKey: string;
  macFirstTerm: WebhookMacFirstTerm;
  macKey: WebhookMacKey;
  handleEvent: (event: ZaloWebhookEvent) => Promise<WebhookEventResult>;
  clock: Clock;
  /** Signed events older than this (or dated more than 5 minutes ahead) are refused: a captured event cannot be replayed. */
  maxAgeSeconds: number;
  log: Logger;
}

const idString = () => z.pipe(z.union([z.string(), z.number()]), z.transform(String));
const webhookBody = z.lazy(() => z.object({
  app_id: idString(),
  oa_id: z.optional(idString()),
  event_name: z.string().check(z.minLength(1), z.maxLength(100)),
  timestamp: idString().check(z.refine((value) => /^\d{10,16}$/.test(value), "timestamp must be epoch milliseconds")),
  user_id_by_app: z.optional(idString()),
  follower: z.optional(z.object({ id: idString() })),
  sender: z.optional(z.object({ id: idString() })),
  message: z.optional(z.object({ msg_id: z.optional(idString()), text: z.optional(z.string().check(z.maxLength(4000))), tracking_id: z.optional(z.string().check(z.maxLength(48))) })),
}));

const futureSkewMs = 5 * 60 * 1000;

/**
 * `POST /v1/zalo/webhook`: OA events (follow, unfollow, user_send_text, and user_received_message, which settles a
 * message whose sending was in doubt), signed by Zalo, answered fast.
 */
export function buildZaloWebhookHandler(deps: ZaloWebhookHandlerDeps) {
  const { log } = deps;
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const body = rawBody(event);
    if (body.length > maxBodyBytes) return errorResponse(413, "PAYLOAD_TOO_LARGE", `body over ${maxBodyBytes} bytes`);
    let parsed: z.infer<typeof webhookBody>;
    try {
      const result = webhookBody.safeParse(JSON.parse(body.toString("utf8")));
      if (!result.success) return errorResponse(400, "INVALID_EVENT", result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      parsed = result.data;
    } catch {
      return errorResponse(400, "INVALID_JSON", "body must be JSON");
    }

    const signature = verifyZaloWebhookSignature({
      header: header(event, "x-zevent-signature"),
      rawBody: body,
      appId: parsed.app_id,
      oaId: parsed.oa_id ?? null,
      timestamp: parsed.timestamp,
      oaSecretKey: deps.oaSecretKey,
      appSecret: deps.appSecret,
      firstTerm: deps.macFirstTerm,
      key: deps.macKey,
    });
    if (!signature.ok) {
      log.warn("zalo webhook signature refused", { eventName: parsed.event_name, sourceIp: event.requestContext.http.sourceIp });
      return errorResponse(401, "BAD_SIGNATURE", "X-ZEvent-Signature does not match");
    }
    if (parsed.app_id !== deps.appId) return errorResponse(401, "WRONG_APP", "event for another app");
    const ageMs = deps.clock.now().getTime() - Number(parsed.timestamp);
    if (ageMs > deps.maxAgeSeconds * 1000 || ageMs < -futureSkewMs) {
      log.warn("zalo webhook event outside the freshness window", { eventName: parsed.event_name, timestamp: parsed.timestamp });
      return errorResponse(401, "STALE_EVENT", `timestamp is outside the ${deps.maxAgeSeconds} s freshness window`);
    }

    const result = await deps.handleEvent({
      eventName: parsed.event_name,
      timestampMs: Number(parsed.timestamp),
      userIdByApp: parsed.user_id_by_app ?? null,
      followerId: parsed.follower?.id ?? null,
      senderId: parsed.sender?.id ?? null,
      msgId: parsed.message?.msg_id ?? null,
      text: parsed.message?.text ?? null,
      trackingId: parsed.message?.tracking_id ?? null,
    });
    log.info("zalo webhook event", { eventName: parsed.event_name, result, signatureReading: signature.reading });
    return json(200, { result });
  };
}
