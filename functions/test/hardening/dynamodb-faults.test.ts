import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { QueryCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDynamoDbLocal, type DynamoDbLocal } from "../../../local/src/dynamodb-local/start-dynamodb-local.js";
import { localDynamoDbClient } from "../../../local/src/dynamodb-local/local-dynamodb-client.js";
import { ensureTable } from "../../../local/src/table/ensure-table.js";
import { FixedClock } from "../../src/adapters/in-memory/fixed-clock.js";
import { createDocumentClient } from "../../src/adapters/dynamodb/document-client.js";
import { keys } from "../../src/adapters/dynamodb/keys.js";
import { composeDependencies } from "../../src/composition/compose.js";
import { httpHandlersFrom, type HttpHandler } from "../../src/composition/http-handlers.js";
import { apiGatewayEvent } from "../api-gateway-event.js";
import { startTestStack, testSecrets } from "../test-stack.js";
import { ingestSignature } from "../../src/handlers/http/ingest-signature.js";
import { seedEvent, suiteStart } from "./hardening-stack.js";

/**
 * DynamoDB Local of its own, frozen (SIGSTOP) and thawed, then another kept on disk killed (SIGKILL) and started
 * again on the same port and files, while the one-stop system keeps sending and retrying.
 */
let dynamo: DynamoDbLocal;
let stack: Awaited<ReturnType<typeof startTestStack>>;
let ingest: HttpHandler;
const clock = new FixedClock(suiteStart);
const tableName = "faults";

beforeAll(async () => {
  dynamo = await startDynamoDbLocal({ port: 0 });
  const setup = localDynamoDbClient(dynamo.endpoint, "ap-southeast-1");
  await ensureTable(setup, tableName);
  setup.destroy();
  // The handlers' client gives up on a frozen table after 1 s per attempt.
  const client = localDynamoDbClient(dynamo.endpoint, "ap-southeast-1", 1000);
  stack = await startTestStack();
  const config = { ...stack.config, tableName, dynamodbEndpoint: dynamo.endpoint };
  ingest = httpHandlersFrom(composeDependencies(config, { clock, dynamoDbClient: client })).ingest;
});
afterAll(async () => {
  await stack?.stop();
  await dynamo?.stop();
});

const javaPid = (port = dynamo.port) => Number(execFileSync("pgrep", ["-f", `DynamoDBLocal.jar .*-port ${port}$`], { encoding: "utf8" }).trim().split("\n")[0]);

