import type { TestProject } from "vitest/node";
// The launcher is dev tooling of the local stack; the integration tests of the DynamoDB adapters share it.
import { startDynamoDbLocal } from "../../local/src/dynamodb-local/start-dynamodb-local.js";

declare module "vitest" {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal({ port: 0 });
  project.provide("dynamodbEndpoint", dynamo.endpoint);
  return async () => dynamo.stop();
}
