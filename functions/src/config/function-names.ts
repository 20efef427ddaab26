/** The Lambda functions behind the HTTP API (functions/src/handlers/routes.ts maps every route to one). */
export type HttpFunctionName = "api" | "ingest" | "admin" | "webhook";

/** Every Lambda function; the CDK app deploys one per name (infra/src/function-catalogue.ts). */
export type LambdaFunctionName = HttpFunctionName | "notify" | "wake-outbox" | "oa-token-refresh" | "late-dossiers";
