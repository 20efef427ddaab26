import { randomUUID } from "node:crypto";
import { DeleteTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { inject } from "vitest";
import { createDocumentClient } from "../src/adapters/dynamodb/document-client.js";
import { ensureTable } from "../../local/src/table/ensure-table.js";

/** A fresh table on the shared DynamoDB Local for one test file. */
export async function createTestTable() {
  const endpoint = inject("dynamodbEndpoint");
  const client = new DynamoDBClient({ endpoint, region: "ap-southeast-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  const tableName = `test-${randomUUID()}`;
  await ensureTable(client, tableName);
  return {
    endpoint,
    tableName,
    client,
    documentClient: createDocumentClient({ region: "ap-southeast-1", endpoint }, client),
    async drop() {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
      client.destroy();
    },
  };
}
