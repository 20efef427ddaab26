import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { build, type Metafile } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { functionCatalogue, type FunctionName } from "./function-catalogue.js";
import { esbuildOptionsFor, lambdaEntryFile, lambdaNodeMajor, outputsReadAtStart } from "./lambda-bundling.js";
import { repoRoot } from "./paths.js";

const work = mkdtempSync(join(tmpdir(), "motcua-lambda-bundling-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The handler files each function serves (functions/src/handlers/*.handler.ts); no other may be in its bundle. */
const ownHandlers: Record<FunctionName, string[]> = {
  api: ["citizen-api.handler.ts"],
  admin: ["admin-api.handler.ts"],
  ingest: ["ingest-events.handler.ts", "ingest-procedures.handler.ts", "ingest-ratings.handler.ts"],
  webhook: ["zalo-webhook.handler.ts"],
  notify: ["notify.handler.ts"],
  "wake-outbox": ["wake-outbox.handler.ts"],
  "oa-token-refresh": ["oa-token-refresh.handler.ts"],
  "late-dossiers": ["late-dossiers.handler.ts"],
};

/** Use cases only one function runs (functions/src/use-cases/): no other function's bundle may hold them. */
const useCaseOwners: Record<string, FunctionName> = {
  "look-up-dossier.ts": "api",
  "verify-phone.ts": "api",
  "rating-reports.ts": "admin",
  "feedback-inbox.ts": "admin",
  "ingest-dossier-events.ts": "ingest",
  "sync-dialect-dossiers.ts": "ingest",
  "handle-zalo-webhook-event.ts": "webhook",
  "deliver-notification.ts": "notify",
};

const metafiles = new Map<FunctionName, Promise<Metafile>>();
/** A function built once, as CDK builds it, in memory: every test below reads its metafile. */
function metafileOf(name: FunctionName): Promise<Metafile> {
  if (!metafiles.has(name)) {
    const options = { ...esbuildOptionsFor(join(repoRoot, functionCatalogue[name].entry), join(work, name)), metafile: true as const, write: false };
    metafiles.set(name, build(options).then((result) => result.metafile));
  }
  return metafiles.get(name)!;
}

/** The repository files that are in any file of a function's bundle, its entry or a chunk (tree-shaken files add no byte). */
async function bundledSourceFiles(name: FunctionName): Promise<string[]> {
  const metafile = await metafileOf(name);
  const inputs = Object.values(metafile.outputs).flatMap((output) => Object.entries(output.inputs));
  return [...new Set(inputs.filter(([, input]) => input.bytesInOutput > 0).map(([input]) => relative(repoRoot, join(process.cwd(), input))))];
}

/** What a cold start reads: the entry file and the chunks it imports statically, with the package files in each. */
async function packagesReadAtStart(name: FunctionName): Promise<string[]> {
  const metafile = await metafileOf(name);
  const entry = Object.keys(metafile.outputs).find((path) => path.endsWith(`/${name}/${lambdaEntryFile}`))!;
  const packageOf = (input: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//u.exec(input.slice(input.lastIndexOf("node_modules/")))?.[1];
  const inputs = outputsReadAtStart(metafile, entry).flatMap((path) => Object.entries(metafile.outputs[path]!.inputs).filter(([, input]) => input.bytesInOutput > 0));
  return [...new Set(inputs.map(([input]) => packageOf(input)).filter((name) => name !== undefined))];
}

describe("each function's bundle, built as CDK builds it", () => {
  it.each(Object.keys(functionCatalogue) as FunctionName[])("%s holds its own handlers and no other function's", async (name) => {
    const handlers = (await bundledSourceFiles(name)).filter((input) => input.endsWith(".handler.ts")).map((input) => input.split("/").pop());
    expect(handlers.sort()).toEqual([...ownHandlers[name]].sort());
  });

  it.each(Object.keys(functionCatalogue) as FunctionName[])("%s builds only what its handler calls: no use case another function alone runs", async (name) => {
    const useCases = (await bundledSourceFiles(name))
      .filter((input) => input.startsWith("functions/src/use-cases/"))
      .map((input) => input.split("/").pop()!);
    const others = useCases.filter((file) => useCaseOwners[file] !== undefined && useCaseOwners[file] !== name);
    expect(others).toEqual([]);
    const own = Object.entries(useCaseOwners).filter(([, owner]) => owner === name).map(([file]) => file);
    expect(useCases).toEqual(expect.arrayContaining(own));
  });
});

describe("what a cold start reads", () => {
  // The QR library and its PNG encoder are 95 kB that about 10 ms of ingest's cold start went to reading; only a
  // dossier's first event (ingest) and the desk's print routes (admin) draw a QR (functions/src/handlers/http/qr-codes.ts).
  it.each(Object.keys(functionCatalogue) as FunctionName[])("%s reads the QR library only when it draws a QR", async (name) => {
    const packages = await packagesReadAtStart(name);
    expect(packages).toContain("@aws-sdk/client-dynamodb");
    expect(packages.filter((name) => ["qrcode", "pngjs", "dijkstrajs"].includes(name))).toEqual([]);
  });
});

describe("the Node.js version of the Lambda runtime (.node-version)", () => {
  it("is the version these tests run on, so tests and production share one major version", () => {
    expect(Number(process.versions.node.split(".")[0])).toBe(lambdaNodeMajor());
  });

  it("accepts 22, v22 and 22.12.0, and stops on anything else", () => {
    for (const [text, major] of [["22\n", 22], ["v22", 22], ["22.12.0", 22]] as const) {
      const dir = mkdtempSync(join(work, "version-"));
      writeFileSync(join(dir, ".node-version"), text);
      expect(lambdaNodeMajor(dir)).toBe(major);
    }
    const dir = mkdtempSync(join(work, "version-"));
    writeFileSync(join(dir, ".node-version"), "lts/jod");
    expect(() => lambdaNodeMajor(dir)).toThrow(/must hold a Node.js version/);
  });
});
