import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { functionCatalogue, type FunctionName } from "@motcua/infra/function-catalogue";
import { esbuildOptionsFor, lambdaEntryFile, outputsReadAtStart } from "@motcua/infra/lambda-bundling";
import { repoRoot } from "@motcua/infra/paths";
import type { BenchLine } from "./lookup-and-ingest.bench.js";

const bareEntry = fileURLToPath(new URL("../fixtures/bare-lambda/handler.ts", import.meta.url));

/**
 * What a cold start does before the first event, timed inside a fresh Node process: load the bundle's entry module
 * (read, parse, run its top level, and the chunks it imports statically) and build the handler (config, adapters).
 * Node's own start is the same for every bundle and is left out. Both the elapsed time and the process's CPU time
 * (all its threads) are printed: on a machine shared with other work the CPU time moves much less than the elapsed
 * time.
 */
const initScript = `
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
const start = performance.now();
const cpuStart = process.cpuUsage();
const entry = await import(pathToFileURL(process.argv[1]).href);
await entry.buildHandler();
const cpu = process.cpuUsage(cpuStart);
process.stdout.write(JSON.stringify({ ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 }));
`;

/** Settings a function needs to build its handler; no request is sent while building, so nothing listens here. */
const functionEnv = {
  TABLE_NAME: "motcua-bench",
  AWS_REGION: "ap-southeast-1",
  AWS_ACCESS_KEY_ID: "bench",
  AWS_SECRET_ACCESS_KEY: "bench",
  MINI_APP_ID: "1",
  ZALO_APP_ID: "2",
  ZALO_OA_ID: "4",
  INGEST_SECRETS: "bench-ingest-secret-0001",
  RECEIPT_KEY: "bench-receipt-key-0001",
  PHONE_HMAC_KEY: "bench-phone-key-0001",
  ZALO_APP_SECRET: "3",
  ZALO_OA_SECRET_KEY: "5",
  ZALO_OA_INITIAL_REFRESH_TOKEN: "bench-refresh-token",
};

interface Bundle {
  name: string;
  file: string;
  /** The entry module and the chunks it imports statically: what a cold start reads. */
  rawBytes: number;
  gzipBytes: number;
  /** The chunks only dynamic imports reach, read when such an import runs (if ever). */
  lazyBytes: number;
}

async function bundle(name: string, entry: string, outDir: string): Promise<Bundle> {
  const dir = join(outDir, name);
  const { metafile } = await build({ ...esbuildOptionsFor(entry, dir), metafile: true });
  // Output paths in the metafile are relative to the working directory, imports name them the same way.
  const entryOutput = Object.keys(metafile.outputs).find((path) => path.endsWith(`/${name}/${lambdaEntryFile}`))!;
  const atStart = outputsReadAtStart(metafile, entryOutput).map((path) => readFileSync(path));
  const all = Object.keys(metafile.outputs).reduce((sum, path) => sum + metafile.outputs[path]!.bytes, 0);
  const rawBytes = atStart.reduce((sum, code) => sum + code.length, 0);
  return {
    name,
    file: join(dir, lambdaEntryFile),
    rawBytes,
    gzipBytes: atStart.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0),
    lazyBytes: all - rawBytes,
  };
}

interface InitTime {
  ms: number;
  cpuMs: number;
}

function initTime(file: string): InitTime {
  // As deployed: the function's settings, and no Node options (the house construct sets none).
  const env = { PATH: process.env.PATH ?? "", ...functionEnv };
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", initScript, file], { env, encoding: "utf8" });
  const { ms, cpuMs } = JSON.parse(out) as Partial<InitTime>;
  if (!Number.isFinite(ms) || !Number.isFinite(cpuMs)) throw new Error(`init of ${file} printed ${JSON.stringify(out)}`);
  return { ms: ms!, cpuMs: cpuMs! };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;

/**
 * Every Lambda function's bundle, built with the options CDK uses (infra/src/lambda-bundling.ts): its size and its
 * cold init time (median of `runs` fresh processes) next to a bare handler that only builds a DynamoDB client.
 * Runs alternate between the bare handler and the functions, so a busy machine slows both alike.
 */
export async function benchLambdaBundles(options: { runs: number } = { runs: 10 }): Promise<BenchLine[]> {
  const work = mkdtempSync(join(tmpdir(), "motcua-lambda-bundles-"));
  try {
    const bare = await bundle("bare", bareEntry, work);
    const names = Object.keys(functionCatalogue) as FunctionName[];
    const bundles: Bundle[] = [];
    for (const name of names) bundles.push(await bundle(name, join(repoRoot, functionCatalogue[name].entry), work));
    const times = new Map<string, InitTime[]>([bare, ...bundles].map((b) => [b.name, []]));
    for (let run = 0; run < options.runs; run += 1) {
      for (const b of [bare, ...bundles]) times.get(b.name)!.push(initTime(b.file));
    }
    const medians = (name: string) => {
      const runs = times.get(name)!;
      return { ms: median(runs.map((run) => run.ms)), cpuMs: median(runs.map((run) => run.cpuMs)) };
    };
    const bareTime = medians("bare");
    const lines: BenchLine[] = [
      {
        name: "Lambda bare handler (DynamoDB client only): bundle, init",
        value: `${kB(bare.rawBytes)} at start (${kB(bare.gzipBytes)} gzip; ${kB(bare.lazyBytes)} more behind dynamic imports), init ${bareTime.ms.toFixed(0)} ms, CPU ${bareTime.cpuMs.toFixed(0)} ms (medians of ${options.runs}, node ${process.versions.node})`,
      },
    ];
    for (const b of bundles) {
      const time = medians(b.name);
      lines.push({
        name: `Lambda ${b.name}: bundle, init / bare handler's`,
        value:
          `${kB(b.rawBytes)} at start (${kB(b.gzipBytes)} gzip; ${kB(b.lazyBytes)} more behind dynamic imports), init ${time.ms.toFixed(0)} ms = ${(time.ms / bareTime.ms).toFixed(2)}×` +
          ` (CPU ${time.cpuMs.toFixed(0)} ms = ${(time.cpuMs / bareTime.cpuMs).toFixed(2)}×, ${(time.cpuMs - bareTime.cpuMs).toFixed(0)} ms more than the bare handler's)`,
        target: "≤ 1.2×",
      });
    }
    return lines;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
