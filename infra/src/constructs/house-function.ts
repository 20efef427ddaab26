import { join } from "node:path";
import { AssetHashType, DockerImage, Stack, type Duration, type RemovalPolicy } from "aws-cdk-lib";
import { Architecture, Code, Function as LambdaFunction, Runtime } from "aws-cdk-lib/aws-lambda";
import { LogGroup, type RetentionDays } from "aws-cdk-lib/aws-logs";
import type { ISecret } from "aws-cdk-lib/aws-secretsmanager";
import { configSettings } from "@motcua/functions/config/config";
import { configEnvNames } from "@motcua/functions/config/config-env-names";
import { secretConfigNames } from "@motcua/functions/config/function-secrets";
import type { Construct } from "constructs";
import { buildSync } from "esbuild";
import { esbuildOptionsFor, lambdaEntryFile, lambdaNodeMajor } from "../lambda-bundling.js";
import { repoRoot } from "../paths.js";

/** Set by the Lambda runtime itself, so never in a function's env. */
const runtimeProvidedNames = new Set(["AWS_REGION"]);

export interface HouseFunctionProps {
  /** From the repository root; the file exports `handler`. */
  entry: string;
  description: string;
  /** Plain config values (names from functions/src/config/config.ts). */
  environment: Readonly<Record<string, string>>;
  /** Config values kept in Secrets Manager (one secret may hold several): read access, and their ARNs in `SECRET_ARNS`. */
  secrets: Readonly<Record<string, ISecret>>;
  timeout: Duration;
  memorySize: number;
  logRetention: RetentionDays;
  removalPolicy: RemovalPolicy;
}

/**
 * Checks a function's settings against the functions' config schema, so a typo or a forgotten setting stops
 * synth instead of the function's first cold start.
 */
export function checkFunctionEnvironment(envNames: readonly string[], secretNames: readonly string[]): void {
  const known = new Set<string>(configEnvNames);
  const problems: string[] = [];
  for (const name of [...envNames, ...secretNames]) {
    if (!known.has(name)) problems.push(`unknown config name ${name}`);
    if (runtimeProvidedNames.has(name)) problems.push(`${name} is set by the Lambda runtime`);
  }
  if (envNames.includes("SECRET_ARNS") || secretNames.includes("SECRET_ARNS")) problems.push("SECRET_ARNS is built from the secrets");
  for (const name of envNames.filter((n) => secretNames.includes(n))) problems.push(`${name} is both an env value and a secret`);
  const secretSettings = new Set<string>(secretConfigNames);
  for (const name of envNames.filter((n) => secretSettings.has(n) && !secretNames.includes(n))) problems.push(`${name} is a secret, never an env value`);
  for (const name of secretNames.filter((n) => !secretSettings.has(n) && known.has(n))) problems.push(`${name} is not a secret setting`);
  // A function loads only its own secrets (functions/src/config/function-secrets.ts): the others are not required.
  const given = new Set([...envNames, ...secretNames, ...runtimeProvidedNames]);
  for (const name of requiredConfigNames().filter((n) => !secretSettings.has(n) || secretNames.includes(n))) {
    if (!given.has(name)) problems.push(`missing required config ${name}`);
  }
  if (problems.length > 0) throw new Error(`function config does not match functions/src/config/config.ts: ${problems.join("; ")}`);
}

/** Names the configuration cannot do without (no default, not optional). */
export function requiredConfigNames(): string[] {
  return Object.entries(configSettings)
    .filter(([, setting]) => setting.required)
    .map(([name]) => name);
}

/** The Lambda runtime of a Node.js major version (`.node-version`); a version CDK does not know stops synth. */
export function lambdaRuntime(major: number): Runtime {
  const runtimes: Record<number, Runtime> = { 22: Runtime.NODEJS_22_X, 24: Runtime.NODEJS_24_X };
  const runtime = runtimes[major];
  if (!runtime) throw new Error(`no Lambda runtime for Node.js ${major} (.node-version); known: ${Object.keys(runtimes).join(", ")}`);
  return runtime;
}

/**
 * A function's code: esbuild run here, at synth, on its entry with the house options (lambda-bundling.ts), into the
 * asset's directory. CDK's NodejsFunction cannot split a bundle into files (it gives esbuild one output file), so the
 * house construct runs esbuild itself. The asset's hash is its output's.
 */
export function bundledCode(entry: string): Code {
  return Code.fromAsset(repoRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: bundling is always local (esbuild from the workspace's lock file).
      image: DockerImage.fromRegistry("esbuild-runs-locally"),
      // The bundling options are CDK's key for reusing a bundling within one synth, and `local` is a function it
      // cannot compare: the entry named here keeps each function's bundling its own (without it, every function got
      // the first one's code; the stack test checks one asset per function).
      command: ["esbuild", entry],
      local: {
        tryBundle(outputDir) {
          const result = buildSync(esbuildOptionsFor(join(repoRoot, entry), outputDir));
          if (result.errors.length > 0) throw new Error(`esbuild could not bundle ${entry}`);
          return true;
        },
      },
    },
  });
}

/** Node.js (`.node-version`, 22) on arm64, bundled by esbuild into ES modules (lambda-bundling.ts), its own log group. */
export class HouseFunction extends LambdaFunction {
  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    checkFunctionEnvironment(Object.keys(props.environment), Object.keys(props.secrets));
    const secretArns = Object.fromEntries(Object.entries(props.secrets).map(([name, secret]) => [name, secret.secretArn]));
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: props.logRetention, removalPolicy: props.removalPolicy });
    super(scope, id, {
      code: bundledCode(props.entry),
      handler: `${lambdaEntryFile.replace(/\.mjs$/u, "")}.handler`,
      description: props.description,
      runtime: lambdaRuntime(lambdaNodeMajor()),
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      logGroup,
      environment: {
        ...props.environment,
        ...(Object.keys(secretArns).length > 0 ? { SECRET_ARNS: Stack.of(scope).toJsonString(secretArns) } : {}),
      },
    });
    // Settings kept in one secret share its grant.
    for (const secret of new Set(Object.values(props.secrets))) secret.grantRead(this);
  }
}
