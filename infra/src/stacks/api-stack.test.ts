import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { configEnvNames } from "@motcua/functions/config/config-env-names";
import { functionSecrets } from "@motcua/functions/config/function-secrets";
import { notifyStreamFilterPatterns } from "@motcua/functions/adapters/dynamodb/notify-stream";
import { httpRoutes, unmatchedRouteFunction } from "@motcua/functions/handlers/routes";
import type { CfnElement } from "aws-cdk-lib";
import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { requiredConfigNames } from "../constructs/house-function.js";
import { functionCatalogue, type FunctionCatalogue, type FunctionName } from "../function-catalogue.js";
import { secretNames } from "../secret-catalogue.js";
import { prodContext, synthBundledStageInChild, synthStage } from "../testing/synth-stage.js";
import { outboxStreamSettings } from "./api-stack.js";

/** A synthesized template is untyped JSON; the tests walk it by CloudFormation's property names. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TemplateJson = Record<string, any>;
type Resource = { Type: string; Properties: TemplateJson };
type Resources = Record<string, Resource>;

interface Stage {
  api: Template;
  data: Template;
  resources: Resources;
  functionIds: Partial<Record<FunctionName, string>>;
  assemblyDir: string;
}

const enabled = (catalogue: FunctionCatalogue) => Object.keys(catalogue) as FunctionName[];

type Synthesized = Pick<ReturnType<typeof synthStage>, "api" | "apiTemplate" | "dataTemplate"> & { assembly: { directory: string } };

function inspect(result: Synthesized, catalogue: FunctionCatalogue): Stage {
  const api = result.apiTemplate!;
  const resources = api.toJSON().Resources as Resources;
  const functionIds: Partial<Record<FunctionName, string>> = {};
  for (const name of enabled(catalogue)) {
    const construct = result.api!.functions[name]!;
    functionIds[name] = result.api!.getLogicalId(construct.node.defaultChild as CfnElement);
  }
  return { api, data: result.dataTemplate, resources, functionIds, assemblyDir: result.assembly.directory };
}

let prod: Stage;
let full: Stage;

beforeAll(async () => {
  // The bundled stage comes from a child process (its templates and assets); the constructs that name its
  // resources from the same stage synthesized here without bundling (the logical ids are the same).
  const bundled = await synthBundledStageInChild(prodContext);
  prod = inspect({ ...synthStage({ context: prodContext }), ...bundled }, functionCatalogue);
  full = inspect(synthStage({ context: { stage: "dev" } }), functionCatalogue);
});

function ofType(stage: Stage, type: string): [string, Resource][] {
  return Object.entries(stage.resources).filter(([, r]) => r.Type === type);
}

function roleStatements(stage: Stage, functionId: string): { Action: string | string[]; Resource: unknown }[] {
  const roleId = stage.resources[functionId]!.Properties.Role["Fn::GetAtt"][0] as string;
  return ofType(stage, "AWS::IAM::Policy")
    .filter(([, policy]) => policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);
}

/** The data stack's logical id of its one secret (a JSON field per secret setting). */
function secretLogicalId(stage: Stage): string {
  const ids = Object.keys(stage.data.findResources("AWS::SecretsManager::Secret"));
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

const asList = (value: string | string[]) => (Array.isArray(value) ? value : [value]);
const importName = (value: unknown) => (value as { "Fn::ImportValue": string })["Fn::ImportValue"];

describe.each([
  ["prod", () => prod, functionCatalogue],
  ["dev", () => full, functionCatalogue],
])("least privilege (%s)", (_label, stage, catalogue) => {
  it("gives each function exactly the table actions and indexes its catalogue entry lists", () => {
    const s = stage();
    const tableArn = `FnGetAtt${Object.keys(s.data.findResources("AWS::DynamoDB::Table"))[0]}Arn`;
    const streamActions = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"];
    for (const name of enabled(catalogue)) {
      const spec = catalogue[name];
      const statements = roleStatements(s, s.functionIds[name]!);
      const tableStatements = statements.filter((st) => asList(st.Action).some((a) => a.startsWith("dynamodb:")));
      const onStream = tableStatements.filter((st) => asList(st.Action).every((a) => streamActions.includes(a)));
      const onIndexes = tableStatements.filter((st) => !onStream.includes(st) && JSON.stringify(st.Resource).includes("/index/"));
      const onTable = tableStatements.filter((st) => !onStream.includes(st) && !onIndexes.includes(st));

      expect(onTable.flatMap((st) => asList(st.Action)).sort(), name).toEqual([...spec.tableActions].sort());
      for (const st of onTable) expect(importName(st.Resource), name).toContain(tableArn);
      expect(onIndexes.flatMap((st) => asList(st.Action))).toEqual(spec.queriedIndexes.length > 0 ? ["dynamodb:Query"] : []);
      expect(JSON.stringify(onIndexes.map((st) => st.Resource)).match(/\/index\/\w+/g) ?? []).toEqual(
        spec.queriedIndexes.map((index) => `/index/${index}`),
      );
      expect(onStream.length > 0, `${name} reads the stream`).toBe(spec.trigger.kind === "outbox-stream");
      if (onStream.length > 0) expect(onStream.flatMap((st) => asList(st.Action)).sort()).toEqual(streamActions);
      for (const st of statements) expect(asList(st.Action).some((a) => a.endsWith(":*") || a === "*"), name).toBe(false);
    }
  });

  it("lets a function with secret settings read the one secret, once, and a function without none; nothing else of Secrets Manager", () => {
    const s = stage();
    const id = secretLogicalId(s);
    for (const name of enabled(catalogue)) {
      const statements = roleStatements(s, s.functionIds[name]!).filter((st) => asList(st.Action).some((a) => a.startsWith("secretsmanager:")));
      for (const st of statements) expect(asList(st.Action).sort()).toEqual(["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"]);
      const granted = statements.map((st) => importName(st.Resource));
      expect(granted.length, name).toBe(catalogue[name].secrets.length > 0 ? 1 : 0);
      for (const exportName of granted) expect(exportName, name).toContain(`Ref${id}`);
    }
  });

  it("grants nothing beyond the table, its stream, its secrets and the notify dead-letter queue", () => {
    const s = stage();
    for (const name of enabled(catalogue)) {
      const services = new Set(roleStatements(s, s.functionIds[name]!).flatMap((st) => asList(st.Action).map((a) => a.split(":")[0])));
      const allowed = new Set(["dynamodb", "secretsmanager", ...(catalogue[name].trigger.kind === "outbox-stream" ? ["sqs"] : [])]);
      for (const service of services) expect(allowed.has(service!), `${name} uses ${service}`).toBe(true);
    }
  });
});

it("grants today's functions what their adapters send, nothing more (a wider grant needs this test changed)", () => {
  const granted = Object.fromEntries(
    enabled(functionCatalogue).map((name) => [
      name,
      // Query on the table and on an index are two statements; one action each here.
      [...new Set(roleStatements(prod, prod.functionIds[name]!).flatMap((st) => asList(st.Action)))]
        .filter((a) => a.startsWith("dynamodb:"))
        .sort(),
    ]),
  );
  expect(granted).toEqual({
    api: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"], // dossiers, profile, ratings, feedback
    // dossier events with their reach counters, ratings feed, procedures; the dialect's credentials, sessions and
    // login rate limits
    ingest: ["dynamodb:BatchWriteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"],
    admin: ["dynamodb:DeleteItem", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"], // staff, audit, receipt, rating reports (GSI2), inbox, delivery log
    // citizens, OA token, outbox; the stream's read actions for its event source mapping
    notify: [
      "dynamodb:DescribeStream",
      "dynamodb:GetItem",
      "dynamodb:GetRecords",
      "dynamodb:GetShardIterator",
      "dynamodb:ListStreams",
      "dynamodb:PutItem",
      "dynamodb:Query",
      "dynamodb:UpdateItem",
    ],
    webhook: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"], // markers, inbox, follower state, a follower gained (GSI1)
    "wake-outbox": ["dynamodb:Query", "dynamodb:UpdateItem"], // waiting items, touched
    "oa-token-refresh": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], // the OA token pair
    "late-dossiers": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"], // due days, late mark, outbox, run mark
  });
});

it("gives today's functions the secret settings their code reads, nothing more (a wider list needs this test changed)", () => {
  const loaded = Object.fromEntries(
    enabled(functionCatalogue).map((name) => {
      const secretArns = JSON.stringify(prod.resources[prod.functionIds[name]!]!.Properties.Environment.Variables.SECRET_ARNS ?? "");
      return [name, secretNames.filter((secret) => secretArns.includes(`\\"${secret}\\":`)).sort()];
    }),
  );
  expect(loaded).toEqual({
    api: ["PHONE_HMAC_KEY", "RECEIPT_KEY", "ZALO_APP_SECRET"], // owner check (k), phone index, token check and phone exchange
    ingest: ["INGEST_SECRETS", "PHONE_HMAC_KEY", "RECEIPT_KEY"], // signatures, phone index, receipt URL
    admin: ["RECEIPT_KEY", "ZALO_APP_SECRET"], // receipt QR, token check
    webhook: ["ZALO_APP_SECRET", "ZALO_OA_SECRET_KEY"], // the webhook MAC (either reading)
    notify: ["PHONE_HMAC_KEY", "RECEIPT_KEY", "ZALO_APP_SECRET", "ZALO_OA_INITIAL_REFRESH_TOKEN"], // ZNS by phone, deep link k, OA token
    "wake-outbox": [],
    "oa-token-refresh": ["ZALO_APP_SECRET", "ZALO_OA_INITIAL_REFRESH_TOKEN"], // OAuth refresh, first refresh token
    "late-dossiers": [],
  });
});

it("refuses to synthesize a function whose catalogue secrets differ from those its config loads", () => {
  const catalogue = { ...functionCatalogue, "wake-outbox": { ...functionCatalogue["wake-outbox"], secrets: ["RECEIPT_KEY" as const] } };
  expect(() => synthStage({ catalogue })).toThrow(/the secrets of function wake-outbox must be those its config loads/);
});

describe("the functions", () => {
  it("run Node.js 22 on arm64, and their env keys are the config schema's names, secrets by ARN only", () => {
    const required = requiredConfigNames();
    for (const stage of [prod, full]) {
      expect(ofType(stage, "AWS::Lambda::Function")).toHaveLength(Object.keys(stage.functionIds).length);
      for (const [name, id] of Object.entries(stage.functionIds) as [FunctionName, string][]) {
        const fn = stage.resources[id]!;
        expect(fn.Properties.Runtime).toBe("nodejs22.x");
        expect(fn.Properties.Architectures).toEqual(["arm64"]);
        const variables = fn.Properties.Environment.Variables as Record<string, unknown>;
        const configKeys = Object.keys(variables);
        for (const key of configKeys) expect(configEnvNames).toContain(key);
        const secretArns = JSON.stringify(variables.SECRET_ARNS ?? "");
        const fromSecrets = secretNames.filter((secret) => secretArns.includes(`\\"${secret}\\":`));
        for (const secret of secretNames) expect(configKeys).not.toContain(secret);
        // SECRET_ARNS names exactly the secrets the function's config loads; none at all for a function with none.
        expect(fromSecrets.sort(), name).toEqual([...functionSecrets[name]].sort());
        expect("SECRET_ARNS" in variables, name).toBe(functionSecrets[name].length > 0);
        const loaded = new Set<string>([...configKeys, ...fromSecrets, "AWS_REGION"]);
        for (const setting of required.filter((n) => !(secretNames as string[]).includes(n))) expect(loaded, name).toContain(setting);
      }
    }
  });

  it("are bundled by esbuild into ES modules that keep our names, with the ES builds of the AWS SDK", () => {
    const assets = readdirSync(prod.assemblyDir).filter((entry) => entry.startsWith("asset."));
    const functions = Object.entries(prod.functionIds) as [FunctionName, string][];
    expect(functions).toHaveLength(enabled(functionCatalogue).length);
    const assetOf = (id: string) => `asset.${String(prod.resources[id]!.Properties.Code.S3Key).replace(".zip", "")}`;
    // One asset per function: each is bundled from its own entry.
    expect(new Set(functions.map(([, id]) => assetOf(id))).size).toBe(functions.length);
    for (const [name, id] of functions) {
      expect(prod.resources[id]!.Properties.Handler).toBe("index.handler");
      const asset = assetOf(id);
      expect(readFileSync(join(prod.assemblyDir, asset, "index.mjs"), "utf8"), name).toContain(`lambdaEntry("${name}"`);
      expect(assets).toContain(asset);
      const dir = join(prod.assemblyDir, asset);
      // The entry Lambda loads, and the chunks split off at each dynamic import (the SDK's credential providers).
      expect(readdirSync(dir).sort()).toEqual(["chunks", "index.mjs"]);
      const chunks = readdirSync(join(dir, "chunks"));
      expect(chunks.length, asset).toBeGreaterThan(0);
      expect(chunks.every((chunk) => chunk.endsWith(".mjs")), asset).toBe(true);
      const files = ["index.mjs", ...chunks.map((chunk) => join("chunks", chunk))];
      const code = files.map((file) => readFileSync(join(dir, file), "utf8")).join("\n");
      // Minified but for the names: a stack trace names our functions as written.
      expect(code.includes("function lambdaEntry("), asset).toBe(true);
      expect(readFileSync(join(dir, "index.mjs"), "utf8").split("\n").length, asset).toBeLessThan(1_000);
      // The packages' ES builds: no CommonJS wrapper around an AWS SDK module (esbuild names them `require_dist_cjs…`).
      expect(code.includes("require_dist_cjs"), asset).toBe(false);
      // ASCII only (esbuild escapes strings, not regular expression literals): Node reads an ASCII file into a
      // one-byte string; one other character makes it decode all of the file into a two-byte string, which costs
      // the cold start a few ms more to read and compile.
      expect(code.match(/[\u{80}-\u{10FFFF}].{0,40}/u)?.[0] ?? "ASCII only", asset).toBe("ASCII only");
    }
  });

  it("keep their logs for six months in production", () => {
    for (const [, group] of ofType(prod, "AWS::Logs::LogGroup")) expect(group.Properties.RetentionInDays).toBe(180);
  });
});

describe("the HTTP API", () => {
  function routeTargets(stage: Stage): Record<string, string> {
    const integrations = Object.fromEntries(ofType(stage, "AWS::ApiGatewayV2::Integration").map(([id, r]) => [id, r.Properties.IntegrationUri["Fn::GetAtt"][0]]));
    return Object.fromEntries(
      ofType(stage, "AWS::ApiGatewayV2::Route").map(([, r]) => [r.Properties.RouteKey, integrations[r.Properties.Target["Fn::Join"][1][1].Ref]]),
    );
  }

  it("wires every route of functions/src/handlers/routes.ts to the function that serves it, and $default to the 404 envelope", () => {
    for (const [stage, routes] of [
      [prod, httpRoutes],
      [full, httpRoutes],
    ] as const) {
      const targets = routeTargets(stage);
      expect(Object.keys(targets).sort()).toEqual([...routes.map((r) => r.routeKey), "$default"].sort());
      for (const route of routes) expect(targets[route.routeKey], route.routeKey).toBe(stage.functionIds[route.functionName]);
      expect(targets["$default"]).toBe(stage.functionIds[unmatchedRouteFunction]);
    }
  });

  it("refuses to synthesize a route whose function the catalogue does not have", () => {
    const { webhook: _webhook, ...catalogue } = functionCatalogue;
    expect(() => synthStage({ catalogue: catalogue as FunctionCatalogue })).toThrow(/route POST \/v1\/zalo\/webhook needs function webhook, which the catalogue does not have/);
  });

  it("allows the Mini App's origins (CORS) and throttles the stage", () => {
    prod.api.hasResourceProperties("AWS::ApiGatewayV2::Api", {
      ProtocolType: "HTTP",
      CorsConfiguration: {
        AllowOrigins: ["https://h5.zdn.vn", "zbrowser://h5.zdn.vn"],
        AllowHeaders: ["authorization", "content-type"],
      },
    });
    prod.api.hasResourceProperties("AWS::ApiGatewayV2::Stage", {
      StageName: "$default",
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000 },
    });
    full.api.hasResourceProperties("AWS::ApiGatewayV2::Stage", { DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 } });
  });

  it("takes other origins from context", () => {
    const { apiTemplate } = synthStage({ context: { corsOrigins: "https://h5.zdn.vn, https://example.test" } });
    apiTemplate!.hasResourceProperties("AWS::ApiGatewayV2::Api", { CorsConfiguration: { AllowOrigins: ["https://h5.zdn.vn", "https://example.test"] } });
  });
});

