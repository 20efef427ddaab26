import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DeleteCommandInput,
  type DeleteCommandOutput,
  type DynamoDBDocumentClient,
  type GetCommandInput,
  type PutCommandInput,
  type PutCommandOutput,
  type QueryCommandInput,
  type QueryCommandOutput,
  type TransactWriteCommandInput,
  type TransactWriteConditionCheck,
  type TransactWriteDelete,
  type TransactWritePut,
  type TransactWriteUpdate,
  type UpdateCommandInput,
  type UpdateCommandOutput,
} from "@aws-sdk/lib-dynamodb";

export type TableItem = Record<string, unknown>;
export type TableKey = Record<string, unknown>;
export type TableUpdate = Omit<UpdateCommandInput, "TableName">;
export type TableQuery = Omit<QueryCommandInput, "TableName">;

/** An Update that can go in a transaction as well as alone. */
export type TransactUpdate = Omit<TransactWriteUpdate, "TableName">;

/** One action of a transaction on this table (DynamoDB names the table in each; `transactWrite` does). */
export interface TableAction {
  Put?: Omit<TransactWritePut, "TableName">;
  Update?: TransactUpdate;
  Delete?: Omit<TransactWriteDelete, "TableName">;
  ConditionCheck?: Omit<TransactWriteConditionCheck, "TableName">;
}

/**
 * The one table (README beside this file), as the adapters talk to it: the one place that names it in a request.
 * Each method is one request of the document client with `TableName` added; inputs are lib-dynamodb's own, less
 * that name. `client` and `name` stay open for what has no method here (a BatchWrite names the table as a key).
 */
export class Table {
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly name: string,
  ) {}

  /** The item at the key, or null. */
  async get(key: TableKey, options: Omit<GetCommandInput, "TableName" | "Key"> = {}): Promise<TableItem | null> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.name, Key: key, ...options }));
    return Item ?? null;
  }

  async put(item: TableItem, options: Omit<PutCommandInput, "TableName" | "Item"> = {}): Promise<PutCommandOutput> {
    return this.client.send(new PutCommand({ TableName: this.name, Item: item, ...options }));
  }

  async delete(key: TableKey, options: Omit<DeleteCommandInput, "TableName" | "Key"> = {}): Promise<DeleteCommandOutput> {
    return this.client.send(new DeleteCommand({ TableName: this.name, Key: key, ...options }));
  }

  async update(input: TableUpdate): Promise<UpdateCommandOutput> {
    return this.client.send(new UpdateCommand({ TableName: this.name, ...input }));
  }

  /** One page of a Query. */
  async query(input: TableQuery): Promise<QueryCommandOutput> {
    return this.client.send(new QueryCommand({ TableName: this.name, ...input }));
  }

  /** Every page of a Query, following `LastEvaluatedKey` (a result is cut at 1 MB a page). */
  async *queryPages(input: Omit<TableQuery, "ExclusiveStartKey">): AsyncGenerator<QueryCommandOutput> {
    let startKey: TableKey | undefined;
    do {
      const page = await this.query({ ...input, ExclusiveStartKey: startKey });
      yield page;
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }

  /** Every item a Query matches, all pages read. */
  async queryAll(input: Omit<TableQuery, "ExclusiveStartKey">): Promise<TableItem[]> {
    const items: TableItem[] = [];
    for await (const page of this.queryPages(input)) items.push(...(page.Items ?? []));
    return items;
  }

  /** One TransactWriteItems; each action is on this table. */
  async transactWrite(actions: readonly TableAction[], options: Omit<TransactWriteCommandInput, "TransactItems"> = {}): Promise<void> {
    await this.client.send(
      new TransactWriteCommand({ TransactItems: actions.map((action) => onTable(action, this.name)), ...options }),
    );
  }
}

function onTable(action: TableAction, tableName: string): NonNullable<TransactWriteCommandInput["TransactItems"]>[number] {
  return Object.fromEntries(Object.entries(action).map(([kind, body]) => [kind, { TableName: tableName, ...body }]));
}

/** A conditional write's output, or null when its condition failed (nothing was written); any other error is thrown. */
export async function unlessConditionFails<T>(write: Promise<T>): Promise<T | null> {
  try {
    return await write;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return null;
    throw error;
  }
}
