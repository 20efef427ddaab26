import { configEnvNames } from "./config-env-names.js";
import { ConfigError } from "./config.js";

/** Reads the current value of one secret (Secrets Manager in AWS; adapters/secrets/secrets-manager-reader.ts). */
export type ReadSecret = (secretId: string) => Promise<string>;

type Env = Partial<Record<string, string | undefined>>;

/**
 * The value a secret holds until an operator puts the real one (docs/deploying.md, "First deploy: secrets"). The
 * CDK app creates the Zalo-issued secrets with it; never change it, or a redeploy would overwrite the real values.
 */
export const unsetSecretValue = "UNSET: put the real value with aws secretsmanager put-secret-value";

/**
 * Secrets an operator may leave unset: the first OA refresh token is needed only while the table holds no
 * token pair (the first run); once the pair rotates, the secret is not read again. Unset, it is simply absent.
 */
export const secretsThatMayStayUnset: ReadonlySet<string> = new Set(["ZALO_OA_INITIAL_REFRESH_TOKEN"]);

/**
 * In AWS, secret config values never sit in env values: `SECRET_ARNS` maps config names to secret ARNs,
 * e.g. `{"RECEIPT_KEY":"arn:aws:secretsmanager:…"}`, read once at cold start and merged into the env before
 * `loadConfig`. The CDK app keeps every value in one secret, a JSON object with a field per config name, and maps
 * the function's names to that one ARN: each ARN is read once, and a JSON object secret gives the field of each name
 * mapped to it; a secret holding a plain string (one secret per value, as deployments before the single secret
 * have) is that name's value. Without `SECRET_ARNS` (locally, in tests) the env is returned as it is.
 */
export async function withSecretValues(env: Env, readSecret: ReadSecret): Promise<Env> {
  const arns = parseSecretArns(env.SECRET_ARNS);
  const doubled = Object.keys(arns).filter((name) => env[name] !== undefined);
  if (doubled.length > 0) {
    throw new ConfigError(`Invalid configuration: ${doubled.join(", ")} set both as env values and in SECRET_ARNS`);
  }
  const secretStrings = new Map<string, Promise<string>>();
  for (const arn of new Set(Object.values(arns))) secretStrings.set(arn, readSecret(arn));
  const entries = await Promise.all(
    Object.entries(arns).map(async ([name, arn]) => {
      let secretString: string;
      try {
        secretString = await secretStrings.get(arn)!;
      } catch (error) {
        throw new ConfigError(`Invalid configuration: could not read ${name} from ${arn}: ${String(error)}`);
      }
      const value = valueOf(name, arn, secretString);
      if (value === unsetSecretValue) {
        if (secretsThatMayStayUnset.has(name)) return null;
        throw new ConfigError(`Invalid configuration: ${name} is not set yet; put its value in ${arn}`);
      }
      return [name, value] as const;
    }),
  );
  const set = entries.filter((entry): entry is readonly [string, string] => entry !== null);
  return { ...env, ...Object.fromEntries(set) };
}

/** The value of `name` in a secret: its field when the secret is a JSON object, else the whole string. */
function valueOf(name: string, arn: string, secretString: string): string {
  if (!secretString.trimStart().startsWith("{")) return secretString;
  let fields: unknown;
  try {
    fields = JSON.parse(secretString);
  } catch {
    throw new ConfigError(`Invalid configuration: the secret ${arn} starts like a JSON object but is not one`);
  }
  const value = typeof fields === "object" && fields !== null ? (fields as Record<string, unknown>)[name] : undefined;
  if (typeof value !== "string") throw new ConfigError(`Invalid configuration: the secret ${arn} has no text field ${name}`);
  return value;
}

function parseSecretArns(raw: string | undefined): Record<string, string> {
  if (raw === undefined || raw.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError("Invalid configuration: SECRET_ARNS: expected a JSON object of config name → secret ARN");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError("Invalid configuration: SECRET_ARNS: expected a JSON object of config name → secret ARN");
  }
  const known = new Set<string>(configEnvNames);
  const problems: string[] = [];
  for (const [name, arn] of Object.entries(parsed)) {
    if (!known.has(name) || name === "SECRET_ARNS") problems.push(`${name} is not a config name`);
    if (typeof arn !== "string" || arn.length === 0) problems.push(`${name} needs a secret ARN`);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: SECRET_ARNS: ${problems.join("; ")}`);
  return parsed as Record<string, string>;
}
