import { printBenchLines } from "./print-bench-lines.js";
import { lookupLoadOptions, benchLookupLoadOnOwnStack } from "./lookup-load-stack.js";

// `pnpm --filter @motcua/bench bench:load [--quick] [--seconds=N] [--clients=N]`: only the lookup load line.
printBenchLines(await benchLookupLoadOnOwnStack(lookupLoadOptions(process.argv.slice(2))));