describe("the notify function's stream", () => {
  it("takes new outbox items with partial batch failures, bisection, bounded retries and a dead-letter queue", () => {
    const mappings = ofType(full, "AWS::Lambda::EventSourceMapping");
    expect(mappings).toHaveLength(1);
    const mapping = mappings[0]![1].Properties;
    expect(mapping.FunctionName.Ref).toBe(full.functionIds.notify);
    expect(JSON.stringify(mapping.EventSourceArn)).toContain("StreamArn");
    expect(mapping).toMatchObject({
      StartingPosition: "TRIM_HORIZON",
      BatchSize: outboxStreamSettings.batchSize,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: outboxStreamSettings.retryAttempts,
      MaximumRecordAgeInSeconds: outboxStreamSettings.maxRecordAge.toSeconds(),
      FunctionResponseTypes: ["ReportBatchItemFailures"],
    });
    const [queueId] = ofType(full, "AWS::SQS::Queue")[0]!;
    expect(mapping.DestinationConfig.OnFailure.Destination["Fn::GetAtt"]).toEqual([queueId, "Arn"]);
    const patterns = mapping.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern));
    expect(patterns).toEqual(JSON.parse(JSON.stringify(notifyStreamFilterPatterns)));
    // New outbox items, pending items made due again, woken leases; fan-out jobs while running.
    expect(patterns.map((p: { eventName: string[] }) => p.eventName)).toEqual([["INSERT"], ["MODIFY"], ["MODIFY"], ["INSERT", "MODIFY"]]);
  });
  it("feeds the real notify function in the production stage, which may also send to the dead-letter queue", () => {
    const mappings = ofType(prod, "AWS::Lambda::EventSourceMapping");
    expect(mappings).toHaveLength(1);
    expect(mappings[0]![1].Properties.FunctionName).toEqual({ Ref: prod.functionIds.notify });
    const sends = roleStatements(prod, prod.functionIds.notify!).flatMap((st) => asList(st.Action)).filter((a) => a.startsWith("sqs:"));
    expect(sends).toContain("sqs:SendMessage");
  });
});

