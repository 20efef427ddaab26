import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { dynamoDbClientLimits } from "@motcua/functions/adapters/dynamodb/document-client";
import { localCredentials } from "./local-credentials.js";

/** DynamoDB Local with the functions' own timeouts and retries, so a frozen emulator fails requests as AWS would. */
export function localDynamoDbClient(endpoint: string, region: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region,
    credentials: localCredentials,
    maxAttempts: dynamoDbClientLimits.maxAttempts,
    requestHandler: { connectionTimeout: dynamoDbClientLimits.connectionTimeoutMs, requestTimeout: dynamoDbClientLimits.requestTimeoutMs },
  });
}
