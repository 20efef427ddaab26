import { DynamoDBClient, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { awsWriteUnitsModel } from "./aws-write-units.js";
import { dynamoDbItemSize } from "./dynamodb-item-size.js";

interface Capacity {
  CapacityUnits?: number;
  TableName?: string;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
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

type TransactItem = Record<string, { Key?: Record<string, unknown>; Item?: Record<string, unknown> }>;

/** The reach report's items (a dossier's `REACH` marks, an agency-month counter) among a transaction's items. */
function reachItemsIn(input: unknown): number {
  // The document client may hand the input on before or after marshalling: a key is "x" or { S: "x" }.
  const text = (value: unknown) => (typeof value === "string" ? value : typeof value === "object" && value !== null ? String((value as { S?: unknown }).S ?? "") : "");
  const items = (input as { TransactItems?: TransactItem[] }).TransactItems ?? [];
  return items.filter((entry) =>
    Object.values(entry).some((operation) => {
      const key = operation.Key ?? operation.Item ?? {};
      return text(key.SK) === "REACH" || text(key.PK).startsWith("REACH#");
    }),
  ).length;
}

/** Items put by a request, in marshalled form (PutItem, and the Puts of a transaction). */
function putItemsIn(name: string, input: Record<string, unknown>): Record<string, AttributeValue>[] {
  if (name === "PutItemCommand") return [input.Item as Record<string, AttributeValue>];
  if (name !== "TransactWriteItemsCommand") return [];
  return ((input.TransactItems ?? []) as { Put?: { Item: Record<string, AttributeValue> } }[]).flatMap((entry) => (entry.Put ? [entry.Put.Item] : []));
}

const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);

/**
 * A DynamoDB client that counts the requests it sends, by command, and adds up the capacity DynamoDB reports
 * (it asks every request that can report capacity to report it, split by table and index). It also counts the
 * reach report's items written in transactions (each is under 1 KB, so each costs 2 WCU in a transaction) and
 * the size of every item put, by item type, and models the write units AWS would bill (DynamoDB Local's own
 * figures for transactions are not AWS's).
 */
export function meteredDynamoDbClient(endpoint: string, region: string) {
  const client = new DynamoDBClient({ endpoint, region, credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  const requests = new Map<string, number>();
  const capacity = new Map<string, number>();
  const capacityByIndex = new Map<string, number>();
  const putSizes = new Map<string, number[]>();
  let reachItems = 0;
  const awsWrites = awsWriteUnitsModel(endpoint, region);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = context.commandName ?? "unknown";
      const input = args.input as Record<string, unknown>;
      if (capacityCommands.has(name)) input.ReturnConsumedCapacity = "INDEXES";
      if (name === "TransactWriteItemsCommand") reachItems += reachItemsIn(input);
      const result = await next(args);
      requests.set(name, (requests.get(name) ?? 0) + 1);
      const output = result.output as { ConsumedCapacity?: Capacity | Capacity[] };
      const consumed = [output.ConsumedCapacity ?? []].flat();
      add(capacity, name, consumed.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0));
      for (const c of consumed) {
        add(capacityByIndex, "table", c.Table?.CapacityUnits ?? 0);
        for (const [index, units] of Object.entries(c.GlobalSecondaryIndexes ?? {})) add(capacityByIndex, index, units.CapacityUnits ?? 0);
      }
      return result;
    },
    { step: "initialize", name: "benchMeter" },
  );
  // At the build step the document client has marshalled the input: item sizes are counted on the wire form.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      for (const item of putItemsIn(context.commandName ?? "", args.input as Record<string, unknown>)) {
        const type = item.type?.S ?? "untyped";
        putSizes.set(type, [...(putSizes.get(type) ?? []), dynamoDbItemSize(item)]);
      }
      return next(args);
    },
    { step: "build", name: "benchItemSizes" },
  );
  client.middlewareStack.add(awsWrites.middleware as never, { step: "build", name: "benchAwsWriteUnits" });
  return {
    client,
    reset() {
      requests.clear();
      capacity.clear();
      capacityByIndex.clear();
      putSizes.clear();
      awsWrites.reset();
      reachItems = 0;
    },
    /** Reach items written in transactions since the last reset (marks and counters, 2 WCU each). */
    reachItems: () => reachItems,
    /** Capacity units of every command since the last reset. */
    totalCapacity: () => [...capacity.values()].reduce((a, b) => a + b, 0),
    /** Capacity units since the last reset by where they were spent: `table`, `GSI1`, `GSI2`. */
    capacityByIndex: () => Object.fromEntries(capacityByIndex),
    /** Sizes in bytes of the items put since the last reset, by item type. */
    putSizes: () => Object.fromEntries(putSizes),
    /** Write units as AWS bills them (see aws-write-units.ts), in total, by `table`/`GSI1`/`GSI2` and by item type. */
    awsWriteUnits: () => ({ total: awsWrites.total(), byWhere: awsWrites.byWhere(), byItemType: awsWrites.byItemType() }),
    destroy() {
      client.destroy();
      awsWrites.destroy();
    },
    requests: () => Object.fromEntries(requests),
    capacity: () => Object.fromEntries(capacity),
    total: () => [...requests.values()].reduce((a, b) => a + b, 0),
  };
}
