import { Duration } from "aws-cdk-lib";
import { RetentionDays } from "aws-cdk-lib/aws-logs";

/** What differs between stages (one AWS account and region each); read from CDK context (`-c key=value` or cdk.json). */
export interface StageSettings {
  stage: string;
  production: boolean;
  region: string;
  account: string | undefined;
  /** Origins the Mini App runs on inside Zalo (CORS of the API and of presigned photo uploads). */
  corsOrigins: string[];
  miniAppId: string;
  zaloAppId: string;
  /** The province's Official Account (messages, webhook). */
  zaloOaId: string;
  /** The province's first admin (a Zalo app-scoped user id); absent until the province names one. */
  firstAdminZaloAppUserId: string | undefined;
  /** Receives every alarm; without it the topic exists and subscriptions are added by hand. */
  alarmEmail: string | undefined;
  logRetention: RetentionDays;
  /** API-wide steady rate (requests/s) and burst; AWS's account default is 10,000/5,000. */
  throttle: { rateLimit: number; burstLimit: number };
  photoRetention: Duration;
}

export const defaultCorsOrigins = ["https://h5.zdn.vn", "zbrowser://h5.zdn.vn"];

type Context = (key: string) => unknown;

/** Reads the settings of the stage named by context `stage` (default `dev`); stops synth on a missing production setting. */
export function stageSettings(context: Context, defaults: { account?: string | undefined } = {}): StageSettings {
  const text = (key: string): string | undefined => {
    const value = context(key);
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  };
  const stage = text("stage") ?? "dev";
  if (!/^[a-z][a-z0-9-]{1,15}$/.test(stage)) throw new Error(`context stage "${stage}": use 2-16 of [a-z0-9-], starting with a letter`);
  const production = stage === "prod";
  const required = (key: string, devValue: string): string => {
    const value = text(key);
    if (value !== undefined) return value;
    if (production) throw new Error(`context ${key} is required for stage prod (cdk deploy -c ${key}=… or cdk.json)`);
    return devValue;
  };
  return {
    stage,
    production,
    // Explicit, not the CLI profile's region: the product lives next to its users.
    region: text("region") ?? "ap-southeast-1",
    account: text("account") ?? defaults.account,
    corsOrigins: text("corsOrigins")?.split(",").map((origin) => origin.trim()) ?? defaultCorsOrigins,
    miniAppId: required("miniAppId", "0000000000000000000"),
    zaloAppId: required("zaloAppId", "0000000000000000000"),
    zaloOaId: required("zaloOaId", "0000000000000000000"),
    firstAdminZaloAppUserId: text("firstAdminZaloAppUserId"),
    alarmEmail: text("alarmEmail"),
    logRetention: production ? RetentionDays.SIX_MONTHS : RetentionDays.ONE_WEEK,
    throttle: production ? { rateLimit: 500, burstLimit: 1000 } : { rateLimit: 50, burstLimit: 100 },
    photoRetention: Duration.days(production ? 730 : 30),
  };
}
