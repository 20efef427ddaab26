import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/** Commands that can report the capacity they consume. */
const capacityCommands = new Set([
  "GetItemCommand",
  "PutItemCommand",
  "UpdateItemCommand",
  "DeleteItemCommand",
  "QueryCommand",
  "ScanCommand",
  "BatchGetItemCommand",
  "BatchWriteItemCommand",
  "TransactGetItemsCommand",
  "TransactWriteItemsCommand",
]);

/** The reach report's items (a dossier's `REACH` marks, an agency-month counter) among a transaction's items. */
function reachItemsIn(input: unknown): number {
  // The document client may hand the input on before or after marshalling: a key is "x" or { S: "x" }.
  const text = (value: unknown) => (typeof value === "string" ? value : typeof value === "object" && value !== null ? String((value as { S?: unknown }).S ?? "") : "");
  const items = (input as { TransactItems?: Record<string, { Key?: Record<string, unknown>; Item?: Record<string, unknown> }>[] }).TransactItems ?? [];
  return items.filter((entry) =>
    Object.values(entry).some((operation) => {
      const key = operation.Key ?? operation.Item ?? {};
      return text(key.SK) === "REACH" || text(key.PK).startsWith("REACH#");
    }),
  ).length;
}

/**
 * A DynamoDB client that counts the requests it sends, by command, and adds up the capacity DynamoDB reports
 * (it asks every request that can report capacity to report it). It also counts the reach report's items written
 * in transactions: each is under 1 KB, so each costs 2 WCU in a transaction.
 */
export function meteredDynamoDbClient(endpoint: string, region: string) {
  const client = new DynamoDBClient({ endpoint, region, credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  const requests = new Map<string, number>();
  const capacity = new Map<string, number>();
  let reachItems = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? "unknown";
      const input = args.input as Record<string, unknown>;
      if (capacityCommands.has(name) && input.ReturnConsumedCapacity === undefined) input.ReturnConsumedCapacity = "TOTAL";
      if (name === "TransactWriteItemsCommand") reachItems += reachItemsIn(input);
      const result = await next(args);
      requests.set(name, (requests.get(name) ?? 0) + 1);
      const output = result.output as { ConsumedCapacity?: Capacity | Capacity[] };
      const consumed = [output.ConsumedCapacity ?? []].flat();
      const units = consumed.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      capacity.set(name, (capacity.get(name) ?? 0) + units);
      return result;
    },
    { step: "initialize", name: "benchMeter" },
  );
  return {
    client,
    reset() {
      requests.clear();
      capacity.clear();
      reachItems = 0;
    },
    /** Reach items written in transactions since the last reset (marks and counters, 2 WCU each). */
    reachItems: () => reachItems,
    /** Capacity units of every command since the last reset. */
    totalCapacity: () => [...capacity.values()].reduce((a, b) => a + b, 0),
    requests: () => Object.fromEntries(requests),
    capacity: () => Object.fromEntries(capacity),
    total: () => [...requests.values()].reduce((a, b) => a + b, 0),
  };
}
