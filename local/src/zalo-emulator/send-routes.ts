import { setTimeout as sleep } from "node:timers/promises";
import { headerValue } from "./http-io.js";
import { normalisePhoneNumber } from "./phone-number.js";
import type { Route, RouteContext, RouteResult } from "./route-table.js";

/** OA template / CS messages (openapi.zalo.me) and ZNS by phone (business.openapi.zalo.me), reference §4–5. */
export const sendRoutes: Route[] = [
  { method: "POST", path: "/v3.0/oa/message/template", kind: "zalo", handle: (ctx) => guarded(ctx, sendOaTemplate) },
  { method: "POST", path: "/v3.0/oa/message/cs", kind: "zalo", handle: (ctx) => guarded(ctx, sendOaCs) },
  { method: "POST", path: "/message/template", kind: "zalo", handle: (ctx) => guarded(ctx, sendZns) },
];

const interactionWindowMs = 7 * 24 * 60 * 60 * 1000;

const fail = (error: number, message: string): RouteResult => ({ status: 200, json: { error, message } });

/** Faults, then the access token, then the send-rate quota, as a real send call would meet them. */
async function guarded(ctx: RouteContext, send: (ctx: RouteContext, body: Record<string, unknown>) => RouteResult): Promise<RouteResult> {
  const fault = ctx.state.takeFault();
  if (fault && "delayMs" in fault) await sleep(fault.delayMs);
  else if (fault && "answerDelayMs" in fault) {
    const answer = checkedSend(ctx, send);
    await sleep(fault.answerDelayMs);
    return answer;
  } else if (fault && "httpStatus" in fault) return { status: fault.httpStatus, json: { error: -500, message: `Injected HTTP ${fault.httpStatus}` } };
  else if (fault) return fail(fault.error, `Injected error ${fault.error}`);
  return checkedSend(ctx, send);
}

function checkedSend(ctx: RouteContext, send: (ctx: RouteContext, body: Record<string, unknown>) => RouteResult): RouteResult {
  if (!ctx.state.isOaAccessTokenValid(headerValue(ctx.req, "access_token"))) return fail(-216, "Access token is invalid");
  let body: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(ctx.rawBody.toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) return fail(-201, "Body is invalid");
    body = parsed as Record<string, unknown>;
  } catch {
    return fail(-201, "Body is invalid");
  }
  if (!ctx.state.admitSend()) return fail(-32, "Your application/OA reached limit call api");
  return send(ctx, body);
}

function templateFields(body: Record<string, unknown>): { templateId: string; templateData: Record<string, unknown> } | RouteResult {
  const templateId = body["template_id"];
  const templateData = body["template_data"];
  if (typeof templateId !== "string" || !/^\d+$/.test(templateId)) return fail(-109, "Template id is invalid");
  if (typeof templateData !== "object" || templateData === null || Object.keys(templateData).length === 0) {
    return fail(-111, "Template data is empty");
  }
  return { templateId, templateData: templateData as Record<string, unknown> };
}

/** Zalo reports counts as strings. */
const quotaJson = (quota: { dailyQuota: number; remainingQuota: number }) => ({
  dailyQuota: String(quota.dailyQuota),
  remainingQuota: String(quota.remainingQuota),
});

/**
 * ZBS template message by Zalo UID. The body's shape is still open in 2026 (reference §9): the user id at the top
 * (`user_id`) or as in the other OA endpoints (`recipient.user_id`); both are accepted and the accepted message
 * records which one came, so a test can tell the product's reading.
 */
function sendOaTemplate(ctx: RouteContext, body: Record<string, unknown>): RouteResult {
  const recipient = body["recipient"] as { user_id?: unknown } | undefined;
  const topLevel = body["user_id"];
  const nested = typeof recipient === "object" && recipient !== null ? recipient.user_id : undefined;
  const userId = typeof topLevel === "string" ? topLevel : nested;
  if (typeof userId !== "string") return fail(-201, "user_id is invalid");
  const user = ctx.state.findUserByOaId(userId);
  if (!user?.follower) return fail(-213, "User has not followed the OA");
  const fields = templateFields(body);
  if ("status" in fields) return fields;
  const quota = ctx.state.spendDailyQuota("oa");
  if (!quota) return fail(-211, "Out of quota");
  const uidBody = typeof topLevel === "string" ? "user_id" : "recipient";
  const accepted = ctx.state.recordMessage({ channel: "oa_template", recipient: userId, uidBody, ...fields });
  return {
    status: 200,
    json: {
      error: 0,
      message: "Success",
      data: { message_id: accepted.messageId, user_id: userId, sent_time: String(accepted.sentAt), quota: quotaJson(quota) },
    },
  };
}

function sendOaCs(ctx: RouteContext, body: Record<string, unknown>): RouteResult {
  const recipient = body["recipient"] as { user_id?: unknown } | undefined;
  const message = body["message"] as { text?: unknown } | undefined;
  const userId = recipient?.user_id;
  if (typeof userId !== "string") return fail(-201, "recipient.user_id is invalid");
  if (typeof message?.text !== "string" || message.text.length === 0 || message.text.length > 2000) {
    return fail(-201, "message.text is invalid");
  }
  const user = ctx.state.findUserByOaId(userId);
  if (!user?.follower) return fail(-213, "User has not followed the OA");
  if (ctx.config.now() - user.lastInteractionAt > interactionWindowMs) {
    return fail(-230, "User has not interacted with the OA in the past 7 days");
  }
  const accepted = ctx.state.recordMessage({ channel: "oa_cs", recipient: userId, text: message.text });
  return { status: 200, json: { error: 0, message: "Success", data: { message_id: accepted.messageId, user_id: userId } } };
}

function sendZns(ctx: RouteContext, body: Record<string, unknown>): RouteResult {
  const phone = typeof body["phone"] === "string" ? normalisePhoneNumber(body["phone"]) : undefined;
  if (!phone) return fail(-108, "Phone number is invalid");
  const fields = templateFields(body);
  if ("status" in fields) return fields;
  const trackingId = typeof body["tracking_id"] === "string" ? body["tracking_id"] : undefined;
  if (trackingId !== undefined && trackingId.length > 48) return fail(-1121, "tracking_id is too long");
  const quota = ctx.state.spendDailyQuota("zns");
  if (!quota) return fail(-144, "OA has reached the daily ZNS limit");
  const accepted = ctx.state.recordMessage({ channel: "zns", recipient: phone, ...fields, ...(trackingId ? { trackingId } : {}) });
  return {
    status: 200,
    json: {
      error: 0,
      message: "Success",
      data: {
        msg_id: accepted.messageId,
        sent_time: String(accepted.sentAt),
        sending_mode: "1",
        quota: quotaJson(quota),
      },
    },
  };
}
