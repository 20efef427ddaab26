import { benchDialectSync } from "./dialect-sync.bench.js";
import { printBenchLines } from "./print-bench-lines.js";
import { startStackProcess } from "./start-stack-process.js";

// `pnpm --filter @motcua/bench bench:dialect [--quick]`: only the national sync dialect against native ingest.
const stack = await startStackProcess({});
try {
  printBenchLines(await benchDialectSync(stack, { rounds: process.argv.includes("--quick") ? 8 : 40, concurrency: 4 }));
} finally {
  await stack.stop();
}
