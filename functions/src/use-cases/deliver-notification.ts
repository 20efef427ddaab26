import type { CitizenProfile } from "../domain/citizen.js";
import { renderMessage, type MessageLinks, type RenderedMessage, type TemplateName } from "../domain/notification-message.js";
import type { DeliveryChannel, OutboxItem } from "../domain/outbox.js";
import { nextVietnamMidnight } from "../domain/daily-quota.js";
import { endOfQuietHours, isQuietHour, type QuietHours } from "../domain/quiet-hours.js";
import { backoffMs, type SendOutcome } from "../domain/send-outcome.js";
import type { CitizenRepository } from "../ports/citizen-repository.js";
import type { Clock } from "../ports/clock.js";
import type { DeadLetterQueue } from "../ports/dead-letter-queue.js";
import type { IdGenerator } from "../ports/id-generator.js";
import type { OutboxFinish, OutboxRepository } from "../ports/outbox-repository.js";
import type { ReachRepository } from "../ports/reach-repository.js";
import type { SendPacer } from "../ports/send-pacer.js";
import type { ZaloMessenger } from "../ports/zalo-messenger.js";
import type { DailySendQuota, SendReport } from "./daily-send-quota.js";
import type { OaAccessTokens } from "./oa-access-tokens.js";

export interface DeliverNotificationDeps {
  outbox: OutboxRepository;
  citizens: CitizenRepository;
  messenger: ZaloMessenger;
  oaTokens: OaAccessTokens;
  deadLetters: DeadLetterQueue;
  pacer: SendPacer;
  clock: Clock;
  ids: IdGenerator;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  links: MessageLinks;
  /** Zalo template ids by template name; a missing one means the channel is not used for that message. */
  templates: { oa: Partial<Record<TemplateName, string>>; zns: Partial<Record<TemplateName, string>> };
  /**
   * Backoff with full jitter between attempts. A wait up to `inlineMaxMs` is slept inside the call; a longer one
   * postpones the item (`notBefore`) and returns, so the shard's next batch is not held behind it: the waker
   * makes it due again.
   */
  retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; inlineMaxMs: number };
  leaseMs: number;
  /** When ZNS waits (Vietnam time). */
  quietHours: QuietHours;
  /** The day's quota per channel; announcements keep a reserve of it for dossier messages. */
  quota: Pick<DailySendQuota, "permit">;
  /** Items that wait for the next day's quota are spread over this long after Vietnam midnight. */
  quotaWaitJitterMs: number;
  /** Records that an announcement's messages wait for the next day's quota (its progress shows it). */
  pauseAnnouncement: (announcementId: string, until: Date) => Promise<void>;
  /** Zalo refused our own credentials (`appsecret_proof`): an operator must act. */
  alarm: (entry: Record<string, unknown>) => void;
  /** Counts a dossier's first delivered message per channel for the reach report. */
  reach?: Pick<ReachRepository, "markDelivered">;
}

export type DeliveryResult = "sent" | "failed" | "undeliverable" | "postponed" | "skipped";

type Route =
  | { channel: "oa_template"; recipient: string; templateId: string; follower: CitizenProfile }
  | { channel: "zns"; recipient: string; templateId: string };

/** Why an item waits for the next Vietnam day (the delivery log shows it in Vietnamese). */
export const quotaWaitReasons = { exhausted: "daily_quota_exhausted", reserve: "quota_reserve" } as const;

/**
 * Sends one outbox item at most once per lease: takes the item with a conditional write, picks the channel
 * (OA template to a follower, else ZNS by phone, else undeliverable), sends with retries and records the
 * final state while still holding the lease. Redelivered stream records find the item taken or finished.
 */
