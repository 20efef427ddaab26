import type { IndexName } from "@motcua/functions/adapters/dynamodb/table-definition";
import type { HttpFunctionName } from "@motcua/functions/handlers/routes";
import type { SecretName } from "./secret-catalogue.js";

/** The table actions a function may be granted; each function lists only those its adapters send. */
export type TableAction =
  | "dynamodb:GetItem"
  | "dynamodb:Query"
  | "dynamodb:PutItem"
  | "dynamodb:UpdateItem"
  | "dynamodb:DeleteItem"
  | "dynamodb:ConditionCheckItem"
  | "dynamodb:BatchWriteItem";

export type FunctionTrigger =
  /** Serves the routes of functions/src/handlers/routes.ts that name it. */
  | { kind: "http" }
  /** New outbox items from the table's stream (DESIGN.md §8). */
  | { kind: "outbox-stream" }
  | { kind: "schedule"; expression: string };

export interface FunctionSpec {
  /** From the repository root; the file exports `handler`. */
  entry: string;
  description: string;
  trigger: FunctionTrigger;
  /** Actions on the table itself (TransactWriteItems needs the action of each item, e.g. PutItem). */
  tableActions: readonly TableAction[];
  /** Indexes the function queries (Query only). */
  queriedIndexes: readonly IndexName[];
  secrets: readonly SecretName[];
  timeoutSeconds: number;
  memoryMb: number;
  /** Set while the handler file is not written yet: the function is left out of the stacks. */
  pending?: string;
}

export type FunctionName = HttpFunctionName | "notify" | "webhook" | "oa-token-refresh" | "late-dossiers";
export type FunctionCatalogue = Record<FunctionName, FunctionSpec>;

/**
 * Every Lambda function: entry file, trigger, and exactly what it may touch. Today every function loads the
 * whole config (functions/src/config/config.ts requires every secret), so each is granted all four secrets.
 */
export const functionCatalogue: FunctionCatalogue = {
  api: {
    entry: "functions/src/handlers/citizen-api.handler.ts",
    description: "Citizen routes (Bearer Zalo token)",
    trigger: { kind: "http" },
    // Query: dossier with its timeline; UpdateItem: rate-limit counters.
    tableActions: ["dynamodb:Query", "dynamodb:UpdateItem"],
    queriedIndexes: [],
    secrets: ["INGEST_SECRETS", "RECEIPT_KEY", "PHONE_HMAC_KEY", "ZALO_APP_SECRET"],
    timeoutSeconds: 10,
    memoryMb: 512,
  },
  ingest: {
    entry: "functions/src/handlers/ingest-events.handler.ts",
    description: "Signed dossier events from the province's one-stop system",
    trigger: { kind: "http" },
    // Query: the dossier's collection; PutItem: the items of TransactWriteItems (dossier, event, marker, outbox).
    tableActions: ["dynamodb:Query", "dynamodb:PutItem"],
    queriedIndexes: [],
    secrets: ["INGEST_SECRETS", "RECEIPT_KEY", "PHONE_HMAC_KEY", "ZALO_APP_SECRET"],
    timeoutSeconds: 30,
    memoryMb: 512,
  },
  notify: {
    entry: "functions/src/handlers/notify.handler.ts",
    description: "Sends outbox items (OA message or ZNS) from the table's stream",
    trigger: { kind: "outbox-stream" },
    tableActions: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem"],
    queriedIndexes: ["GSI1"],
    secrets: ["INGEST_SECRETS", "RECEIPT_KEY", "PHONE_HMAC_KEY", "ZALO_APP_SECRET"],
    timeoutSeconds: 60,
    memoryMb: 512,
    pending: "issue 4 writes functions/src/handlers/notify.handler.ts",
  },
  webhook: {
    entry: "functions/src/handlers/zalo-webhook.handler.ts",
    description: "Zalo OA webhook (follow, unfollow, messages)",
    trigger: { kind: "http" },
    tableActions: ["dynamodb:GetItem", "dynamodb:UpdateItem"],
    queriedIndexes: [],
    secrets: ["INGEST_SECRETS", "RECEIPT_KEY", "PHONE_HMAC_KEY", "ZALO_APP_SECRET"],
    timeoutSeconds: 10,
    memoryMb: 512,
    pending: "issue 4 writes functions/src/handlers/zalo-webhook.handler.ts and its route",
  },
  "oa-token-refresh": {
    entry: "functions/src/handlers/oa-token-refresh.handler.ts",
    description: "Refreshes the OA access token before its 25 h lifetime ends (single-use refresh token)",
    trigger: { kind: "schedule", expression: "rate(1 hour)" },
    tableActions: ["dynamodb:GetItem", "dynamodb:UpdateItem"],
    queriedIndexes: [],
    secrets: ["INGEST_SECRETS", "RECEIPT_KEY", "PHONE_HMAC_KEY", "ZALO_APP_SECRET"],
    timeoutSeconds: 30,
    memoryMb: 256,
    pending: "issue 4 writes functions/src/handlers/oa-token-refresh.handler.ts",
  },
  "late-dossiers": {
    entry: "functions/src/handlers/late-dossiers.handler.ts",
    description: "Finds dossiers past their due date and writes their notices (07:00 in Vietnam)",
    trigger: { kind: "schedule", expression: "cron(0 0 * * ? *)" },
    tableActions: ["dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
    queriedIndexes: ["GSI2"],
    secrets: ["INGEST_SECRETS", "RECEIPT_KEY", "PHONE_HMAC_KEY", "ZALO_APP_SECRET"],
    timeoutSeconds: 300,
    memoryMb: 512,
    pending: "issue 4 writes functions/src/handlers/late-dossiers.handler.ts",
  },
};