/** The one-stop system's client: sends a batch and sends it again on 503 until it is answered. */
async function sendUntilAnswered(batch: unknown[], to: HttpHandler = ingest): Promise<{ outcomes: string[]; attempts: number; unavailable: number }> {
  const body = JSON.stringify({ events: batch });
  let unavailable = 0;
  for (let attempt = 1; ; attempt += 1) {
    const timestamp = String(Math.floor(clock.now().getTime() / 1000));
    const signature = `v1=${ingestSignature(testSecrets.ingest, timestamp, Buffer.from(body)).toString("hex")}`;
    const response = await to(
      apiGatewayEvent({ routeKey: "POST /v1/ingest/events", rawPath: "/v1/ingest/events", headers: { "x-motcua-timestamp": timestamp, "x-motcua-signature": signature }, body }),
    );
    if (response.statusCode === 200) {
      return { outcomes: (JSON.parse(String(response.body)).results as { outcome: string }[]).map((r) => r.outcome), attempts: attempt, unavailable };
    }
    expect(response.statusCode).toBe(503);
    expect(response.headers?.["retry-after"]).toBeDefined();
    unavailable += 1;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("DynamoDB frozen mid-ingest", () => {
  it("every event is applied exactly once: the client retries on 503, the retry answers duplicate", async () => {
    const codes = Array.from({ length: 40 }, (_, i) => `000.00.20.H27-261120-${String(5000 + i).padStart(4, "0")}`);
    const batches = Array.from({ length: 8 }, (_, b) => codes.slice(b * 5, b * 5 + 5).map((code) => seedEvent(code, `fault-${code}`)));
    const pid = javaPid();
    const sending = Promise.all(batches.map(async (batch, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 150));
      return sendUntilAnswered(batch);
    }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(pid, "SIGSTOP");
    await new Promise((resolve) => setTimeout(resolve, 4000));
    process.kill(pid, "SIGCONT");
    const answers = await sending;
    const unavailable = answers.reduce((n, a) => n + a.unavailable, 0);
    console.log(JSON.stringify({ batches: answers.length, answered503: unavailable, attempts: answers.map((a) => a.attempts) }));
    expect(unavailable).toBeGreaterThan(0);
    for (const answer of answers) for (const outcome of answer.outcomes) expect(["applied", "duplicate"]).toContain(outcome);
    await expectEachAppliedOnce(dynamo.endpoint, codes);
  });
});

/** Each dossier holds exactly one event and its messages once each: nothing lost, nothing applied or queued twice. */
async function expectEachAppliedOnce(endpoint: string, codes: string[]) {
  const documents = createDocumentClient({ region: "ap-southeast-1", endpoint });
  try {
    for (const code of codes) {
      const { Items } = await documents.send(
        new QueryCommand({ TableName: tableName, KeyConditionExpression: "PK = :pk", ExpressionAttributeValues: { ":pk": keys.dossier(code).PK }, ConsistentRead: true }),
      );
      const events = (Items ?? []).filter((item) => item.type === "DossierEvent");
      expect([code, events.length]).toEqual([code, 1]);
    }
    // Outbox items by the dossier they tell about (a scan: this table holds only what the test wrote). A result
    // (status 9) queues two messages, the result and the invitation to rate it: each kind once per dossier.
    const kinds = new Map<string, string[]>();
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documents.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }));
      for (const item of page.Items ?? []) {
        const notification = item.type === "OutboxItem" ? (item.notification as { kind: string; dossierCode?: string }) : null;
        if (notification?.dossierCode) kinds.set(notification.dossierCode, [...(kinds.get(notification.dossierCode) ?? []), notification.kind].sort());
      }
      start = page.LastEvaluatedKey;
    } while (start);
    for (const code of codes) expect([code, kinds.get(code)]).toEqual([code, ["dossier_result_ready", "rating_invitation"]]);
  } finally {
    documents.destroy();
  }
}

describe("DynamoDB killed mid-ingest", () => {
  it("every event is applied exactly once once it is back: the client retries on 503, the retry answers duplicate", async () => {
    const folder = mkdtempSync(join(tmpdir(), "motcua-killed-"));
    let onDisk = await startDynamoDbLocal({ port: 0, persistDir: folder });
    const port = onDisk.port;
    try {
      const setup = localDynamoDbClient(onDisk.endpoint, "ap-southeast-1");
      await ensureTable(setup, tableName);
      setup.destroy();
      const client = localDynamoDbClient(onDisk.endpoint, "ap-southeast-1", 1000);
      const config = { ...stack.config, tableName, dynamodbEndpoint: onDisk.endpoint };
      const ingestOnDisk = httpHandlersFrom(composeDependencies(config, { clock, dynamoDbClient: client })).ingest;

      const codes = Array.from({ length: 40 }, (_, i) => `000.00.20.H27-261120-${String(6000 + i).padStart(4, "0")}`);
      const batches = Array.from({ length: 8 }, (_, b) => codes.slice(b * 5, b * 5 + 5).map((code) => seedEvent(code, `killed-${code}`)));
      const pid = javaPid(port);
      const sending = Promise.all(batches.map(async (batch, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 150));
        return sendUntilAnswered(batch, ingestOnDisk);
      }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      process.kill(pid, "SIGKILL");
      await onDisk.lost;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      onDisk = await startDynamoDbLocal({ port, persistDir: folder });
      const answers = await sending;
      const unavailable = answers.reduce((n, a) => n + a.unavailable, 0);
      console.log(JSON.stringify({ killed: true, batches: answers.length, answered503: unavailable, attempts: answers.map((a) => a.attempts) }));
      expect(unavailable).toBeGreaterThan(0);
      for (const answer of answers) for (const outcome of answer.outcomes) expect(["applied", "duplicate"]).toContain(outcome);
      await expectEachAppliedOnce(onDisk.endpoint, codes);
      client.destroy();
    } finally {
      await onDisk.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
