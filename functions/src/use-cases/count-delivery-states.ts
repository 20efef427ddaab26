import { dossierNotificationKinds } from "../domain/dossier-notification.js";
import type { OutboxItem, OutboxState } from "../domain/outbox.js";
import type { StaffMember } from "../domain/staff.js";
import type { CensusPartition, OutboxStateCensus } from "../ports/outbox-state-census.js";
import { canSeeOutboxItem } from "./delivery-log.js";

export type UnsentState = Exclude<OutboxState, "sent">;

export interface StateCount {
  count: number;
  /** True when the partition held more than was read: the count is a floor ("1.000+"). */
  atLeast: boolean;
}

const notificationKinds = new Set<string>([...dossierNotificationKinds, "announcement", "feedback_reply"]);
const isKind = (kind: string): kind is OutboxItem["notification"]["kind"] => notificationKinds.has(kind);

/**
 * Items read per partition for the counts: 1,000 dossier messages ≈ 0.6 KB each ≈ 75 RCU, four partitions at most
 * ≈ 300 RCU a look (≈ $0.00006 on demand); a longer backlog shows as "1.000+", which says enough.
 */
export const deliveryStateCountMax = 1000;

/**
 * The delivery log's counts per state, of the messages the staff member may see: failed, undeliverable,
 * unconfirmed, pending, sending (sent ones have no index to count by). Each partition is read up to `maxPerPartition` items,
 * so a backlog costs a bounded read and shows as "at least".
 */
export function countDeliveryStatesUseCase(deps: { census: OutboxStateCensus; maxPerPartition: number }) {
  return async (actor: StaffMember): Promise<Record<UnsentState, StateCount>> => {
    const partitions: CensusPartition[] = ["failed", "undeliverable", "unconfirmed", "waiting"];
    const reads = await Promise.all(partitions.map((partition) => deps.census.scopeFieldsOf(partition, deps.maxPerPartition)));
    const counts: Record<UnsentState, StateCount> = {
      failed: { count: 0, atLeast: false },
      undeliverable: { count: 0, atLeast: false },
      unconfirmed: { count: 0, atLeast: false },
      pending: { count: 0, atLeast: false },
      sending: { count: 0, atLeast: false },
    };
    reads.forEach((read, i) => {
      const partition = partitions[i]!;
      for (const item of read.items) {
        if (item.state === "sent" || !isKind(item.kind)) continue;
        if (!canSeeOutboxItem(actor, { agencyCode: item.agencyCode, notification: { kind: item.kind, dossierCode: item.dossierCode } })) continue;
        counts[item.state].count += 1;
      }
      if (read.more) {
        if (partition === "waiting") counts.pending.atLeast = counts.sending.atLeast = true;
        else counts[partition].atLeast = true;
      }
    });
    return counts;
  };
}
