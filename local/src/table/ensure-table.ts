import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
} from "@aws-sdk/client-dynamodb";
import { createTableInput, tableDefinition } from "@motcua/functions/adapters/dynamodb/table-definition";

/** Creates the one table (keys, indexes, stream) if it is missing, waits until it is ACTIVE, and turns TTL on. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<{ created: boolean }> {
  const created = !(await tableExists(client, tableName));
  if (created) await client.send(new CreateTableCommand(createTableInput(tableName)));
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: tableName });
  await enableTimeToLive(client, tableName);
  return { created };
}

async function tableExists(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}

async function enableTimeToLive(client: DynamoDBClient, tableName: string): Promise<void> {
  const current = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const description = current.TimeToLiveDescription;
  if (
    description?.TimeToLiveStatus === "ENABLED" &&
    description.AttributeName === tableDefinition.timeToLiveAttribute
  ) {
    return;
  }
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
    }),
  );
}
