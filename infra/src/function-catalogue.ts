import type { IndexName } from "@motcua/functions/adapters/dynamodb/table-definition";
import type { LambdaFunctionName } from "@motcua/functions/config/function-names";
import { functionSecrets } from "@motcua/functions/config/function-secrets";
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
  /** From the repository root; the file exports `handler` and builds only this function's (composition/entries/). */
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
}

export type FunctionName = LambdaFunctionName;
export type FunctionCatalogue = Record<FunctionName, FunctionSpec>;

/**
 * Every Lambda function: entry file, trigger, and exactly what it may touch. Its secrets come from the table the
 * function's own config loads (functions/src/config/function-secrets.ts), so the grants and the code cannot drift.
 */
export const functionCatalogue: FunctionCatalogue = {
  api: {
    entry: "functions/src/composition/entries/api.ts",
    description: "Citizen routes (Bearer Zalo token)",
    trigger: { kind: "http" },
    // Query: dossier with its timeline, my dossiers, feedback threads, announcements, the procedure catalogue (GSI1);
    // GetItem: citizen profile, rating, announcement; PutItem: rating, feedback (TransactWriteItems);
    // UpdateItem: rate-limit counters, phone verification and withdrawal, follower state, feedback threads, the
    // month's list of rated agencies (with the rating, in one TransactWriteItems), the reach marks and counter of a
    // dossier's first lookup and first rating (TransactWriteItems).
    tableActions: ["dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
    queriedIndexes: ["GSI1"],
    secrets: functionSecrets.api,
    timeoutSeconds: 10,
    // `bench:cost` (Lambda api line): peaks near 100 MB; a lookup's CPU at 384 MB (0.22 vCPU) is a third longer than
    // at 512 MB, ≈ 15 ms more for a citizen, for ≈ $0.07 a month less. Not lower: it is the citizens' function.
    memoryMb: 384,
  },
  ingest: {
    entry: "functions/src/composition/entries/ingest.ts",
    description: "Signed dossier events from the province's one-stop system",
    trigger: { kind: "http" },
    // Query: the dossier's collection, the ratings feed (GSI1); PutItem: the items of TransactWriteItems (dossier,
    // event, outbox), dialect sessions; UpdateItem: the reach marks and counter in the same transaction, and
    // the dialect login's rate-limit counters; BatchWriteItem: the procedure catalogue; GetItem: dialect credentials
    // and sessions.
    tableActions: ["dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:GetItem"],
    queriedIndexes: ["GSI1"],
    secrets: functionSecrets.ingest,
    timeoutSeconds: 30,
    // `bench:cost` (Lambda ingest line): its bundle peaks near 120 MB over hundreds of events, and an event's CPU
    // at 256 MB (0.14 vCPU) stays well inside the 100 ms the bill assumes; the sender waits, no citizen does.
    memoryMb: 256,
  },
  admin: {
    entry: "functions/src/composition/entries/admin.ts",
    description: "Staff routes (Bearer Zalo token of a staff member)",
    trigger: { kind: "http" },
    // GetItem/PutItem/DeleteItem: staff records; Query: staff list (GSI1), dossier for the receipt QR, an agency's
    // late dossiers (GSI2 LATE#<agency>); PutItem: audit log.
    // Query: the months' agency lists (table) and ratings by agency and month (GSI2) for the rating reports.
    // announcements: PutItem (announcement + fan-out job + tally in one TransactWriteItems), GetItem, Query (list on GSI1,
    // progress on FANOUT#<id>).
    // PAKN inbox: Query threads by state (GSI2), PutItem thread + message + outbox item (a reply's transaction).
    // Delivery log: Query by state (GSI1) and by dossier (GSI2), GetItem + UpdateItem to send a failed item again
    // (an announcement message: with the fan-out tally's ADD -1 in one TransactWriteItems).
    tableActions: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:UpdateItem"],
    queriedIndexes: ["GSI1", "GSI2"],
    secrets: functionSecrets.admin,
    timeoutSeconds: 10,
    memoryMb: 512,
  },
  notify: {
    entry: "functions/src/composition/entries/notify.ts",
    description: "Sends outbox items (OA message or ZNS) from the table's stream",
    trigger: { kind: "outbox-stream" },
    // Query: citizens by verified phone (GSI1); GetItem/PutItem/UpdateItem: OA token pair; GetItem + UpdateItem: a
    // dossier's reach marks and counter after a sent message (TransactWriteItems); UpdateItem: outbox states
    // (with the announcement tally in one TransactWriteItems). Announcement fan-out: Query opted-in followers (GSI2),
    // GetItem the job, PutItem outbox items and the job's cursor (TransactWriteItems).
    tableActions: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
    queriedIndexes: ["GSI1", "GSI2"],
    secrets: functionSecrets.notify,
    timeoutSeconds: 60,
    // `bench:cost` (Lambda notify line): peaks near 120 MB; a message's CPU at 256 MB is small next to Zalo's
    // answer time, and no citizen waits on it.
    memoryMb: 256,
  },
  "wake-outbox": {
    entry: "functions/src/composition/entries/wake-outbox.ts",
    description: "Wakes outbox items whose quiet hours ended or whose sender died holding a lease",
    trigger: { kind: "schedule", expression: "rate(1 minute)" },
    // Query: waiting items (GSI1 OUTBOX_WAITING); UpdateItem: touch them so the stream delivers them again.
    // The same for stalled announcement fan-out jobs (GSI1 FANOUT_RUNNING): a touch brings their next page.
    tableActions: ["dynamodb:Query", "dynamodb:UpdateItem"],
    queriedIndexes: ["GSI1"],
    secrets: functionSecrets["wake-outbox"],
    timeoutSeconds: 60,
    memoryMb: 256,
  },
  webhook: {
    entry: "functions/src/composition/entries/webhook.ts",
    description: "Zalo OA webhook (follow, unfollow, messages)",
    trigger: { kind: "http" },
    // GetItem/PutItem: webhook markers and the citizen's inbox; UpdateItem: follower state. A follower gained for the
    // reach report: GetItem the profile, Query the newest dossier of the verified phone (GSI1), UpdateItem the
    // profile's mark and the counter (TransactWriteItems).
    tableActions: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
    queriedIndexes: ["GSI1"],
    secrets: functionSecrets.webhook,
    timeoutSeconds: 10,
    memoryMb: 512,
  },
  "oa-token-refresh": {
    entry: "functions/src/composition/entries/oa-token-refresh.ts",
    description: "Refreshes the OA access token before its 25 h lifetime ends (single-use refresh token)",
    trigger: { kind: "schedule", expression: "rate(1 hour)" },
    // GetItem/PutItem/UpdateItem: the OA token pair (first pair, refresh claim, rotated pair).
    tableActions: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
    queriedIndexes: [],
    secrets: functionSecrets["oa-token-refresh"],
    timeoutSeconds: 30,
    memoryMb: 256,
  },
  "late-dossiers": {
    entry: "functions/src/composition/entries/late-dossiers.ts",
    description: "Marks dossiers past their promised return date and tells each citizen once (07:00 in Vietnam)",
    trigger: { kind: "schedule", expression: "cron(0 0 * * ? *)" },
    // Query: open dossiers by promised day (GSI2 DUE#<day>); GetItem/PutItem: the job's last-run mark;
    // UpdateItem + PutItem: the late mark and the outbox item (one TransactWriteItems per dossier).
    tableActions: ["dynamodb:Query", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
    queriedIndexes: ["GSI2"],
    secrets: functionSecrets["late-dossiers"],
    timeoutSeconds: 300,
    memoryMb: 512,
  },
};
