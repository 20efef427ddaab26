import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DescribeTableCommand, DescribeTimeToLiveCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { startDynamoDbLocal, type DynamoDbLocal } from "../dynamodb-local/start-dynamodb-local.js";
import { localDynamoDbClient } from "../dynamodb-local/local-dynamodb-client.js";
import { ensureTable } from "./ensure-table.js";

describe("ensureTable on DynamoDB Local", () => {
  let dynamo: DynamoDbLocal;
  let client: DynamoDBClient;

  beforeAll(async () => {
    dynamo = await startDynamoDbLocal({ port: 0 });
    client = localDynamoDbClient(dynamo.endpoint, "ap-southeast-1");
  });
  afterAll(async () => {
    client?.destroy();
    await dynamo?.stop();
  });

  it("creates an active table with both indexes, a stream and TTL, and is idempotent", async () => {
    expect(await ensureTable(client, "motcua-test")).toEqual({ created: true });
    expect(await ensureTable(client, "motcua-test")).toEqual({ created: false });

    const { Table } = await client.send(new DescribeTableCommand({ TableName: "motcua-test" }));
    expect(Table?.TableStatus).toBe("ACTIVE");
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(["GSI1", "GSI2"]);
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" });
    expect(Table?.LatestStreamArn).toBeTruthy();

    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: "motcua-test" }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: "ENABLED", AttributeName: "expiresAt" });
  });
});
