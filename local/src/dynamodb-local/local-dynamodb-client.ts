import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { dynamoDbClientLimits } from "@motcua/functions/adapters/dynamodb/document-client";
import { localCredentials } from "./local-credentials.js";

/**
 * DynamoDB Local with the functions' retries and timeouts, so a frozen emulator fails requests as AWS would; an
 * attempt may take longer (5 s by default) because DynamoDB Local on a busy laptop is far slower than DynamoDB.
 */
export function localDynamoDbClient(endpoint: string, region: string, requestTimeoutMs = 5000): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region,
    credentials: localCredentials,
    maxAttempts: dynamoDbClientLimits.maxAttempts,
    requestHandler: { connectionTimeout: dynamoDbClientLimits.connectionTimeoutMs, requestTimeout: requestTimeoutMs, throwOnRequestTimeout: true },
  });
}
