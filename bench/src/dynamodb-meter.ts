import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/** A DynamoDB client that counts the requests it sends, by command, and adds up the capacity DynamoDB reports. */
export function meteredDynamoDbClient(endpoint: string, region: string) {
  const client = new DynamoDBClient({ endpoint, region, credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  const requests = new Map<string, number>();
  const capacity = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const name = context.commandName ?? "unknown";
      requests.set(name, (requests.get(name) ?? 0) + 1);
      const output = result.output as { ConsumedCapacity?: Capacity | Capacity[] };
      const consumed = [output.ConsumedCapacity ?? []].flat();
      const units = consumed.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      capacity.set(name, (capacity.get(name) ?? 0) + units);
      return result;
    },
    { step: "initialize", name: "benchMeter" },
  );
  return {
    client,
    reset() {
      requests.clear();
      capacity.clear();
    },
    requests: () => Object.fromEntries(requests),
    capacity: () => Object.fromEntries(capacity),
    total: () => [...requests.values()].reduce((a, b) => a + b, 0),
  };
}
