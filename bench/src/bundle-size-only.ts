import { benchBundleSize } from "./bundle-size.bench.js";

// `pnpm --filter @motcua/bench bench:size`: only the bundle sizes (no stack).
for (const line of await benchBundleSize()) console.log(`${line.name}  ${line.value}${line.target ? `   [target ${line.target}]` : ""}`);
