import { benchLambdaMemory } from "./lambda-memory.bench.js";
import { benchLookupAndIngest, type BenchLine } from "./lookup-and-ingest.bench.js";
import { printBenchLines } from "./print-bench-lines.js";
import { monthlyBillLines } from "./province-bill.js";
import { benchProvinceCost } from "./province-cost.bench.js";
import { startStackProcess } from "./start-stack-process.js";
import { raisedRateLimits } from "./raised-rate-limits.js";

// `pnpm --filter @motcua/bench bench:cost`: only the DynamoDB cost lines (lookups, ingest, messages, ratings, reach) and the monthly bill.
const stack = await startStackProcess(raisedRateLimits);
const lines: BenchLine[] = [];
try {
  lines.push(...(await benchLookupAndIngest(stack, { lookups: 300, concurrency: 16 })));
  const cost = await benchProvinceCost(stack.info, { dossiers: 40, followers: 198 });
  const lambda = await benchLambdaMemory(stack.info, { dossiers: 40 });
  lines.push(...cost.lines, ...lambda.lines, ...monthlyBillLines({ ...cost.measured, lambdaCpuMs: lambda.cpuMs }));
} finally {
  await stack.stop();
}
printBenchLines(lines);
