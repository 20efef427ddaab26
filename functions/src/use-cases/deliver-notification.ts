import type { CitizenProfile } from "../domain/citizen.js";
import { renderMessage, type MessageLinks, type RenderedMessage, type TemplateName } from "../domain/notification-message.js";
import type { OutboxItem } from "../domain/outbox.js";
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
import { chooseRoutes, type Route } from "./delivery-routes.js";
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

export type DeliveryResult = "sent" | "failed" | "undeliverable" | "unconfirmed" | "postponed" | "skipped";

/** Why an item waits for the next Vietnam day (the delivery log shows it in Vietnamese). */
export const quotaWaitReasons = { exhausted: "daily_quota_exhausted", reserve: "quota_reserve" } as const;

/**
 * Sends one outbox item at most once: takes the item with a conditional write, picks the channel (OA template to a
 * follower, else ZNS by phone, else undeliverable) and records the final state while still holding the lease. The
 * take marks the item's call as begun, so redelivered stream records find it taken or finished, and one whose sender
 * died (lease expired, call begun) becomes `unconfirmed` instead of going out again.
 */
export function deliverNotificationUseCase(deps: DeliverNotificationDeps) {
  return async (outboxId: string): Promise<DeliveryResult> => {
    const owner = deps.ids.newId();
    const now = deps.clock.now();
    const taken = await deps.outbox.acquire(outboxId, owner, now, new Date(now.getTime() + deps.leaseMs)).catch(async (error: unknown) => {
      // The take may have been applied with its answer lost (a timeout): give the item back if it is ours, so it is
      // not left marked as in doubt with no call made.
      await deps.outbox.release(outboxId, owner, deps.clock.now()).catch(() => false);
      throw error;
    });
    if (taken.kind === "in_doubt") return (await deps.outbox.markUnconfirmed(outboxId, now)) ? "unconfirmed" : "skipped";
    if (taken.kind === "not_available") return "skipped";
    const delivery = new Delivery(deps, taken.item, owner);
    try {
      return await delivery.run();
    } catch (error) {
      // Failed before any call to Zalo began (DynamoDB, the token store…): nothing can have reached the citizen,
      // so the item is given back at once rather than left marked as in doubt. Once a call began, it stays marked.
      if (!delivery.callBegun) await deps.outbox.release(outboxId, owner, deps.clock.now()).catch(() => false);
      throw error;
    }
  };
}

/** What an attempt leads to: the item's result, or another attempt on a route. */
type Step = { kind: "done"; result: DeliveryResult } | { kind: "again"; route: Route };

const again = (route: Route): Step => ({ kind: "again", route });
const done = (result: DeliveryResult): Step => ({ kind: "done", result });

/** One leased item on its way to Zalo: the attempts, and what each answer leads to. */
class Delivery {
  private attempts: number;
  private lastFailure = "";
  private tokenRefreshed = false;
  private fallback: Route | null = null;
  private readonly priority: "announcement" | "dossier";
  /** Set just before the first call to Zalo: from then on, a failure leaves the item in doubt. */
  callBegun = false;

  constructor(
    private readonly deps: DeliverNotificationDeps,
    private readonly item: OutboxItem,
    private readonly owner: string,
  ) {
    this.attempts = item.attempts;
    this.priority = item.notification.kind === "announcement" ? "announcement" : "dossier";
  }

  async run(): Promise<DeliveryResult> {
    if (this.attempts >= this.deps.retry.maxAttempts) {
      const reason = this.item.reason ? `retries_exhausted: ${this.item.reason}` : "retries_exhausted";
      return this.record({ state: "failed", reason, channel: null, recipient: null });
    }
    const message = renderMessage(this.item.notification, this.deps.links);
    const routes = await chooseRoutes(this.item, message, this.deps);
    if (!routes.ok) return this.record({ state: "undeliverable", reason: routes.reason, channel: null, recipient: null });
    this.fallback = routes.fallback;
    let step = await this.attempt(routes.first, message);
    while (step.kind === "again") step = await this.attempt(step.route, message);
    return step.result;
  }

