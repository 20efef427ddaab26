import { notifyStreamFilterPatterns } from "../src/adapters/dynamodb/notify-stream.js";
import { startStreamPoller, type StreamHandler, type StreamPollerOptions } from "../../local/src/stream-poller/start-stream-poller.js";

/** The local stack's stream poller (GetShardIterator/GetRecords on DynamoDB Local), for tests of stream handlers. */
export { startStreamPoller, type StreamPoller } from "../../local/src/stream-poller/start-stream-poller.js";

/**
 * Feeds a test stack's table stream to a notify handler through the same filters as the trigger in AWS, polling
 * often so tests wait little.
 */
export function startNotifyPoller(
  stack: { table: { endpoint: string }; config: { tableName: string } },
  notify: StreamHandler,
  options: Partial<Pick<StreamPollerOptions, "retryDelayMs" | "maxRetries" | "log">> = {},
) {
  return startStreamPoller({
    dynamodbEndpoint: stack.table.endpoint,
    region: "ap-southeast-1",
    tableName: stack.config.tableName,
    filterPatterns: notifyStreamFilterPatterns,
    handler: notify,
    idleDelayMs: 50,
    log: () => {},
    ...options,
  });
}
