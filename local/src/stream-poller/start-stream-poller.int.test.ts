import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PutItemCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { localDynamoDbClient } from "../dynamodb-local/local-dynamodb-client.js";
import { startDynamoDbLocal, type DynamoDbLocal } from "../dynamodb-local/start-dynamodb-local.js";
import { ensureTable } from "../table/ensure-table.js";
import { startStreamPoller } from "./start-stream-poller.js";

const region = "ap-southeast-1";

describe("stream poller on DynamoDB Local", () => {
  let dynamo: DynamoDbLocal;
  let client: DynamoDBClient;

  beforeAll(async () => {
    dynamo = await startDynamoDbLocal({ port: 0 });
    client = localDynamoDbClient(dynamo.endpoint, region);
  });
  afterAll(async () => {
    client?.destroy();
    await dynamo?.stop();
  });

  async function put(tableName: string, pk: string, text: string) {
    await client.send(
      new PutItemCommand({ TableName: tableName, Item: { PK: { S: pk }, SK: { S: "ITEM" }, text: { S: text } } }),
    );
  }

  it("delivers new items as DynamoDBStreamEvent records with their new image", async () => {
    await ensureTable(client, "stream-basic");
    await put("stream-basic", "BEFORE#0", "written before the poller started");
    const events: DynamoDBStreamEvent[] = [];
    const poller = await startStreamPoller({
      dynamodbEndpoint: dynamo.endpoint,
      region,
      tableName: "stream-basic",
      handler: async (event) => {
        events.push(event);
      },
      idleDelayMs: 50,
      log: () => {},
    });
    try {
      await put("stream-basic", "OUTBOX#1", "một");
      await put("stream-basic", "OUTBOX#2", "hai");
      const records = await waitFor(() => events.flatMap((event) => event.Records), 2);

      expect(records.map((record) => record.dynamodb?.NewImage?.["PK"]?.S)).toEqual(["OUTBOX#1", "OUTBOX#2"]);
      expect(records[0]).toMatchObject({
        eventName: "INSERT",
        eventVersion: "1.1",
        eventSource: "aws:dynamodb",
        awsRegion: region,
        eventSourceARN: expect.stringContaining("stream-basic"),
        dynamodb: {
          Keys: { PK: { S: "OUTBOX#1" }, SK: { S: "ITEM" } },
          NewImage: { PK: { S: "OUTBOX#1" }, SK: { S: "ITEM" }, text: { S: "một" } },
          StreamViewType: "NEW_AND_OLD_IMAGES",
          SequenceNumber: expect.any(String),
          SizeBytes: expect.any(Number),
          ApproximateCreationDateTime: expect.any(Number),
        },
      });
      expect(records[0]!.eventID).not.toBe("");
    } finally {
      await poller.stop();
    }
  });

  it("reads from the oldest record with fromStart", async () => {
    await ensureTable(client, "stream-from-start");
    await put("stream-from-start", "OUTBOX#old", "old");
    const seen: DynamoDBRecord[] = [];
    const poller = await startStreamPoller({
      dynamodbEndpoint: dynamo.endpoint,
      region,
      tableName: "stream-from-start",
      fromStart: true,
      handler: async (event) => {
        seen.push(...event.Records);
      },
      idleDelayMs: 50,
      log: () => {},
    });
    try {
      const records = await waitFor(() => seen, 1);
      expect(records[0]?.dynamodb?.Keys?.["PK"]?.S).toBe("OUTBOX#old");
    } finally {
      await poller.stop();
    }
  });

  it("re-delivers from the first failed record after a partial batch failure", async () => {
    await ensureTable(client, "stream-retry");
    const deliveries: string[][] = [];
    let failedOnce = false;
    const poller = await startStreamPoller({
      dynamodbEndpoint: dynamo.endpoint,
      region,
      tableName: "stream-retry",
      idleDelayMs: 50,
      retryDelayMs: 50,
      log: () => {},
      handler: async (event): Promise<DynamoDBBatchResponse> => {
        const keys = event.Records.map((record) => record.dynamodb?.Keys?.["PK"]?.S ?? "?");
        deliveries.push(keys);
        const failing = event.Records.find((record) => record.dynamodb?.Keys?.["PK"]?.S === "OUTBOX#b");
        if (failing && !failedOnce) {
          failedOnce = true;
          return { batchItemFailures: [{ itemIdentifier: failing.dynamodb!.SequenceNumber! }] };
        }
        return { batchItemFailures: [] };
      },
    });
    try {
      await put("stream-retry", "OUTBOX#a", "a");
      await put("stream-retry", "OUTBOX#b", "b");
      await put("stream-retry", "OUTBOX#c", "c");
      await waitFor(() => deliveries.flat().filter((key) => key === "OUTBOX#c"), 1);
      await waitFor(() => deliveries.flat().filter((key) => key === "OUTBOX#b"), 2);

      const delivered = deliveries.flat();
      expect(delivered.filter((key) => key === "OUTBOX#a")).toHaveLength(1);
      expect(delivered.filter((key) => key === "OUTBOX#b")).toHaveLength(2);
      const failedDelivery = deliveries.findIndex((keys) => keys.includes("OUTBOX#b"));
      expect(deliveries[failedDelivery + 1]?.[0]).toBe("OUTBOX#b");
    } finally {
      await poller.stop();
    }
  });
});

async function waitFor<T>(read: () => T[], count: number, timeoutMs = 15_000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const items = read();
    if (items.length >= count) return items;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${count} item(s); got ${items.length}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
