import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { localCredentials } from "./local-credentials.js";

export function localDynamoDbClient(endpoint: string, region: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region, credentials: localCredentials });
}
