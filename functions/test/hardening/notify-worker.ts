import { notifyStreamFilterPatterns } from "../../src/adapters/dynamodb/notify-stream.js";
import { FixedClock } from "../../src/adapters/in-memory/fixed-clock.js";
import { composeDependencies } from "../../src/composition/compose.js";
import { notifyHandlerFrom } from "../../src/composition/stream-handlers.js";
import { loadConfig } from "../../src/config/config.js";
import { startStreamPoller } from "../../../local/src/stream-poller/start-stream-poller.js";

/**
 * A notify worker in a process of its own, so a test can kill it with SIGKILL mid-batch: the real notify handler,
 * composed from the given configuration on a clock pinned at the given instant, fed by the local stream poller from
 * the stream's oldest record (as the event source mapping redelivers from its last checkpoint). Prints `ready` once
 * it reads the stream.
 *
 * Arguments: one JSON object `{ env, now }` (the function's environment and the instant it lives at).
 */
const { env, now } = JSON.parse(process.argv[2] ?? "{}") as { env: Record<string, string>; now: string };
const config = loadConfig(env);
const notify = notifyHandlerFrom(composeDependencies(config, { clock: new FixedClock(new Date(now)) }));
await startStreamPoller({
  dynamodbEndpoint: config.dynamodbEndpoint!,
  region: config.region,
  tableName: config.tableName,
  filterPatterns: notifyStreamFilterPatterns,
  handler: notify,
  fromStart: true,
  idleDelayMs: 50,
  log: (line) => process.stderr.write(`[notify-worker] ${line}\n`),
});
process.stdout.write("ready\n");
