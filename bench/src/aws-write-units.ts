import { DynamoDBClient, GetItemCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { tableDefinition } from "@motcua/functions/adapters/dynamodb/table-definition";
import { dynamoDbItemSize } from "./dynamodb-item-size.js";

type Item = Record<string, AttributeValue>;
interface Target {
  table: string;
  key: Item;
}

const kilobytes = (item: Item | undefined) => (item ? Math.max(1, Math.ceil(dynamoDbItemSize(item) / 1024)) : 0);
const keyOf = (item: Item): Item => ({ PK: item.PK!, SK: item.SK! });
const same = (a: AttributeValue | undefined, b: AttributeValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** The items a write request targets, from its marshalled input. */
function targetsOf(command: string, input: Record<string, unknown>): Target[] {
  const table = String(input.TableName ?? "");
  if (command === "PutItemCommand") return [{ table, key: keyOf(input.Item as Item) }];
  if (command === "UpdateItemCommand" || command === "DeleteItemCommand") return [{ table, key: input.Key as Item }];
  if (command === "TransactWriteItemsCommand") {
    return ((input.TransactItems ?? []) as Record<string, { TableName: string; Key?: Item; Item?: Item }>[]).flatMap((entry) =>
      Object.entries(entry)
        .filter(([operation]) => operation !== "ConditionCheck")
        .map(([, operation]) => ({ table: operation.TableName, key: operation.Key ?? keyOf(operation.Item!) })),
    );
  }
  if (command === "BatchWriteItemCommand") {
    return Object.entries((input.RequestItems ?? {}) as Record<string, { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }[]>).flatMap(([name, requests]) =>
      requests.map((request) => ({ table: name, key: request.PutRequest ? keyOf(request.PutRequest.Item) : request.DeleteRequest!.Key })),
    );
  }
  return [];
}

const writeCommands = new Set(["PutItemCommand", "UpdateItemCommand", "DeleteItemCommand", "TransactWriteItemsCommand", "BatchWriteItemCommand"]);

/**
 * Write units as AWS bills them, which DynamoDB Local does not report faithfully for transactions (it answers 4 WCU
 * for one to five small items in a transaction, and 4 more per index the transaction touches, whatever the items).
 * For every item a write targets, the item is read before and after (a consistent GetItem on a client of its own)
 * and billed by AWS's rules: the larger of the two sizes, 1 WCU per KB, twice that in a transaction; and for each
 * index, a write when the item enters, changes in or leaves it (two when its index key changes), 1 WCU per KB
 * (the indexes project every attribute). Index writes are counted once in transactions too: DynamoDB applies them
 * to the indexes after the transaction commits. Refused conditional writes are billed for the table only.
 * Reads are left to DynamoDB Local, whose read units follow AWS's rules (4 KB a unit, half for eventual reads).
 */
export function awsWriteUnitsModel(endpoint: string, region: string) {
  const reader = new DynamoDBClient({ endpoint, region, credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  const byWhere = new Map<string, number>();
  const byItemType = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, units: number) => map.set(key, (map.get(key) ?? 0) + units);
  const image = async (target: Target) =>
    (await reader.send(new GetItemCommand({ TableName: target.table, Key: target.key, ConsistentRead: true }))).Item;

  function bill(command: string, before: Item | undefined, after: Item | undefined, succeeded: boolean) {
    const type = (after ?? before)?.type?.S ?? "untyped";
    const tableUnits = Math.max(kilobytes(before), kilobytes(after), 1) * (command === "TransactWriteItemsCommand" ? 2 : 1);
    add(byWhere, "table", tableUnits);
    add(byItemType, type, tableUnits);
    if (!succeeded) return;
    for (const index of tableDefinition.globalSecondaryIndexes) {
      const was = before?.[index.partitionKey] !== undefined;
      const is = after?.[index.partitionKey] !== undefined;
      const moved = was && is && !(same(before![index.partitionKey], after![index.partitionKey]) && same(before![index.sortKey], after![index.sortKey]));
      const changed = was && is && JSON.stringify(before) !== JSON.stringify(after);
      const units = moved ? kilobytes(before) + kilobytes(after) : changed ? kilobytes(after) : was && !is ? kilobytes(before) : !was && is ? kilobytes(after) : 0;
      add(byWhere, index.indexName, units);
      add(byItemType, type, units);
    }
  }

  return {
    /** A middleware for the client's build step (the input is marshalled there). */
    middleware:
      (next: (args: { input: object }) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: { input: object }) => {
        const command = context.commandName ?? "";
        if (!writeCommands.has(command)) return next(args);
        const targets = targetsOf(command, args.input as Record<string, unknown>);
        const before = await Promise.all(targets.map(image));
        let succeeded = false;
        try {
          const result = await next(args);
          succeeded = true;
          return result;
        } finally {
          const after = succeeded ? await Promise.all(targets.map(image)) : before;
          targets.forEach((_, i) => bill(command, before[i], after[i], succeeded));
        }
      },
    reset() {
      byWhere.clear();
      byItemType.clear();
    },
    total: () => [...byWhere.values()].reduce((a, b) => a + b, 0),
    /** Write units by where they are spent: `table`, `GSI1`, `GSI2`. */
    byWhere: () => Object.fromEntries(byWhere),
    /** Write units by item type (table and index writes of that item). */
    byItemType: () => Object.fromEntries(byItemType),
    destroy: () => reader.destroy(),
  };
}
