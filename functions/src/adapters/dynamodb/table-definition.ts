import type { CreateTableCommandInput } from "@aws-sdk/client-dynamodb";

/** The names of the table's two global secondary indexes, for every Query that reads one. */
export const indexNames = { gsi1: "GSI1", gsi2: "GSI2" } as const;

/**
 * The one table's key schema. The CDK app and the local stack both build the table from this,
 * so key names and indexes cannot drift apart.
 */
export const tableDefinition = {
  partitionKey: "PK",
  sortKey: "SK",
  globalSecondaryIndexes: [
    { indexName: indexNames.gsi1, partitionKey: "GSI1PK", sortKey: "GSI1SK" },
    { indexName: indexNames.gsi2, partitionKey: "GSI2PK", sortKey: "GSI2SK" },
  ],
  timeToLiveAttribute: "expiresAt",
  streamViewType: "NEW_AND_OLD_IMAGES",
} as const;

export type IndexName = (typeof tableDefinition.globalSecondaryIndexes)[number]["indexName"];

export function createTableInput(tableName: string): CreateTableCommandInput {
  const keyAttributes = [
    tableDefinition.partitionKey,
    tableDefinition.sortKey,
    ...tableDefinition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: "S" })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: "HASH" },
      { AttributeName: tableDefinition.sortKey, KeyType: "RANGE" },
    ],
    GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: "HASH" },
        { AttributeName: index.sortKey, KeyType: "RANGE" },
      ],
      Projection: { ProjectionType: "ALL" },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType },
  };
}
