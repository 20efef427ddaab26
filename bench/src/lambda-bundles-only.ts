import { benchLambdaBundles } from "./lambda-bundles.bench.js";
import { printBenchLines } from "./print-bench-lines.js";

// `pnpm bench:bundles`: only the Lambda bundles (size and cold init), no stack.
const runs = Number(process.argv.find((arg) => arg.startsWith("--runs="))?.slice("--runs=".length) ?? 10);
printBenchLines(await benchLambdaBundles({ runs }));
