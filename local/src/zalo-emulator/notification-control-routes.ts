import { createHash } from "node:crypto";
import { z } from "zod";
import { defaultDailyQuota, type FaultEffect } from "./emulator-state.js";
import type { Route, RouteContext, RouteResult } from "./route-table.js";
import { zaloError, zaloErrorCode } from "./zalo-errors.js";

/** Control endpoints for notification tests: faults, the send-rate quota, expiring OA tokens, signed webhook events. */
export const notificationControlRoutes: Route[] = [
  { method: "POST", path: "/_emulator/faults", kind: "control", handle: addFault },
  { method: "POST", path: "/_emulator/quota", kind: "control", handle: setQuota },
  { method: "GET", path: "/_emulator/quota", kind: "control", handle: getQuota },
  { method: "POST", path: "/_emulator/quota/next-day", kind: "control", handle: moveToNextDay },
  { method: "POST", path: "/_emulator/oa-tokens/expire", kind: "control", handle: expireOaTokens },
  { method: "POST", path: "/_emulator/webhook", kind: "control", handle: sendWebhook },
];

const count = z.number().int().positive().max(100_000);
const faultBody = z.union([
  z.object({ clear: z.literal(true) }),
  z
    .object({
      count: count.optional(),
      /** Ours, for load tests: every send call fails with this probability until cleared (instead of `count`). */
      ratio: z.number().gt(0).max(1).optional(),
      error: z.number().int().negative().optional(),
      httpStatus: z.number().int().min(400).max(599).optional(),
      delayMs: z.number().int().positive().max(60_000).optional(),
      /** Ours: the message is accepted at once and the answer comes this much later (a sender may die meanwhile). */
      answerDelayMs: z.number().int().positive().max(60_000).optional(),
    })
    .refine(
      (f) => [f.error, f.httpStatus, f.delayMs, f.answerDelayMs].filter((v) => v !== undefined).length === 1,
      "give exactly one of error, httpStatus, delayMs, answerDelayMs",
    )
    .refine((f) => (f.count === undefined) !== (f.ratio === undefined), "give count or ratio"),
]);

function parse<T>(ctx: RouteContext, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; result: RouteResult } {
  let json: unknown;
  try {
    json = JSON.parse(ctx.rawBody.toString("utf8"));
  } catch {
    return { ok: false, result: { status: 400, json: zaloError(zaloErrorCode.invalidParameter, "Body must be JSON") } };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  return { ok: false, result: { status: 400, json: zaloError(zaloErrorCode.invalidParameter, message) } };
}

function addFault(ctx: RouteContext): RouteResult {
  const body = parse(ctx, faultBody);
  if (!body.ok) return body.result;
  if ("clear" in body.value) {
    ctx.state.faults.length = 0;
    return { status: 200, json: { faults: 0 } };
  }
  const { count: remaining, ratio, error, httpStatus, delayMs, answerDelayMs } = body.value;
  const effect: FaultEffect =
    error !== undefined ? { error } : httpStatus !== undefined ? { httpStatus } : answerDelayMs !== undefined ? { answerDelayMs } : { delayMs: delayMs ?? 0 };
  ctx.state.faults.push({ remaining: remaining ?? Number.POSITIVE_INFINITY, ...(ratio !== undefined ? { ratio } : {}), effect });
  return { status: 201, json: { faults: ctx.state.faults.length } };
}

const quotaBody = z
  .object({
    /** Send calls per rolling second (-32 past it); null: no limit. */
    perSecond: z.number().int().positive().max(100_000).nullable().optional(),
    /** Template messages a day (-211 / -144 past it); null: the default again. */
    perDay: z.number().int().nonnegative().max(10_000_000).nullable().optional(),
    /** Template messages of today already spent (a test starts part-way through a day). */
    usedToday: z.number().int().nonnegative().max(10_000_000).optional(),
    /** The channel `perDay` and `usedToday` apply to; both when absent. */
    channel: z.enum(["oa", "zns"]).optional(),
  })
  .strict()
  .refine((q) => q.perSecond !== undefined || q.perDay !== undefined || q.usedToday !== undefined, "give perSecond, perDay or usedToday");

function setQuota(ctx: RouteContext): RouteResult {
  const body = parse(ctx, quotaBody);
  if (!body.ok) return body.result;
  const { perSecond, perDay, usedToday, channel } = body.value;
  if (perSecond !== undefined) ctx.state.sendQuotaPerSecond = perSecond;
  for (const each of channel ? [channel] : (["oa", "zns"] as const)) {
    if (perDay !== undefined) ctx.state.dailyQuota[each] = perDay ?? defaultDailyQuota[each];
    if (usedToday !== undefined) ctx.state.setUsedToday(each, usedToday);
  }
  return getQuota(ctx);
}

/** The quotas, how many send calls the per-second one refused (-32) since the last reset, and the day's usage. */
function getQuota(ctx: RouteContext): RouteResult {
  return {
    status: 200,
    json: {
      perSecond: ctx.state.sendQuotaPerSecond,
      refused: ctx.state.quotaRefusals,
      daily: { oa: ctx.state.dailyQuotaReport("oa"), zns: ctx.state.dailyQuotaReport("zns") },
    },
  };
}

function moveToNextDay(ctx: RouteContext): RouteResult {
  ctx.state.moveToNextDay();
  return getQuota(ctx);
}

function expireOaTokens(ctx: RouteContext): RouteResult {
  return { status: 200, json: { expired: ctx.state.expireOaAccessTokens() } };
}

const webhookBody = z.object({
  url: z.url(),
  event: z.record(z.string(), z.unknown()),
  /** Which reading of the UNCONFIRMED MAC to sign with (reference §4.5); Zalo's reported default otherwise. */
  signWith: z
    .object({ firstTerm: z.enum(["app_id", "oa_id"]).default("app_id"), key: z.enum(["oa_secret_key", "app_secret"]).default("oa_secret_key") })
    .default({ firstTerm: "app_id", key: "oa_secret_key" }),
  /** Send a wrong signature, to see the product refuse it. */
  badSignature: z.boolean().default(false),
});

/** Signs an OA event as Zalo does (`X-ZEvent-Signature: mac=sha256(first term + body + timestamp + key)`) and posts it. */
async function sendWebhook(ctx: RouteContext): Promise<RouteResult> {
  const body = parse(ctx, webhookBody);
  if (!body.ok) return body.result;
  const { url, signWith, badSignature } = body.value;
  const event: Record<string, unknown> = {
    app_id: ctx.config.appId,
    oa_id: ctx.config.oaId,
    timestamp: String(ctx.config.now()),
    ...body.value.event,
  };
  const userIdByApp = event["user_id_by_app"];
  if (typeof userIdByApp === "string") {
    const user = ctx.state.findUser(userIdByApp);
    if (user && (event["event_name"] === "follow" || event["event_name"] === "unfollow")) {
      user.follower = event["event_name"] === "follow";
    }
    if (user) user.lastInteractionAt = ctx.config.now();
  }
  const raw = JSON.stringify(event);
  const first = signWith.firstTerm === "app_id" ? String(event["app_id"]) : String(event["oa_id"]);
  const key = signWith.key === "oa_secret_key" ? ctx.config.oaSecretKey : ctx.config.appSecret;
  const mac = createHash("sha256").update(first + raw + String(event["timestamp"]) + key).digest("hex");
  const started = Date.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-zevent-signature": `mac=${badSignature ? mac.replace(/^./, (c) => (c === "0" ? "1" : "0")) : mac}` },
    body: raw,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: 200, json: { status: response.status, body: text, elapsedMs: Date.now() - started, event } };
}
