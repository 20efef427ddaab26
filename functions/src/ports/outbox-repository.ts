import type { DeliveryChannel, OutboxItem, OutboxNotification, OutboxState } from "../domain/outbox.js";

export type OutboxFinish =
  | { state: "sent"; channel: DeliveryChannel; recipient: string; zaloMessageId: string }
  | { state: "failed" | "undeliverable"; reason: string; channel: DeliveryChannel | null; recipient: string | null };

/** A message to write in the same transaction as the change that causes it. */
export interface NewOutboxItem {
  id: string;
  notification: OutboxNotification;
  agencyCode: string | null;
}

/** A page of the delivery log; `next` continues it (null at the end). */
export interface OutboxPage {
  items: OutboxItem[];
  next: string | null;
}

export type RetryResult = { kind: "retried"; item: OutboxItem } | { kind: "not_found" } | { kind: "not_retryable"; state: OutboxState };

/**
 * What taking an item for sending found: taken (now held by the caller); in doubt (its sender's lease expired
 * while a call to Zalo was under way: it must not be sent again blindly); or not available (held, finished, gone).
 */
export type AcquireResult = { kind: "acquired"; item: OutboxItem } | { kind: "in_doubt"; item: OutboxItem } | { kind: "not_available" };

export interface OutboxRepository {
  /**
   * Takes the item for sending: `pending` and due, or `sending` with an expired lease and no call to Zalo begun,
   * becomes `sending` held by `owner` until `leaseUntil`, marked as having its call begun (`attemptStartedAt`): the
   * sender calls Zalo right after, and one that dies from here on leaves the item in doubt, never sent again by itself. 1 conditional UpdateItem (a refused one returns the item
   * as it is, so an in-doubt item is told apart without another read).
   */
  acquire(id: string, owner: string, now: Date, leaseUntil: Date): Promise<AcquireResult>;
  /**
   * An in-doubt item (`sending`, lease expired before `now`, a call begun) becomes `unconfirmed`, listed with the
   * failed and undeliverable ones for staff. 1 conditional UpdateItem; false when it was no longer in doubt.
   */
  markUnconfirmed(id: string, now: Date): Promise<boolean>;
  /**
   * Gives a taken item back, due at once (`pending`, lease and call mark removed), when its sender failed before
   * any call to Zalo began: a retried batch takes it again instead of finding it in doubt. Only while `owner`
   * holds it. 1 conditional UpdateItem, only on an error.
   */
  release(id: string, owner: string, now: Date): Promise<boolean>;
  /**
   * Zalo's delivery receipt for an unconfirmed item: it did go out. `unconfirmed → sent` with Zalo's message id.
   * 1 conditional UpdateItem; false when the item is not unconfirmed (already settled, resent, or unknown).
   */
  confirmDelivered(id: string, zaloMessageId: string, at: Date): Promise<boolean>;
  /**
   * Records the final state, only while `owner` still holds the lease. 1 conditional UpdateItem; with `tally`
   * (an announcement's message) also ADDs 1 to the announcement's count of that state in the same transaction,
   * so a redelivered record, whose condition fails, never counts twice.
   */
  finish(id: string, owner: string, attempts: number, result: OutboxFinish, at: Date, tally?: { announcementId: string }): Promise<boolean>;
  /** Back to `pending`, waiting until `notBefore` (quiet hours); indexed so the waker finds it. */
  postpone(id: string, owner: string, attempts: number, notBefore: Date, reason: string): Promise<boolean>;
  /**
   * Touches waiting items whose time has come (due `pending`, or `sending` with an expired lease) so the
   * stream delivers them again. 1 Query on GSI1 + 1 UpdateItem per due item. Returns how many it woke.
   */
  wakeDue(now: Date, limit: number): Promise<number>;
  /** One item by id: 1 GetItem. */
  get(id: string): Promise<OutboxItem | null>;
  /** The delivery log of one dossier, oldest first: 1 Query on GSI2 per page. */
  listByDossier(dossierCode: string, page: { after: string | null; limit: number }): Promise<OutboxPage>;
  /**
   * Items in a state, oldest first: failed / undeliverable from their own sparse GSI1 partition, pending /
   * sending from the waiting partition (items waiting for a time or held by a lease). `sent` is not indexed
   * by state (it is nearly every message): read it by dossier.
   */
  listByState(state: Exclude<OutboxState, "sent">, page: { after: string | null; limit: number }): Promise<OutboxPage>;
  /**
   * A failed, undeliverable or unconfirmed item back to `pending` with its attempts reset, so the stream hands it to the
   * notify function again: 1 UpdateItem conditional on the state the caller saw. With `tally` (an announcement's
   * message, counted once under `expectedState` when it finished) also ADDs -1 to that count in the same
   * transaction, so the item counts again only under the state it finishes in next.
   */
  retry(id: string, expectedState: OutboxState, at: Date, tally?: { announcementId: string }): Promise<RetryResult>;
}
