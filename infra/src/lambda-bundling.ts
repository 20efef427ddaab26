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
  minify: true,
  sourceMap: true,
  // The maps carry positions only, not the sources: Node reads a bundle's map at load (`--enable-source-maps`), and
  // the sources would nearly triple it (3.4 MB → 1.3 MB for the api function) for stack traces that only need lines.
  sourcesContent: false,
  // Bundle the AWS SDK too: the version the lock file pins and the tests ran, not the runtime's.
  externalModules: [] as string[],
} as const;

/**
 * Node's own settings, the only env values of a function that are not config: stack traces through the source maps.
 * With them Node reads each bundle's source map when it loads the bundle, so the bundle benchmark sets them too.
 */
export const nodeRuntimeEnvironment = { NODE_OPTIONS: "--enable-source-maps" } as const;

/** esbuild's build options for one entry, as CDK's local bundling spells `lambdaBundling` on esbuild's command line. */
export function esbuildOptionsFor(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: lambdaBundling.target,
    format: lambdaBundling.format,
    minify: lambdaBundling.minify,
    sourcemap: lambdaBundling.sourceMap,
    sourcesContent: lambdaBundling.sourcesContent,
    external: [...lambdaBundling.externalModules],
    outfile,
    logLevel: "warning",
  };
}
