import { printBenchLines } from "./print-bench-lines.js";
import { benchRateLimiterDesigns } from "./rate-limiter-designs.bench.js";

// `pnpm --filter @motcua/bench bench:limiter`: the rate limiter's DynamoDB work per lookup, in each design considered.
printBenchLines(await benchRateLimiterDesigns({ lookups: 2000, concurrency: 16 }));
