/** The local stack's stream poller (GetShardIterator/GetRecords on DynamoDB Local), for tests of stream handlers. */
export { startStreamPoller, type StreamPoller } from "../../local/src/stream-poller/start-stream-poller.js";
