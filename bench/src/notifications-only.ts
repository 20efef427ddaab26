import { benchNotificationsOnOwnStack, notificationBenchOptions } from "./notifications.bench.js";
import { printBenchLines } from "./print-bench-lines.js";
import { benchQuotaPriority, quotaPriorityOptions } from "./quota-priority.bench.js";

// `pnpm --filter @motcua/bench bench:notify [--quick] [--only=latency|rate|faults|daily-quota] [--quota=N] [--rate-messages=N] [--env=NAME=value]`: only the notification runs.
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
const lines = only === "daily-quota" ? [] : await benchNotificationsOnOwnStack(options);
if (!only || only === "daily-quota") lines.push(...(await benchQuotaPriority(quotaPriorityOptions(process.argv.includes("--quick")))));
printBenchLines(lines);