export function deliverNotificationUseCase(deps: DeliverNotificationDeps) {
  return async (outboxId: string): Promise<DeliveryResult> => {
    const owner = deps.ids.newId();
    const now = deps.clock.now();
    const item = await deps.outbox.acquire(outboxId, owner, now, new Date(now.getTime() + deps.leaseMs));
    if (!item) return "skipped";

    let attempts = item.attempts;
    const finish = async (result: OutboxFinish): Promise<DeliveryResult> => {
      const tally = item.notification.kind === "announcement" ? { announcementId: item.notification.announcementId } : undefined;
      const recorded = await deps.outbox.finish(item.id, owner, attempts, result, deps.clock.now(), tally);
      if (!recorded) return "skipped";
      const about = item.notification;
      if (result.state === "sent" && deps.reach && about.kind !== "announcement" && about.kind !== "feedback_reply") {
        await deps.reach.markDelivered(about.dossierCode, result.channel === "zns" ? "zns" : "oa", deps.clock.now().toISOString());
      }
      if (result.state === "failed") {
        await deps.deadLetters.send({
          outboxId: item.id,
          reason: result.reason,
          attempts,
          failedAt: deps.clock.now().toISOString(),
          notification: item.notification,
        });
      }
      return result.state;
    };

    if (attempts >= deps.retry.maxAttempts) {
      return finish({ state: "failed", reason: item.reason ? `retries_exhausted: ${item.reason}` : "retries_exhausted", channel: null, recipient: null });
    }

    const message = renderMessage(item.notification, deps.links);
    const routes = await routesFor(item, message, deps);
    if (!routes.ok) return finish({ state: "undeliverable", reason: routes.reason, channel: null, recipient: null });

    /** Waits before the next attempt: inline when short, else the item is postponed ("postponed" to return). */
    const backOff = async (): Promise<"postponed" | null> => {
      if (attempts >= deps.retry.maxAttempts) return null; // no attempt left: the loop records the failure now
      const delay = backoffMs(attempts, deps.retry.baseDelayMs, deps.retry.maxDelayMs, deps.random);
      if (delay <= deps.retry.inlineMaxMs) {
        await deps.sleep(delay);
        return null;
      }
      const notBefore = new Date(deps.clock.now().getTime() + delay);
      await deps.outbox.postpone(item.id, owner, attempts, notBefore, `retry_backoff: ${lastFailure}`);
      return "postponed";
    };

    /** Waits for the next Vietnam day's quota: `pending` until midnight + jitter, the attempts given back. */
    const waitForTomorrow = async (why: keyof typeof quotaWaitReasons, attemptsToKeep: number): Promise<"postponed"> => {
      const now = deps.clock.now();
      const notBefore = new Date(nextVietnamMidnight(now).getTime() + Math.floor(deps.random() * deps.quotaWaitJitterMs));
      await deps.outbox.postpone(item.id, owner, attemptsToKeep, notBefore, quotaWaitReasons[why]);
      if (item.notification.kind === "announcement") await deps.pauseAnnouncement(item.notification.announcementId, nextVietnamMidnight(now));
      return "postponed";
    };
    const priority = item.notification.kind === "announcement" ? "announcement" : "dossier";

    let route: Route = routes.first;
    let tokenRefreshed = false;
    let lastFailure = "";
    for (;;) {
      if (route.channel === "zns" && isQuietHour(deps.clock.now(), deps.quietHours)) {
        const notBefore = endOfQuietHours(deps.clock.now(), deps.quietHours);
        await deps.outbox.postpone(item.id, owner, attempts, notBefore, "quiet_hours");
        return "postponed";
      }
      if (attempts >= deps.retry.maxAttempts) {
        return finish({
          state: "failed",
          reason: `retries_exhausted: ${lastFailure}`,
          channel: route.channel,
          recipient: route.recipient,
        });
      }

      let token: string;
      try {
        token = await deps.oaTokens.current();
      } catch (error) {
        attempts += 1;
        lastFailure = `oa_token_unavailable: ${String(error)}`;
        if ((await backOff()) === "postponed") return "postponed";
        continue;
      }

      const permission = await deps.quota.permit(route.channel, priority);
      if (permission.kind === "exhausted" && route.channel === "oa_template" && routes.fallback) {
        // The phone channel has a quota of its own: a dossier message still goes today.
        route = routes.fallback;
        continue;
      }
      if (permission.kind !== "granted") return waitForTomorrow(permission.kind, attempts);
      await deps.pacer.wait();
      attempts += 1;
      let answered: SendOutcome | null = null;
      try {
        answered = await send(deps.messenger, token, route, message, item.id);
      } finally {
        await permission.release(quotaReportOf(answered));
      }
      const outcome = answered;
      if (outcome.ok) {
        return finish({ state: "sent", channel: route.channel, recipient: route.recipient, zaloMessageId: outcome.messageId });
      }
      lastFailure = `${outcome.code ?? "no code"} ${outcome.message}`;
      switch (outcome.failure) {
        case "token":
          if (tokenRefreshed) {
            return finish({ state: "failed", reason: `token_rejected_after_refresh ${lastFailure}`, channel: route.channel, recipient: route.recipient });
          }
          tokenRefreshed = true;
          try {
            await deps.oaTokens.afterRejected(token);
          } catch (error) {
            lastFailure = `oa_token_unavailable: ${String(error)}`;
          }
          continue;
        case "quota_exhausted":
          // Not this message's fault: the day's quota is spent. The attempt is given back; the phone channel, which
          // has a quota of its own, may still carry it today.
          attempts -= 1;
          if (route.channel === "oa_template" && routes.fallback) {
            route = routes.fallback;
            continue;
          }
          return waitForTomorrow("exhausted", attempts);
        case "quiet_hours": {
          const notBefore = endOfQuietHours(deps.clock.now(), deps.quietHours);
          const waitUntil = notBefore > deps.clock.now() ? notBefore : new Date(deps.clock.now().getTime() + 60 * 60 * 1000);
          await deps.outbox.postpone(item.id, owner, attempts, waitUntil, "quiet_hours");
          return "postponed";
        }
        case "not_a_follower":
          if (route.channel === "oa_template") {
            const follower = route.follower;
            if (follower.zaloOaUserId) {
              await deps.citizens.recordFollowState({
                zaloAppUserId: follower.zaloAppUserId,
                zaloOaUserId: follower.zaloOaUserId,
                isFollower: false,
                at: deps.clock.now().toISOString(),
              });
            }
          }
          if (route.channel === "oa_template" && routes.fallback) {
            route = routes.fallback;
            continue;
          }
          return finish({ state: "undeliverable", reason: `zalo_error ${lastFailure}`, channel: route.channel, recipient: route.recipient });
        case "not_by_uid":
          if (route.channel === "oa_template" && routes.fallback) {
            route = routes.fallback;
            continue;
          }
          return finish({ state: "failed", reason: `zalo_error ${lastFailure}`, channel: route.channel, recipient: route.recipient });
        case "recipient":
          return finish({ state: "undeliverable", reason: `zalo_error ${lastFailure}`, channel: route.channel, recipient: route.recipient });
        case "credentials":
          deps.alarm({ message: "Zalo refused the app secret proof: check ZALO_APP_SECRET", alarm: "zalo_credentials", code: outcome.code, outboxId: item.id });
          return finish({ state: "failed", reason: `zalo_credentials ${lastFailure}`, channel: route.channel, recipient: route.recipient });
        case "permanent":
          return finish({ state: "failed", reason: `zalo_error ${lastFailure}`, channel: route.channel, recipient: route.recipient });
        case "retryable":
          break;
      }
      if ((await backOff()) === "postponed") return "postponed";
    }
  };
}

