import { benchLookupAndIngest, type BenchLine } from "./lookup-and-ingest.bench.js";
import { printBenchLines } from "./print-bench-lines.js";
import { benchReachCost } from "./reach-cost.bench.js";
import { startStackProcess } from "./start-stack-process.js";

// `pnpm --filter @motcua/bench bench:cost`: only the DynamoDB cost lines (lookups, ingest, messages, the reach counters).
const stack = await startStackProcess({ RATE_LIMIT_USER_PER_MINUTE: "10000000", RATE_LIMIT_ADDRESS_PER_MINUTE: "10000000" });
const lines: BenchLine[] = [];
try {
  lines.push(...(await benchLookupAndIngest(stack, { lookups: 300, concurrency: 16 })));
  lines.push(...(await benchReachCost(stack.info, { dossiers: 40 })));
} finally {
  await stack.stop();
}
printBenchLines(lines);