  /** One attempt on a route: quiet hours, attempts left, token, the day's quota, then the send itself. */
  private async attempt(route: Route, message: RenderedMessage): Promise<Step> {
    const { deps } = this;
    if (route.channel === "zns" && isQuietHour(deps.clock.now(), deps.quietHours)) {
      return done(await this.postpone(endOfQuietHours(deps.clock.now(), deps.quietHours), "quiet_hours"));
    }
    if (this.attempts >= deps.retry.maxAttempts) return done(await this.finishOn(route, "failed", `retries_exhausted: ${this.lastFailure}`));

    const token = await this.accessToken();
    if (token === null) return this.backOffThen(route);

    const permission = await deps.quota.permit(route.channel, this.priority);
    // The phone channel has a quota of its own: a dossier message still goes today.
    if (permission.kind === "exhausted" && this.canFallBack(route)) return again(this.fallback!);
    if (permission.kind !== "granted") return done(await this.waitForTomorrow(permission.kind));

    await deps.pacer.wait();
    this.attempts += 1;
    let answered: SendOutcome | null = null;
    try {
      this.callBegun = true;
      answered = await send(deps.messenger, token, route, message, this.item.id);
    } finally {
      await permission.release(quotaReportOf(answered));
    }
    const outcome = answered;
    if (outcome.ok) {
      return done(await this.record({ state: "sent", channel: route.channel, recipient: route.recipient, zaloMessageId: outcome.messageId }));
    }
    this.lastFailure = `${outcome.code ?? "no code"} ${outcome.message}`;
    return this.afterFailure(route, outcome, token);
  }

  /** What a refused send leads to, by the kind of failure the Zalo adapter named. */
  private async afterFailure(route: Route, outcome: Extract<SendOutcome, { ok: false }>, token: string): Promise<Step> {
    const zaloError = `zalo_error ${this.lastFailure}`;
    switch (outcome.failure) {
      case "token":
        if (this.tokenRefreshed) return done(await this.finishOn(route, "failed", `token_rejected_after_refresh ${this.lastFailure}`));
        await this.refreshToken(token);
        return again(route);
      case "quota_exhausted":
        // Not this message's fault: the day's quota is spent. The attempt is given back; the phone channel, which
        // has a quota of its own, may still carry it today.
        this.attempts -= 1;
        return this.fallBackOr(route, () => this.waitForTomorrow("exhausted"));
      case "quiet_hours": {
        const now = this.deps.clock.now();
        const notBefore = endOfQuietHours(now, this.deps.quietHours);
        return done(await this.postpone(notBefore > now ? notBefore : new Date(now.getTime() + 60 * 60 * 1000), "quiet_hours"));
      }
      case "not_a_follower":
        if (route.channel === "oa_template") await this.recordUnfollowed(route.follower);
        return this.fallBackOr(route, () => this.finishOn(route, "undeliverable", zaloError));
      case "not_by_uid":
        return this.fallBackOr(route, () => this.finishOn(route, "failed", zaloError));
      case "recipient":
        return done(await this.finishOn(route, "undeliverable", zaloError));
      case "credentials":
        this.deps.alarm({ message: "Zalo refused the app secret proof: check ZALO_APP_SECRET", alarm: "zalo_credentials", code: outcome.code, outboxId: this.item.id });
        return done(await this.finishOn(route, "failed", `zalo_credentials ${this.lastFailure}`));
      case "permanent":
        return done(await this.finishOn(route, "failed", zaloError));
      case "retryable":
        return this.backOffThen(route);
    }
  }

  /** The OA access token, or null when none can be had (an attempt is spent, as for any failure). */
  private async accessToken(): Promise<string | null> {
    try {
      return await this.deps.oaTokens.current();
    } catch (error) {
      this.attempts += 1;
      this.lastFailure = `oa_token_unavailable: ${String(error)}`;
      return null;
    }
  }

  /** Zalo refused the token: refresh it once for this item. */
  private async refreshToken(rejected: string): Promise<void> {
    this.tokenRefreshed = true;
    try {
      await this.deps.oaTokens.afterRejected(rejected);
    } catch (error) {
      this.lastFailure = `oa_token_unavailable: ${String(error)}`;
    }
  }

  private canFallBack(route: Route): boolean {
    return route.channel === "oa_template" && this.fallback !== null;
  }

  /** From the OA template to the phone when there is one; else what `otherwise` records. */
  private async fallBackOr(route: Route, otherwise: () => Promise<DeliveryResult>): Promise<Step> {
    return this.canFallBack(route) ? again(this.fallback!) : done(await otherwise());
  }

