import type { BenchLine } from "./lookup-and-ingest.bench.js";
import { benchLookupLoad, defaultLookupLoad, type LookupLoadOptions } from "./lookup-load.bench.js";
import { startStackProcess } from "./start-stack-process.js";

/** The load run's options from the command line: `--quick` (10 s), `--seconds=N`, `--clients=N`. */
export function lookupLoadOptions(args: string[]): LookupLoadOptions {
  const number = (name: string) => {
    const arg = args.find((a) => a.startsWith(`--${name}=`));
    if (!arg) return undefined;
    const value = Number(arg.slice(name.length + 3));
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a whole number above 0`);
    return value;
  };
  return {
    ...defaultLookupLoad,
    seconds: number("seconds") ?? (args.includes("--quick") ? 10 : defaultLookupLoad.seconds),
    clients: number("clients") ?? defaultLookupLoad.clients,
  };
}

/** The load run on a stack of its own, with the rate limits as configured and addresses from X-Forwarded-For. */
export async function benchLookupLoadOnOwnStack(options: LookupLoadOptions): Promise<BenchLine[]> {
  const stack = await startStackProcess({}, { trustForwardedFor: true });
  try {
    return await benchLookupLoad(stack.info, options);
  } finally {
    await stack.stop();
  }
}
