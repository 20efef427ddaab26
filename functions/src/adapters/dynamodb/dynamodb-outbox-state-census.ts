import * as z from "zod/mini";
import { outboxStates } from "../../domain/outbox.js";
import type { CensusPartition, OutboxScopeFields, OutboxStateCensus } from "../../ports/outbox-state-census.js";
import { keys } from "./keys.js";
import { indexNames } from "./table-definition.js";
import type { Table } from "./table.js";

const scopeFieldsSchema = z.lazy(() => z.object({
  state: z.enum(outboxStates),
  agencyCode: z.nullish(z.string()),
  notification: z.object({ kind: z.string(), dossierCode: z.nullish(z.string()) }),
}));

/**
 * Reads GSI1's `OUTBOX_STATE#failed|undeliverable` and `OUTBOX_WAITING` partitions, projecting only the fields
 * the scope needs (the read costs the whole items' size all the same: ≈ 0.5–1 KB each, so 1,000 items ≈ 60–120 RCU).
 */
export class DynamoDbOutboxStateCensus implements OutboxStateCensus {
  constructor(private readonly table: Table) {}

  async scopeFieldsOf(partition: CensusPartition, max: number): Promise<{ items: OutboxScopeFields[]; more: boolean }> {
    const pk = partition === "waiting" ? keys.outboxWaitingPartition : keys.outboxByStatePartition(partition);
    const items: OutboxScopeFields[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.table.query({
        IndexName: indexNames.gsi1,
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": pk },
        ProjectionExpression: "#state, agencyCode, #notification.kind, #notification.dossierCode",
        ExpressionAttributeNames: { "#state": "state", "#notification": "notification" },
        // One more than the bound: a partition of exactly `max` items is counted exactly, not as "at least".
        Limit: max + 1 - items.length,
        ExclusiveStartKey: startKey,
      });
      for (const item of page.Items ?? []) {
        const parsed = scopeFieldsSchema.parse(item);
        items.push({ state: parsed.state, agencyCode: parsed.agencyCode ?? null, kind: parsed.notification.kind, dossierCode: parsed.notification.dossierCode ?? null });
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey && items.length <= max);
    return { items: items.slice(0, max), more: items.length > max };
  }
}
