import { benchFirstTimelineEntry } from "./first-timeline-entry.bench.js";
import { printBenchLines } from "./print-bench-lines.js";
import { raisedRateLimits } from "./raised-rate-limits.js";
import { startStackProcess } from "./start-stack-process.js";

// `pnpm --filter @motcua/bench bench:p4 [--runs N]`: only the P4 speed benchmark, on a stack of its own.
const runsArgument = process.argv.indexOf("--runs");
const runs = runsArgument > 0 ? Number(process.argv[runsArgument + 1]) : 5;
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number of runs");
const stack = await startStackProcess(raisedRateLimits);
try {
  printBenchLines(await benchFirstTimelineEntry(stack.info, { runs }));
} finally {
  await stack.stop();
}
