import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

export interface DynamoDbConnection {
  region: string;
  /** Set locally (DynamoDB Local); in AWS the SDK finds the endpoint and credentials itself. */
  endpoint?: string | undefined;
  /** Per attempt; `dynamoDbClientLimits.requestTimeoutMs` when absent. */
  requestTimeoutMs?: number | undefined;
  maxAttempts?: number | undefined;
}

/**
 * Deliberate limits, well inside the HTTP functions' 10-second Lambda timeout (infra/src/function-catalogue.ts):
 * a frozen table costs a request at most 3 attempts × (1 s to connect + 2 s to answer) plus the SDK's short
 * backoff, about 7 s, and the error boundary then answers 503 with `Retry-After` instead of the platform's 504.
 * A single DynamoDB call answers in milliseconds, so 2 s is never reached by a healthy table.
 */
export const dynamoDbClientLimits = { connectionTimeoutMs: 1000, requestTimeoutMs: 2000, maxAttempts: 3 } as const;

export function createDocumentClient(connection: DynamoDbConnection, client?: DynamoDBClient): DynamoDBDocumentClient {
  const base =
    client ??
    new DynamoDBClient({
      region: connection.region,
      maxAttempts: connection.maxAttempts ?? dynamoDbClientLimits.maxAttempts,
      requestHandler: {
        connectionTimeout: dynamoDbClientLimits.connectionTimeoutMs,
        requestTimeout: connection.requestTimeoutMs ?? dynamoDbClientLimits.requestTimeoutMs,
        // Without it the SDK only logs a warning and keeps waiting.
        throwOnRequestTimeout: true,
      },
      ...(connection.endpoint
        ? { endpoint: connection.endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
        : {}),
    });
  return DynamoDBDocumentClient.from(base, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
