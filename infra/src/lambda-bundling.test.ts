import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { build } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { functionCatalogue, type FunctionName } from "./function-catalogue.js";
import { esbuildOptionsFor, lambdaNodeMajor } from "./lambda-bundling.js";
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

describe("each function's bundle, built as CDK builds it", () => {
  it.each(Object.keys(functionCatalogue) as FunctionName[])("%s holds its own handlers and no other function's", async (name) => {
    const result = await build({
      ...esbuildOptionsFor(join(repoRoot, functionCatalogue[name].entry), join(work, name, "index.js")),
      metafile: true as const,
      write: false,
    });
    const bundle = Object.values(result.metafile.outputs).find((output) => output.entryPoint !== undefined);
    // Files esbuild read but tree-shook away add no byte: only those with bytes are in the function.
    const handlers = Object.entries(bundle?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([input]) => relative(repoRoot, join(process.cwd(), input)))
      .filter((input) => input.endsWith(".handler.ts"))
      .map((input) => input.split("/").pop());
    expect(handlers.sort()).toEqual([...ownHandlers[name]].sort());
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
