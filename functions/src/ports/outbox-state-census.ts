import type { OutboxState } from "../domain/outbox.js";

/** What is needed of an outbox item to know who may see it (the delivery log's scope), and its state. */
export interface OutboxScopeFields {
  state: OutboxState;
  agencyCode: string | null;
  kind: string;
  dossierCode: string | null;
}

export type CensusPartition = "failed" | "undeliverable" | "unconfirmed" | "waiting";

/**
 * The messages not yet sent, read partition by partition for counting: failed, undeliverable, unconfirmed and waiting
 * (pending or sending). Bounded: at most `max` items a partition; `more` says the partition holds others.
 */
export interface OutboxStateCensus {
  scopeFieldsOf(partition: CensusPartition, max: number): Promise<{ items: OutboxScopeFields[]; more: boolean }>;
}
