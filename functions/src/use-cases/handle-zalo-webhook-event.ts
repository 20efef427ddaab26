import type { CitizenRepository } from "../ports/citizen-repository.js";
import type { Clock } from "../ports/clock.js";
import type { OutboxRepository } from "../ports/outbox-repository.js";
import type { ReachRepository } from "../ports/reach-repository.js";
import type { WebhookInbox } from "../ports/webhook-inbox.js";

/** The fields of a Zalo OA webhook event the product uses (reference §4.5; all ids are strings). */
export interface ZaloWebhookEvent {
  eventName: string;
  /** Milliseconds since the epoch, as Zalo sends it. */
  timestampMs: number;
  userIdByApp: string | null;
  followerId: string | null;
  senderId: string | null;
  msgId: string | null;
  text: string | null;
  /** `user_received_message`: the `tracking_id` we sent with a ZNS message (our outbox item's id). */
  trackingId?: string | null;
}

export type WebhookEventResult = "recorded" | "duplicate" | "ignored" | "older_than_recorded";

export interface HandleZaloWebhookEventDeps {
  citizens: CitizenRepository;
  inbox: WebhookInbox;
  clock: Clock;
  /** A text the citizen sent the OA joins their open feedback thread (or opens one): the chat and the Mini App are one conversation. */
  onCitizenText?: (message: { zaloAppUserId: string; text: string; at: Date; zaloMessageId: string }) => Promise<unknown>;
  /** Counts a Mini App citizen's first follow of the OA for the reach report. */
  reach?: Pick<ReachRepository, "recordFollowerGained">;
  /** Zalo's delivery receipt settles a message whose sending was in doubt. */
  outbox?: Pick<OutboxRepository, "confirmDelivered">;
}

/**
 * follow / unfollow keep the follower state and link `zaloOaUserId` to `zaloAppUserId` (`user_id_by_app`);
 * user_send_text is stored as a message from the citizen. Idempotent on the message id (events without one,
 * like follow, on name + user + timestamp): Zalo retries an event it thinks we missed.
 */
export function handleZaloWebhookEventUseCase(deps: HandleZaloWebhookEventDeps) {
  return async (event: ZaloWebhookEvent): Promise<WebhookEventResult> => {
    // A delivery receipt carries the msg_id of our own message, which later receipts (seen) repeat: keyed by event too.
    const receipt = event.eventName === "user_received_message";
    const key = receipt && event.msgId ? `${event.eventName}:${event.msgId}` : (event.msgId ?? `${event.eventName}:${event.followerId ?? event.senderId ?? "?"}:${event.timestampMs}`);
    if (await deps.inbox.wasProcessed(key)) return "duplicate";
    const at = new Date(event.timestampMs).toISOString();

    let result: WebhookEventResult = "ignored";
    if ((event.eventName === "follow" || event.eventName === "unfollow") && event.userIdByApp && event.followerId) {
      result = await deps.citizens.recordFollowState({
        zaloAppUserId: event.userIdByApp,
        zaloOaUserId: event.followerId,
        isFollower: event.eventName === "follow",
        at,
      });
      if (result === "recorded" && event.eventName === "follow" && deps.reach) await deps.reach.recordFollowerGained(event.userIdByApp, at);
    } else if (receipt && event.trackingId && event.msgId && deps.outbox) {
      // Only an unconfirmed item changes: a receipt for a message already recorded as sent says nothing new.
      result = (await deps.outbox.confirmDelivered(event.trackingId, event.msgId, new Date(at))) ? "recorded" : "ignored";
    } else if (event.eventName === "user_send_text" && event.userIdByApp && event.senderId && event.msgId && event.text !== null) {
      const saved = await deps.inbox.saveCitizenMessage({
        zaloAppUserId: event.userIdByApp,
        zaloOaUserId: event.senderId,
        msgId: event.msgId,
        text: event.text,
        at,
      });
      result = saved === "saved" ? "recorded" : "duplicate";
      if (saved === "saved" && deps.onCitizenText) {
        await deps.onCitizenText({ zaloAppUserId: event.userIdByApp, text: event.text, at: new Date(at), zaloMessageId: event.msgId });
      }
    }
    await deps.inbox.markProcessed(key, deps.clock.now());
    return result;
  };
}
