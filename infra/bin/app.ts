import { App } from "aws-cdk-lib";
import { ApiStack } from "../src/stacks/api-stack.js";
import { DataStack } from "../src/stacks/data-stack.js";
import { stageSettings } from "../src/stage.js";

const app = new App();
const settings = stageSettings((key) => app.node.tryGetContext(key), {
  account: process.env.CDK_DEFAULT_ACCOUNT,
});
const env = { account: settings.account, region: settings.region };
const tags = { project: "motcua-zalo", stage: settings.stage };

const data = new DataStack(app, `Motcua-${settings.stage}-Data`, { env, tags, settings, terminationProtection: settings.production });
new ApiStack(app, `Motcua-${settings.stage}-Api`, {
  env,
  tags,
  settings,
  table: data.table,
  secrets: data.secrets,
});
