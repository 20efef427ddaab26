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
}

/** Builds one stage as bin/app.ts does, for tests. */
export function synthStage(options: SynthOptions = {}) {
  const app = new App({
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
