import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BuildOptions, Metafile } from "esbuild";
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
 * How every Lambda function is bundled: the house construct (constructs/house-function.ts) runs esbuild with
 * `esbuildOptionsFor`, and the bundle benchmark and the bundled-functions test use the same options, so what they
 * measure and run is what is deployed.
 */
export const lambdaBundling = {
  // ES modules split at each dynamic `import()`: what a cold start does not run stays in files it does not read.
  // The AWS SDK imports its credential providers that way (STS, SSO, the INI files: about 180 kB a Lambda never
  // runs, since its credentials are in its environment), and so do we (the Secrets Manager client, read only when
  // SECRET_ARNS is set; the QR and PNG libraries of the admin function). One file with everything cost each cold
  // start 7–24 ms more CPU (docs/benchmarks.md).
  format: "esm",
  splitting: true,
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

/** The file Lambda loads (handler `index.handler`); the chunks it imports sit in `chunks/` beside it. */
export const lambdaEntryFile = "index.mjs";

/**
 * Put at the top of every output file. CommonJS packages bundled into ES modules still call `require` for Node's
 * own modules (pngjs: zlib, stream); ES modules have no `require`, so each file makes one from node:module.
 */
const requireForCommonJsPackages = 'import { createRequire as createRequireInBundle } from "node:module"; const require = createRequireInBundle(import.meta.url);';

/** esbuild's build options for one function: its entry, and the directory its files go to (an asset's, in CDK). */
export function esbuildOptionsFor(entry: string, outdir: string): BuildOptions & { outdir: string } {
  return {
    entryPoints: { index: entry },
    bundle: true,
    platform: "node",
    target: lambdaBundling.target,
    format: lambdaBundling.format,
    splitting: lambdaBundling.splitting,
    outdir,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    banner: { js: requireForCommonJsPackages },
    mainFields: [...lambdaBundling.mainFields],
    minifyWhitespace: lambdaBundling.minify.whitespace,
    minifySyntax: lambdaBundling.minify.syntax,
    minifyIdentifiers: lambdaBundling.minify.identifiers,
    sourcemap: lambdaBundling.sourceMap,
    external: [...lambdaBundling.externalModules],
    logLevel: "warning",
  };
}

/**
 * The output files a cold start reads: the entry file and the chunks it imports statically, not those only a dynamic
 * `import()` reaches. `entryOutput` is the entry's path as the metafile names it.
 */
export function outputsReadAtStart(metafile: Metafile, entryOutput: string): string[] {
  const atStart = new Set<string>();
  const visit = (path: string) => {
    if (atStart.has(path)) return;
    atStart.add(path);
    for (const imported of metafile.outputs[path]!.imports) if (imported.kind === "import-statement" && !imported.external) visit(imported.path);
  };
  visit(entryOutput);
  return [...atStart];
}
