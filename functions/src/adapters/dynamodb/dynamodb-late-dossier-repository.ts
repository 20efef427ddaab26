import * as z from "zod/mini";
import type { Dossier } from "../../domain/dossier.js";
import type { DossierNotification } from "../../domain/dossier-notification.js";
import type { LateDossierPage, LateDossierRepository } from "../../ports/late-dossier-repository.js";
import { decodeCursor, encodeCursor } from "../../ports/page-cursor.js";
import { dossierFromItem, outboxItemFor } from "./dossier-items.js";
import { itemTypes, keys } from "./keys.js";
import { instantThenId } from "./sort-key-position.js";
import { transactionCancellation, transactItems, type NamedActions } from "./transaction-cancellation.js";
import { indexNames } from "./table-definition.js";
import { unlessConditionFails, type Table, type TransactUpdate } from "./table.js";

const jobName = "late-dossiers";
const jobMarkSchema = z.lazy(() => z.object({ type: z.literal(itemTypes.jobMark), lastDay: z.iso.date() }));

export class DynamoDbLateDossierRepository implements LateDossierRepository {
  constructor(private readonly table: Table) {}

  async dueOn(day: string): Promise<Dossier[]> {
    const items = await this.table.queryAll({
      IndexName: indexNames.gsi2,
      KeyConditionExpression: "GSI2PK = :pk",
      ExpressionAttributeValues: { ":pk": keys.dueOnPartition(day) },
      ReturnConsumedCapacity: "TOTAL",
    });
    return items.filter((item) => item.type === itemTypes.dossier).map(dossierFromItem);
  }

  async markLate(
    dossier: Dossier,
    day: string,
    at: string,
    notification: { id: string; notification: DossierNotification } | null,
  ): Promise<boolean> {
    const late = keys.lateDossierOfAgency(dossier.agencyCode, dossier.dueAt, dossier.code);
    // The version moves on, so an ingest that read the dossier before this write re-reads it and keeps `lateAt`.
    const update: TransactUpdate = {
      Key: keys.dossier(dossier.code),
      UpdateExpression: "SET lateAt = :at, GSI2PK = :latePk, GSI2SK = :lateSk, version = version + :one",
      ConditionExpression: "GSI2PK = :duePk AND (attribute_not_exists(lateAt) OR lateAt = :null)",
      ExpressionAttributeValues: {
        ":at": at,
        ":latePk": late.GSI2PK,
        ":lateSk": late.GSI2SK,
        ":one": 1,
        ":duePk": keys.dueOnPartition(day),
        ":null": null,
      },
    };
    if (!notification) return (await unlessConditionFails(this.table.update(update))) !== null;
    const actions: NamedActions<"dossier" | "outbox"> = [
      ["dossier", { Update: update }],
      ["outbox", { Put: { Item: outboxItemFor(notification.id, notification.notification, at), ConditionExpression: "attribute_not_exists(PK)" } }],
    ];
    try {
      await this.table.transactWrite(transactItems(actions));
      return true;
    } catch (error) {
      if (transactionCancellation(error, actions)?.conditionFailed("dossier")) return false;
      throw error;
    }
  }

  async lastProcessedDay(): Promise<string | null> {
    const item = await this.table.get(keys.jobMark(jobName), { ConsistentRead: true });
    return item ? jobMarkSchema.parse(item).lastDay : null;
  }

  async saveLastProcessedDay(day: string, at: string): Promise<void> {
    await this.table.put({ ...keys.jobMark(jobName), type: itemTypes.jobMark, lastDay: day, updatedAt: at });
  }

  async lateOfAgency(agencyCode: string, page: { limit: number; cursor: string | null }): Promise<LateDossierPage> {
    const result = await this.table.query({
      IndexName: indexNames.gsi2,
      KeyConditionExpression: "GSI2PK = :pk",
      ExpressionAttributeValues: { ":pk": keys.lateDossiersPartition(agencyCode) },
      Limit: page.limit,
      ...(page.cursor ? { ExclusiveStartKey: startKeyFromCursor(page.cursor, agencyCode) } : {}),
      ReturnConsumedCapacity: "TOTAL",
    });
    const last = result.LastEvaluatedKey;
    return {
      dossiers: (result.Items ?? []).map(dossierFromItem),
      nextCursor: last ? encodeCursor(String(last.GSI2SK ?? "")) : null,
    };
  }
}

/** The cursor carries only `<dueAt>#<code>`; the agency comes from the (authorised) request, never the cursor. */
const lateListPosition = instantThenId("[A-Za-z0-9.\\-/_]{4,64}");

function startKeyFromCursor(cursor: string, agencyCode: string): Record<string, unknown> {
  const { at: dueAt, id: code } = decodeCursor(cursor, lateListPosition);
  return { ...keys.dossier(code), ...keys.lateDossierOfAgency(agencyCode, dueAt, code) };
}
