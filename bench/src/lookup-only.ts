import { benchLookupAndIngest } from "./lookup-and-ingest.bench.js";
import { printBenchLines } from "./print-bench-lines.js";
import { raisedRateLimits } from "./raised-rate-limits.js";
import { startStackProcess } from "./start-stack-process.js";

// `pnpm --filter @motcua/bench bench:lookup [-- --lookups N]`: lookup cost and throughput (API / raw Query) and ingest writes.
const at = process.argv.indexOf("--lookups");
const lookups = at >= 0 ? Number(process.argv[at + 1]) : 3000;
const stack = await startStackProcess(raisedRateLimits);
try {
  printBenchLines(await benchLookupAndIngest(stack, { lookups, concurrency: 16 }));
} finally {
  await stack.stop();
}
