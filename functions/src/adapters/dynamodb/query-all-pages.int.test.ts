import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestTable } from "../../../test/dynamodb-test-table.js";
import { queryAllPages } from "./query-all-pages.js";

let table: Awaited<ReturnType<typeof createTestTable>>;
beforeAll(async () => {
  table = await createTestTable();
  for (let i = 0; i < 5; i += 1) {
    await table.documentClient.send(new PutCommand({ TableName: table.tableName, Item: { PK: "P", SK: `S${i}` } }));
  }
});
afterAll(async () => table.drop());

it("follows LastEvaluatedKey until the last page", async () => {
  const items = await queryAllPages(table.documentClient, {
    TableName: table.tableName,
    KeyConditionExpression: "PK = :pk",
    ExpressionAttributeValues: { ":pk": "P" },
    Limit: 2,
  });
  expect(items.map((item) => item.SK)).toEqual(["S0", "S1", "S2", "S3", "S4"]);
});
