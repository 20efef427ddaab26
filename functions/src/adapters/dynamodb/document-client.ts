import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export interface DynamoDbConnection {
  region: string;
  /** Set locally (DynamoDB Local); in AWS the SDK finds the endpoint and credentials itself. */
  endpoint?: string | undefined;
}

export function createDocumentClient(connection: DynamoDbConnection, client?: DynamoDBClient): DynamoDBDocumentClient {
  const base =
    client ??
    new DynamoDBClient({
      region: connection.region,
      ...(connection.endpoint
        ? { endpoint: connection.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
        : {}),
    });
  return DynamoDBDocumentClient.from(base, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
