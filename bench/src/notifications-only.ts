import { benchNotificationsOnOwnStack, notificationBenchOptions } from "./notifications.bench.js";
import { printBenchLines } from "./print-bench-lines.js";

// `pnpm --filter @motcua/bench bench:notify [--quick] [--only=latency|rate|faults] [--quota=N] [--rate-messages=N] [--env=NAME=value]`: only the notification runs.
const options = notificationBenchOptions(process.argv.includes("--quick"));
const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length);
if (only && only !== "latency") options.latencyEvents = 0;
if (only && only !== "rate") options.rateMessages = 0;
if (only && only !== "faults") options.faultMessages = 0;
const quota = process.argv.find((arg) => arg.startsWith("--quota="));
if (quota) options.quotaPerSecond = Number(quota.slice("--quota=".length));
const messages = process.argv.find((arg) => arg.startsWith("--rate-messages="));
if (messages) options.rateMessages = Number(messages.slice("--rate-messages=".length));
// `--env=NOTIFY_CONCURRENCY=16`: notify configuration for experiments.
options.env = Object.fromEntries(
  process.argv.filter((arg) => arg.startsWith("--env=")).map((arg) => arg.slice("--env=".length).split("=") as [string, string]),
);
printBenchLines(await benchNotificationsOnOwnStack(options));
