import { randomUUID } from "node:crypto";
import { DeleteTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { afterAll, beforeAll, inject } from "vitest";
import { createDocumentClient } from "../src/adapters/dynamodb/document-client.js";
import { Table } from "../src/adapters/dynamodb/table.js";
import { ensureTable } from "../../local/src/table/ensure-table.js";

/** A fresh table on the shared DynamoDB Local for one test file. */
export async function createTestTable() {
  const endpoint = inject("dynamodbEndpoint");
  const client = new DynamoDBClient({ endpoint, region: "ap-southeast-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  const tableName = `test-${randomUUID()}`;
  await ensureTable(client, tableName);
  const documentClient = createDocumentClient({ region: "ap-southeast-1", endpoint }, client);
  return {
    endpoint,
    tableName,
    client,
    documentClient,
    /** The table as the DynamoDB adapters take it. */
    table: new Table(documentClient, tableName),
    async drop() {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
      client.destroy();
    },
  };
}

export type TestTable = Awaited<ReturnType<typeof createTestTable>>;

/**
 * A fresh table for the calling test file: created before its tests (then `onCreated` builds what the file tests on
 * it), dropped after them. The object answers once the tests run, not at module load.
 */
export function testTableForThisFile(onCreated: (table: TestTable) => void = () => {}): TestTable {
  let created: TestTable | undefined;
  beforeAll(async () => {
    created = await createTestTable();
    onCreated(created);
  });
  afterAll(async () => created?.drop());
  const current = () => {
    if (!created) throw new Error("the test table is created in beforeAll; use it inside a test or hook");
    return created;
  };
  return {
    get endpoint() {
      return current().endpoint;
    },
    get tableName() {
      return current().tableName;
    },
    get client() {
      return current().client;
    },
    get documentClient() {
      return current().documentClient;
    },
    get table() {
      return current().table;
    },
    drop: () => current().drop(),
  };
}
