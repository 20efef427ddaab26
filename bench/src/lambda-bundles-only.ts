import { benchLambdaBundles } from "./lambda-bundles.bench.js";

// `pnpm --filter @motcua/bench bench:bundles [--runs=N]`: only the Lambda bundles (size and cold init), no stack.
const runs = Number(process.argv.find((arg) => arg.startsWith("--runs="))?.slice("--runs=".length) ?? 10);
const lines = await benchLambdaBundles({ runs });
const width = Math.max(...lines.map((line) => line.name.length));
for (const line of lines) console.log(`${line.name.padEnd(width)}  ${line.value}${line.target ? `   [target ${line.target}]` : ""}`);
