import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BuildOptions } from "esbuild";
import { repoRoot } from "./paths.js";

/**
 * The Node.js major version of the Lambda runtime, from the repository's `.node-version`: the same file sets the
 * Node that scripts/setup.sh installs for the local stack, the tests and the benches.
 */
export function lambdaNodeMajor(root: string = repoRoot): number {
  const text = readFileSync(join(root, ".node-version"), "utf8").trim();
  const major = /^v?(\d+)(?:\.\d+){0,2}$/u.exec(text)?.[1];
  if (major === undefined) throw new Error(`.node-version must hold a Node.js version such as 22, not ${JSON.stringify(text)}`);
  return Number(major);
}

/**
 * How every Lambda function is bundled. CDK's NodejsFunction takes these settings (constructs/house-function.ts)
 * and the bundle benchmark passes the same ones to esbuild (`esbuildOptionsFor`), so the benchmark measures what
 * is deployed.
 */
export const lambdaBundling = {
  format: "cjs",
  target: `node${lambdaNodeMajor()}`,
  // The packages' ES builds before their CommonJS ones: esbuild then hoists the AWS SDK's modules into one scope
  // instead of wrapping each CommonJS module and copying every export of a client at each import site (the bare
  // handler's init went from about 190 ms to 120 ms of CPU, the api function's from 240 ms to 190 ms).
  mainFields: ["module", "main"],
  // Whitespace and syntax minified, names kept, no source maps: a stack trace names our functions and classes as
  // written (`deliverNotificationUseCase`, `Delivery.attempt`). Reading a map at each cold start
  // (`--enable-source-maps`) cost about 25 ms of the api function's CPU; unminified code costs about 8–11 ms more to
  // compile than this, and renaming identifiers saves almost nothing more.
  minify: { whitespace: true, syntax: true, identifiers: false },
  sourceMap: false,
  // Bundle the AWS SDK too: the version the lock file pins and the tests ran, not the runtime's.
  externalModules: [] as string[],
} as const;

/** esbuild's build options for one entry, as CDK's local bundling spells `lambdaBundling` on esbuild's command line. */
export function esbuildOptionsFor(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: lambdaBundling.target,
    format: lambdaBundling.format,
    mainFields: [...lambdaBundling.mainFields],
    minifyWhitespace: lambdaBundling.minify.whitespace,
    minifySyntax: lambdaBundling.minify.syntax,
    minifyIdentifiers: lambdaBundling.minify.identifiers,
    sourcemap: lambdaBundling.sourceMap,
    external: [...lambdaBundling.externalModules],
    outfile,
    logLevel: "warning",
  };
}
