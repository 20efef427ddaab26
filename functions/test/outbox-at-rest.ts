import { ScanCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { keys } from "../src/adapters/dynamodb/keys.js";
import { eventually } from "./eventually.js";

interface TestTableOf {
  table: { documentClient: DynamoDBDocumentClient };
  config: { tableName: string };
}

export type OutboxItemInFlight = { id: unknown; state: unknown; attempts: unknown };

/**
 * Outbox items the notify function has still to act on: pending and due (no `notBefore`), or held by a sender.
 * Finished items (sent, failed, undeliverable, unconfirmed) and postponed ones (`notBefore`, for the waker) are at rest.
 */
export async function outboxItemsInFlight(stack: TestTableOf): Promise<OutboxItemInFlight[]> {
  const found: OutboxItemInFlight[] = [];
  let exclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await stack.table.documentClient.send(
      new ScanCommand({
        TableName: stack.config.tableName,
        ConsistentRead: true,
        FilterExpression: "begins_with(PK, :outbox) AND (#state = :sending OR (#state = :pending AND attribute_not_exists(notBefore)))",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: { ":outbox": keys.outboxKeyPrefix, ":sending": "sending", ":pending": "pending" },
        ExclusiveStartKey: exclusiveStartKey,
      }),
    );
    found.push(...(page.Items ?? []).map((item) => ({ id: item["id"], state: item["state"], attempts: item["attempts"] })));
    exclusiveStartKey = page.LastEvaluatedKey;
  } while (exclusiveStartKey);
  return found;
}

/**
 * Waits until the stream poller's notify handler has acted on every outbox item written so far. A test that moves
 * its clock calls this first: a delivery still running would otherwise see the time jump in its middle (an OA token
 * stamped with the old time and judged by the new one, say), which no real clock does. A timeout lists the items.
 */
export async function waitForOutboxAtRest(stack: TestTableOf, timeoutMs = 15_000): Promise<void> {
  await eventually(() => outboxItemsInFlight(stack), (items) => items.length === 0, timeoutMs);
}
