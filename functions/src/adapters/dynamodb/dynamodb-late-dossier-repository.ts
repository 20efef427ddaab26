import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import type { Dossier } from "../../domain/dossier.js";
import type { DossierNotification } from "../../domain/dossier-notification.js";
import type { LateDossierPage, LateDossierRepository } from "../../ports/late-dossier-repository.js";
import { decodeCursor, encodeCursor } from "../../ports/page-cursor.js";
import { dossierFromItem, outboxItemFor } from "./dossier-items.js";
import { itemTypes, keys } from "./keys.js";
import { queryAllPages } from "./query-all-pages.js";
import { instantThenId } from "./sort-key-position.js";
import { transactionCancellation, transactItems, type NamedActions } from "./transaction-cancellation.js";
import { indexNames } from "./table-definition.js";

const jobName = "late-dossiers";
const jobMarkSchema = z.lazy(() => z.object({ type: z.literal(itemTypes.jobMark), lastDay: z.iso.date() }));

export class DynamoDbLateDossierRepository implements LateDossierRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async dueOn(day: string): Promise<Dossier[]> {
    const items = await queryAllPages(this.client, {
      TableName: this.tableName,
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
    const update = {
      TableName: this.tableName,
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
    if (!notification) {
      try {
        await this.client.send(new UpdateCommand(update));
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    }
    const actions: NamedActions<"dossier" | "outbox"> = [
      ["dossier", { Update: update }],
      ["outbox", { Put: { TableName: this.tableName, Item: outboxItemFor(notification.id, notification.notification, at), ConditionExpression: "attribute_not_exists(PK)" } }],
    ];
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: transactItems(actions) }));
      return true;
    } catch (error) {
      if (transactionCancellation(error, actions)?.conditionFailed("dossier")) return false;
      throw error;
    }
  }

  async lastProcessedDay(): Promise<string | null> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.jobMark(jobName), ConsistentRead: true }),
    );
    return result.Item ? jobMarkSchema.parse(result.Item).lastDay : null;
  }

  async saveLastProcessedDay(day: string, at: string): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.jobMark(jobName), type: itemTypes.jobMark, lastDay: day, updatedAt: at },
      }),
    );
  }

  async lateOfAgency(agencyCode: string, page: { limit: number; cursor: string | null }): Promise<LateDossierPage> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: indexNames.gsi2,
        KeyConditionExpression: "GSI2PK = :pk",
        ExpressionAttributeValues: { ":pk": keys.lateDossiersPartition(agencyCode) },
        Limit: page.limit,
        ...(page.cursor ? { ExclusiveStartKey: startKeyFromCursor(page.cursor, agencyCode) } : {}),
        ReturnConsumedCapacity: "TOTAL",
      }),
    );
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