describe("schedules", () => {
  it("run the OA token refresh and late-dossier detection", () => {
    const rules = ofType(full, "AWS::Events::Rule").map(([, r]) => [r.Properties.ScheduleExpression, r.Properties.Targets[0].Arn["Fn::GetAtt"][0]]);
    expect(rules).toEqual(
      expect.arrayContaining([
        [functionCatalogue["oa-token-refresh"].trigger.kind === "schedule" && functionCatalogue["oa-token-refresh"].trigger.expression, full.functionIds["oa-token-refresh"]],
        [functionCatalogue["late-dossiers"].trigger.kind === "schedule" && functionCatalogue["late-dossiers"].trigger.expression, full.functionIds["late-dossiers"]],
      ]),
    );
  });
});

describe("alarms", () => {
  function alarms(stage: Stage) {
    const [topicId] = ofType(stage, "AWS::SNS::Topic")[0]!;
    return ofType(stage, "AWS::CloudWatch::Alarm").map(([id, r]) => {
      expect(r.Properties.AlarmActions, id).toEqual([{ Ref: topicId }]);
      return { id, ...r.Properties } as TemplateJson;
    });
  }

  it("go to the SNS topic: 5xx rate, each function's errors and throttles", () => {
    const all = alarms(prod);
    const rate = all.find((a) => a.Metrics?.some((m: { Expression?: string }) => m.Expression?.includes("100 * errors / requests")));
    expect(rate).toMatchObject({ Threshold: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold" });
    expect(JSON.stringify(rate!.Metrics)).toContain('"MetricName":"5xx"');
    for (const name of enabled(functionCatalogue)) {
      for (const metric of ["Errors", "Throttles"]) {
        expect(
          all.some((a) => a.MetricName === metric && a.Dimensions?.[0]?.Value?.Ref === prod.functionIds[name]),
          `${name} ${metric}`,
        ).toBe(true);
      }
    }
  });

  it("watch the notify function: dead-letter depth, failures and iterator age", () => {
    const all = alarms(full);
    expect(all.some((a) => a.MetricName === "ApproximateNumberOfMessagesVisible" && a.Namespace === "AWS/SQS" && a.Threshold === 1)).toBe(true);
    expect(all.some((a) => a.MetricName === "Errors" && a.Dimensions?.[0]?.Value?.Ref === full.functionIds.notify)).toBe(true);
    expect(
      all.some((a) => a.MetricName === "IteratorAge" && a.Statistic === "Maximum" && a.Threshold === 300_000 && a.Dimensions?.[0]?.Value?.Ref === full.functionIds.notify),
    ).toBe(true);
  });

  it("mail the address given in context", () => {
    expect(ofType(prod, "AWS::SNS::Subscription")).toEqual([]);
    const { apiTemplate } = synthStage({ context: { alarmEmail: "ops@example.test" } });
    apiTemplate!.hasResourceProperties("AWS::SNS::Subscription", { Protocol: "email", Endpoint: "ops@example.test" });
  });
});
