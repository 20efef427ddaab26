import type { DeliveryChannel, OutboxItem } from "../domain/outbox.js";

export type OutboxFinish =
  | { state: "sent"; channel: DeliveryChannel; recipient: string; zaloMessageId: string }
  | { state: "failed" | "undeliverable"; reason: string; channel: DeliveryChannel | null; recipient: string | null };

export interface OutboxRepository {
  /**
   * Takes the item for sending: `pending` and due, or `sending` with an expired lease, becomes `sending`
   * held by `owner` until `leaseUntil`. Null when another holder has it or it is finished. 1 conditional UpdateItem.
   */
  acquire(id: string, owner: string, now: Date, leaseUntil: Date): Promise<OutboxItem | null>;
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
}
