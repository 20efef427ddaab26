import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { httpRoutes } from "@motcua/functions/handlers/routes";
import type { FunctionCatalogue } from "../function-catalogue.js";
import { ApiStack } from "../stacks/api-stack.js";
import { DataStack } from "../stacks/data-stack.js";
import { stageSettings } from "../stage.js";

export interface SynthOptions {
  context?: Record<string, string>;
  /** Real esbuild bundling (slow); off by default, the stacks are the same apart from the code asset. */
  bundle?: boolean;
  catalogue?: FunctionCatalogue;
  routes?: typeof httpRoutes;
  dataOnly?: boolean;
  /** Where the cloud assembly goes (a temporary folder by default). */
  outdir?: string;
}

/** Builds one stage as bin/app.ts does, for tests. */
export function synthStage(options: SynthOptions = {}) {
  const app = new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    context: {
      "@aws-cdk/core:defaultCrossStackReferences": "strong",
      ...(options.bundle ? {} : { "aws:cdk:bundling-stacks": [] }),
      ...options.context,
    },
  });
  const settings = stageSettings((key) => app.node.tryGetContext(key));
  const data = new DataStack(app, `Motcua-${settings.stage}-Data`, { settings });
  const api = options.dataOnly
    ? undefined
    : new ApiStack(app, `Motcua-${settings.stage}-Api`, {
        settings,
        table: data.table,
        secrets: data.secrets,
        ...(options.catalogue ? { catalogue: options.catalogue } : {}),
        ...(options.routes ? { routes: options.routes } : {}),
      });
  const assembly = app.synth();
  return {
    settings,
    data,
    api,
    assembly,
    dataTemplate: Template.fromStack(data),
    apiTemplate: api ? Template.fromStack(api) : undefined,
  };
}

export const prodContext = {
  stage: "prod",
  miniAppId: "1234567890123456789",
  zaloAppId: "9876543210987654321",
  zaloOaId: "1111111111111111111",
};

/**
 * The same synthesis with real esbuild bundling, in a child process: CDK bundles each function synchronously, which
 * would hold the test worker for longer than vitest waits for it on a busy machine. Answers the templates and the
 * folder of the cloud assembly (its assets included).
 */
export async function synthBundledStageInChild(context: Record<string, string>): Promise<{
  apiTemplate: Template;
  dataTemplate: Template;
  assembly: { directory: string };
}> {
  const outdir = mkdtempSync(join(tmpdir(), "motcua-synth-"));
  const cli = fileURLToPath(new URL("./synth-stage-cli.ts", import.meta.url));
  await promisify(execFile)(process.execPath, ["--import", "tsx", cli, outdir, JSON.stringify(context)], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    maxBuffer: 16 * 1024 * 1024,
  });
  const stage = context.stage ?? "dev";
  const template = (stack: string) => Template.fromJSON(JSON.parse(readFileSync(join(outdir, `Motcua-${stage}-${stack}.template.json`), "utf8")));
  return { apiTemplate: template("Api"), dataTemplate: template("Data"), assembly: { directory: outdir } };
}
