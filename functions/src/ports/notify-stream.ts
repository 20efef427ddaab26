import type { OutboxItem } from "../domain/outbox.js";

/** One record of the table's stream, as Lambda hands it over: only what decoding needs. */
export interface StreamRecord {
  eventName?: string;
  dynamodb?: { NewImage?: Record<string, unknown> };
}

/** What the notify function may have to do for one stream record. */
export type NotifyStreamWork =
  /** An outbox item as it now is: sent if it is due. */
  | { kind: "outbox"; item: Pick<OutboxItem, "id" | "state" | "notBefore" | "leaseUntil"> }
  /** A running announcement fan-out: its next page is written. */
  | { kind: "fanout"; announcementId: string };

/** Reads a stream record's new image; null for a record the notify function has nothing to do with. */
export type NotifyStreamDecoder = (record: StreamRecord) => NotifyStreamWork | null;
