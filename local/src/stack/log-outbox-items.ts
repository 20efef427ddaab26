import type { DynamoDBStreamEvent } from "aws-lambda";

/** Stand-in stream handler until the notify function is wired: reports outbox items as they arrive. */
export function logOutboxItems(log: (line: string) => void) {
  return async (event: DynamoDBStreamEvent): Promise<void> => {
    const outbox = event.Records.filter(
      (record) => record.eventName === "INSERT" && record.dynamodb?.NewImage?.["PK"]?.S?.startsWith("OUTBOX#"),
    );
    if (outbox.length > 0) log(`[stream] ${outbox.length} outbox item(s) arrived`);
  };
}
