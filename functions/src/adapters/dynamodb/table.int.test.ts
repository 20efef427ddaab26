import { expect, it } from "vitest";
import { testTableForThisFile } from "../../../test/dynamodb-test-table.js";
import { unlessConditionFails } from "./table.js";

const testTable = testTableForThisFile();

it("reads every page of a Query, following LastEvaluatedKey until the last page", async () => {
  for (let i = 0; i < 5; i += 1) await testTable.table.put({ PK: "P", SK: `S${i}` });
  const items = await testTable.table.queryAll({ KeyConditionExpression: "PK = :pk", ExpressionAttributeValues: { ":pk": "P" }, Limit: 2 });
  expect(items.map((item) => item.SK)).toEqual(["S0", "S1", "S2", "S3", "S4"]);
});

it("names the table in each action of a transaction, and answers null for a write whose condition failed", async () => {
  const { table } = testTable;
  await table.transactWrite([{ Put: { Item: { PK: "T", SK: "1" } } }, { Update: { Key: { PK: "T", SK: "2" }, UpdateExpression: "SET n = :n", ExpressionAttributeValues: { ":n": 1 } } }]);
  expect(await table.get({ PK: "T", SK: "2" }, { ConsistentRead: true })).toEqual({ PK: "T", SK: "2", n: 1 });
  expect(await unlessConditionFails(table.put({ PK: "T", SK: "1" }, { ConditionExpression: "attribute_not_exists(PK)" }))).toBeNull();
  expect((await table.delete({ PK: "T", SK: "1" }, { ReturnValues: "ALL_OLD" })).Attributes).toEqual({ PK: "T", SK: "1" });
  expect(await table.get({ PK: "T", SK: "1" })).toBeNull();
});