  /** Waits before the next attempt: inline when short, else the item is postponed. No attempt left: at once. */
  private async backOffThen(route: Route): Promise<Step> {
    const { retry } = this.deps;
    if (this.attempts >= retry.maxAttempts) return again(route);
    const delay = backoffMs(this.attempts, retry.baseDelayMs, retry.maxDelayMs, this.deps.random);
    if (delay <= retry.inlineMaxMs) {
      await this.deps.sleep(delay);
      return again(route);
    }
    return done(await this.postpone(new Date(this.deps.clock.now().getTime() + delay), `retry_backoff: ${this.lastFailure}`));
  }

  /** Waits for the next Vietnam day's quota: `pending` until midnight + jitter, with the attempts kept so far. */
  private async waitForTomorrow(why: keyof typeof quotaWaitReasons): Promise<"postponed"> {
    const now = this.deps.clock.now();
    const notBefore = new Date(nextVietnamMidnight(now).getTime() + Math.floor(this.deps.random() * this.deps.quotaWaitJitterMs));
    await this.whileLeaseHeld(() => this.deps.outbox.postpone(this.item.id, this.owner, this.attempts, notBefore, quotaWaitReasons[why]));
    const about = this.item.notification;
    if (about.kind === "announcement") await this.deps.pauseAnnouncement(about.announcementId, nextVietnamMidnight(now));
    return "postponed";
  }

  private async postpone(notBefore: Date, reason: string): Promise<"postponed"> {
    await this.whileLeaseHeld(() => this.deps.outbox.postpone(this.item.id, this.owner, this.attempts, notBefore, reason));
    return "postponed";
  }

  private async recordUnfollowed(follower: CitizenProfile): Promise<void> {
    const { zaloAppUserId, zaloOaUserId } = follower;
    if (!zaloOaUserId) return;
    const at = this.deps.clock.now().toISOString();
    await this.whileLeaseHeld(() => this.deps.citizens.recordFollowState({ zaloAppUserId, zaloOaUserId, isFollower: false, at }));
  }

  private finishOn(route: Route, state: "failed" | "undeliverable", reason: string): Promise<DeliveryResult> {
    return this.record({ state, reason, channel: route.channel, recipient: route.recipient });
  }

  /**
   * Once Zalo has answered, its answer is known only to this sender: a write that records it (the final state, a
   * postponement after a refusal, a citizen who no longer follows the OA) and fails (DynamoDB timed out) is tried again while the lease lasts, instead of
   * leaving the item in doubt. A write whose
   * condition fails answers false and is not retried. Before any call, one try: the item is given back on failure.
   */
  private async whileLeaseHeld<T>(write: () => Promise<T>): Promise<T> {
    const delays = this.callBegun ? recordRetryDelaysMs : [];
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await write();
      } catch (error) {
        const delay = delays[attempt];
        if (delay === undefined) throw error;
        await this.deps.sleep(delay);
      }
    }
  }

  /** Records the final state while the lease is held; then the reach counters and, for a failure, the dead letters. */
  private async record(result: OutboxFinish): Promise<DeliveryResult> {
    const { deps, item } = this;
    const about = item.notification;
    const tally = about.kind === "announcement" ? { announcementId: about.announcementId } : undefined;
    const recorded = await this.whileLeaseHeld(() => deps.outbox.finish(item.id, this.owner, this.attempts, result, deps.clock.now(), tally));
    if (!recorded) return "skipped";
    if (result.state === "sent" && deps.reach && about.kind !== "announcement" && about.kind !== "feedback_reply") {
      await deps.reach.markDelivered(about.dossierCode, result.channel === "zns" ? "zns" : "oa", deps.clock.now().toISOString());
    }
    if (result.state === "failed") {
      await deps.deadLetters.send({ outboxId: item.id, reason: result.reason, attempts: this.attempts, failedAt: deps.clock.now().toISOString(), notification: about });
    }
    return result.state;
  }
}

/**
 * Waits between tries of a write that records what Zalo answered: 3.5 s in all, well inside the lease (120 s by
 * default). A try after the lease ran out fails its condition (the item is no longer this sender's) and is not retried.
 */
const recordRetryDelaysMs = [500, 1_000, 2_000];

/** What the answer tells the day's quota: a `quota_exhausted` failure says it is spent; other answers may carry a reading. */
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
