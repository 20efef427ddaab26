import { benchBundleSize } from "./bundle-size.bench.js";
import { benchDialectSync } from "./dialect-sync.bench.js";
import { benchLambdaBundles } from "./lambda-bundles.bench.js";
import { benchLambdaMemory } from "./lambda-memory.bench.js";
import { benchFirstTimelineEntry } from "./first-timeline-entry.bench.js";
import { benchLookupAndIngest, type BenchLine } from "./lookup-and-ingest.bench.js";
import { benchLookupLoadOnOwnStack, lookupLoadOptions } from "./lookup-load-stack.js";
import { benchNotificationsOnOwnStack, notificationBenchOptions } from "./notifications.bench.js";
import { printBenchLines } from "./print-bench-lines.js";
import { monthlyBillLines } from "./province-bill.js";
import { benchProvinceCost } from "./province-cost.bench.js";
import { raisedRateLimits } from "./raised-rate-limits.js";
import { benchProcedureCatalogue } from "./procedure-catalogue.bench.js";
import { benchQuotaPriority, quotaPriorityOptions } from "./quota-priority.bench.js";
import { startStackProcess } from "./start-stack-process.js";

/**
 * Every benchmark, on a local stack of its own (free ports). Rate limits are raised for the throughput runs:
 * they would otherwise stop one citizen's thousands of lookups, which is their job; the lookup load run keeps them. The notification runs
 * start a second stack afterwards (the notify function paced to the emulator's quota).
 */
async function main() {
  const quick = process.argv.includes("--quick");
  const stack = await startStackProcess(raisedRateLimits);
  const lines: BenchLine[] = [];
  try {
    lines.push(...(await benchBundleSize()));
    lines.push(...(await benchLambdaBundles({ runs: quick ? 5 : 10 })));
    lines.push(...(await benchFirstTimelineEntry(stack.info, { runs: quick ? 3 : 5 })));
    lines.push(...(await benchLookupAndIngest(stack, { lookups: quick ? 300 : 3000, concurrency: 16 })));
    const cost = await benchProvinceCost(stack.info, { dossiers: 40, followers: 198 });
    const lambda = await benchLambdaMemory(stack.info, { dossiers: 40 });
    lines.push(...cost.lines, ...lambda.lines, ...monthlyBillLines({ ...cost.measured, lambdaCpuMs: lambda.cpuMs }));
    lines.push(...(await benchProcedureCatalogue(stack.info, { procedures: 3000, searches: quick ? 200 : 2000 })));
    lines.push(...(await benchDialectSync(stack, { rounds: quick ? 8 : 40, concurrency: 4 })));
  } finally {
    await stack.stop();
  }
  // After the first stack stopped, so the two never share the cores.
  lines.push(...(await benchNotificationsOnOwnStack(notificationBenchOptions(quick))));
  lines.push(...(await benchQuotaPriority(quotaPriorityOptions(quick))));
  // The load run keeps the rate limits as configured, on a stack of its own.
  lines.push(...(await benchLookupLoadOnOwnStack(lookupLoadOptions(process.argv.slice(2)))));
  printBenchLines(lines);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
