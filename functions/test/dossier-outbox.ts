import { QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import { keys } from "../src/adapters/dynamodb/keys.js";
import { indexNames } from "../src/adapters/dynamodb/table-definition.js";
import { outboxStates } from "../src/domain/outbox.js";
import { eventually } from "./eventually.js";

const outboxStateSchema = z.object({ id: z.string(), state: z.enum(outboxStates) });
const finished = new Set(["sent", "failed", "undeliverable"]);

/**
 * Waits until the notify function has finished every message the outbox holds for the dossier (none pending or
 * sending; at least `atLeast` items), and returns their states. Ingest writes a dossier's messages in the same
 * transaction as its event, so once the events are in, this is the condition that nothing more will be sent. After it, a count of the emulator's messages for the
 * dossier is final: nothing more is queued for it.
 */
export async function waitForDossierOutboxToSettle(client: DynamoDBDocumentClient, tableName: string, code: string, atLeast = 1) {
  const read = async () => (await dossierOutboxItems(client, tableName, code)).map((item) => outboxStateSchema.parse(item));
  return eventually(read, (items) => items.length >= atLeast && items.every((item) => finished.has(item.state)), 20_000);
}

/** Every outbox item the table holds for the dossier, as stored (GSI2, by dossier). */
export async function dossierOutboxItems(client: DynamoDBDocumentClient, tableName: string, code: string): Promise<Array<Record<string, unknown>>> {
  const result = await client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: indexNames.gsi2,
      KeyConditionExpression: "GSI2PK = :pk",
      ExpressionAttributeValues: { ":pk": keys.outboxByDossierPartition(code) },
    }),
  );
  return result.Items ?? [];
}
