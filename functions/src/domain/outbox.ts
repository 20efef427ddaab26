import type { DossierNotification } from "./dossier-notification.js";

export const outboxStates = ["pending", "sending", "sent", "failed", "undeliverable", "unconfirmed"] as const;
export type OutboxState = (typeof outboxStates)[number];

/** An announcement to one opted-in follower (written by the fan-out, one item per recipient). */
export interface AnnouncementNotification {
  kind: "announcement";
  announcementId: string;
  title: string;
  summary: string;
  zaloAppUserId: string;
}

/** A staff answer in a feedback thread, to the thread's author (the whole answer is in the Mini App). */
export interface FeedbackReplyNotification {
  kind: "feedback_reply";
  threadId: string;
  zaloAppUserId: string;
  /** The answer, cut to what a template parameter holds. */
  excerpt: string;
  dossierCode: string | null;
}

/** Every kind of message the notify function can send; later issues add kinds here and a renderer for each. */
export type OutboxNotification = DossierNotification | AnnouncementNotification | FeedbackReplyNotification;

/** The dossier a message is about, if any (its delivery log lists it). */
export function outboxDossierCode(notification: OutboxNotification): string | null {
  if (notification.kind === "announcement") return null;
  return notification.dossierCode;
}

export type DeliveryChannel = "oa_template" | "zns";

/**
 * A message to send, as the outbox item records it (`pending → sending → sent | failed | undeliverable`, and
 * `sending → unconfirmed` when a sender died while Zalo had the message: it may or may not have gone out).
 */
export interface OutboxItem {
  id: string;
  state: OutboxState;
  /** Send attempts made so far (across invocations). */
  attempts: number;
  createdAt: string;
  /** The agency whose staff may see this message in the delivery log (the dossier's); null for none. */
  agencyCode: string | null;
  notification: OutboxNotification;
  /** Not to be sent before this instant (quiet hours, retry backoff); null when due now. */
  notBefore: string | null;
  /** While `sending`: who holds the item and until when; an expired lease may be taken over (see `afterLeaseExpired`). */
  leaseOwner: string | null;
  leaseUntil: string | null;
  channel: DeliveryChannel | null;
  recipient: string | null;
  zaloMessageId: string | null;
  /** Why the item failed or is undeliverable, or why it waits. */
  reason: string | null;
  finishedAt: string | null;
  /** The last state change (null on items written before it was recorded). */
  updatedAt: string | null;
  /** How many times staff sent a failed item again from the delivery log. */
  manualRetries: number;
  /**
   * When the current call to Zalo began, written with the take (the call follows it) and removed with the final
   * state, a postponement or a release after an error before the call: while it is set, Zalo may have the message,
   * so the item is never sent again without a person deciding to.
   */
  attemptStartedAt: string | null;
}

/** A failed, undeliverable or unconfirmed message may be sent again by staff. */
export const retryableOutboxStates = ["failed", "undeliverable", "unconfirmed"] as const satisfies readonly OutboxState[];

/**
 * What becomes of an item whose sender's lease expired: sent again when its sender died before calling Zalo, or
 * `unconfirmed` when a call had begun and was never answered (Zalo may have delivered it and does not deduplicate:
 * sending again could give the citizen the message twice).
 */
export function afterLeaseExpired(item: Pick<OutboxItem, "attemptStartedAt">): "send_again" | "unconfirmed" {
  return item.attemptStartedAt === null ? "send_again" : "unconfirmed";
}

/** Whether a stream image of this item asks the notify function to act now. */
export function isDue(item: Pick<OutboxItem, "state" | "notBefore" | "leaseUntil">, now: Date): boolean {
  if (item.state === "pending") return item.notBefore === null || Date.parse(item.notBefore) <= now.getTime();
  if (item.state === "sending") return item.leaseUntil !== null && Date.parse(item.leaseUntil) < now.getTime();
  return false;
}