/** What the answer tells the day's quota: -211/-144 say it is spent; other answers may carry a reading. */
function quotaReportOf(outcome: SendOutcome | null): SendReport {
  if (!outcome) return null;
  if (!outcome.ok && outcome.failure === "quota_exhausted") return "exhausted";
  return outcome.quota;
}

async function send(messenger: ZaloMessenger, token: string, route: Route, message: RenderedMessage, outboxId: string): Promise<SendOutcome> {
  if (route.channel === "oa_template") {
    return messenger.sendOaTemplate(token, { zaloOaUserId: route.recipient, templateId: route.templateId, templateData: message.templateData });
  }
  return messenger.sendZns(token, {
    phone: route.recipient,
    templateId: route.templateId,
    templateData: message.templateData,
    trackingId: outboxId.slice(0, 48),
  });
}

type Routes = { ok: true; first: Route; fallback: Route | null } | { ok: false; reason: string };

/** DESIGN.md §8: OA template to a follower; else ZNS to the phone when a template is configured; else undeliverable. */
async function routesFor(item: OutboxItem, message: RenderedMessage, deps: DeliverNotificationDeps): Promise<Routes> {
  const notification = item.notification;
  const oaTemplate = deps.templates.oa[message.template];
  const znsTemplate = deps.templates.zns[message.template];

  let citizens: CitizenProfile[];
  let phone: string | null;
  // An announcement or a feedback answer goes to one Zalo user (by their app id), never by phone.
  if (notification.kind === "announcement" || notification.kind === "feedback_reply") {
    const citizen = await deps.citizens.get(notification.zaloAppUserId);
    // Opted out after the fan-out wrote the item: the citizen's latest word wins.
    // (An answer to the citizen's own question needs no opt-in: they asked.)
    if (notification.kind === "announcement" && citizen && !citizen.announcementsSubscribed) return { ok: false, reason: "not_subscribed" };
    citizens = citizen ? [citizen] : [];
    phone = null;
  } else {
    phone = notification.applicantPhone;
    citizens = phone ? await deps.citizens.findByVerifiedPhone(phone) : [];
  }
  const follower = citizens.find((citizen) => citizen.isFollower && citizen.zaloOaUserId !== null);

  const zns: Route | null = phone && znsTemplate ? { channel: "zns", recipient: phone, templateId: znsTemplate } : null;
  if (follower?.zaloOaUserId && oaTemplate) {
    return { ok: true, first: { channel: "oa_template", recipient: follower.zaloOaUserId, templateId: oaTemplate, follower }, fallback: zns };
  }
  if (zns) return { ok: true, first: zns, fallback: null };

  const channel: DeliveryChannel = "oa_template";
  if (!phone && notification.kind !== "announcement" && notification.kind !== "feedback_reply") return { ok: false, reason: "no_phone_on_dossier" };
  if (!follower) {
    return { ok: false, reason: phone ? "no_follower_for_phone_and_no_zns_template" : "not_a_follower" };
  }
  return { ok: false, reason: `no_${channel}_template_for_${message.template}` };
}
