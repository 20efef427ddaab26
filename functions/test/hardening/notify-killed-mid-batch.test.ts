import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { BatchWriteCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, expect, it } from "vitest";
import { outboxItemFor } from "../../src/adapters/dynamodb/dossier-items.js";
import { outboxFromItem } from "../../src/adapters/dynamodb/outbox-items.js";
import type { OutboxItem } from "../../src/domain/outbox.js";
import { eventually } from "../eventually.js";
import { startTestStack } from "../test-stack.js";

/**
 * A notify worker process killed with SIGKILL mid-batch, then a new one started on the same stream: Zalo does not
 * deduplicate, so nothing may be sent twice. Every item ends sent, or unconfirmed when its worker died while Zalo had
 * the call; unconfirmed ones are at most the calls in flight at the kill (the worker's concurrency).
 */
const messages = 300;
const concurrency = 8;
const leaseSeconds = 60;
/** The first worker's instant (10:00 in Vietnam, outside ZNS quiet hours) and the second's, after every lease ended. */
const firstWorkerAt = new Date("2026-11-20T03:00:00.000Z");
const secondWorkerAt = new Date(firstWorkerAt.getTime() + (leaseSeconds + 1) * 1000);

let stack: Awaited<ReturnType<typeof startTestStack>>;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  stack = await startTestStack({
    NOTIFY_CONCURRENCY: String(concurrency),
    NOTIFY_LEASE_SECONDS: String(leaseSeconds),
    ZALO_SEND_RATE_PER_SECOND: "200",
    // The test is about the kill, not about retries: an answer Zalo gives is final.
    NOTIFY_MAX_ATTEMPTS: "1",
  });
});
afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill("SIGKILL");
  await stack?.stop();
});

async function startWorker(now: Date): Promise<ChildProcess> {
  const script = fileURLToPath(new URL("./notify-worker.ts", import.meta.url));
  const worker = spawn(process.execPath, ["--import", "tsx", script, JSON.stringify({ env: stack.env, now: now.toISOString() })], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    stdio: ["ignore", "pipe", "inherit"],
  });
  workers.push(worker);
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: worker.stdout! }).once("line", () => resolve());
    worker.once("exit", (code, signal) => reject(new Error(`the notify worker exited (${code ?? signal}) before it was ready`)));
  });
  return worker;
}

async function emulatorPost(path: string, body: unknown) {
  const response = await fetch(`${stack.emulator.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(response.ok).toBe(true);
}

/** Tracking ids of every ZNS message the emulator accepted (ours are the outbox item ids). */
async function acceptedTrackingIds(): Promise<string[]> {
  const response = await fetch(`${stack.emulator.url}/_emulator/messages`);
  const { messages: accepted } = (await response.json()) as { messages: { channel: string; trackingId?: string }[] };
  return accepted.filter((m) => m.channel === "zns").map((m) => m.trackingId ?? "(none)");
}

async function outboxItems(): Promise<OutboxItem[]> {
  const items: OutboxItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await stack.table.documentClient.send(
      new ScanCommand({ TableName: stack.config.tableName, ConsistentRead: true, FilterExpression: "#type = :outbox", ExpressionAttributeNames: { "#type": "type" }, ExpressionAttributeValues: { ":outbox": "OutboxItem" }, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []).map(outboxFromItem));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

async function writeBatch(ids: string[]) {
  const createdAt = firstWorkerAt.toISOString();
  for (let i = 0; i < ids.length; i += 25) {
    const puts = ids.slice(i, i + 25).map((id, j) => {
      const phone = `8491${String(i + j).padStart(7, "0")}`;
      const notification = {
        kind: "dossier_status_changed" as const,
        dossierCode: `000.00.20.H27-261120-${String(i + j + 1).padStart(4, "0")}`,
        status: 4 as const,
        procedureName: "Đăng ký khai sinh",
        dueAt: "2026-11-27T10:00:00.000Z",
        newDueAt: null,
        applicantPhone: phone,
      };
      return { PutRequest: { Item: outboxItemFor(id, notification, createdAt) } };
    });
    await stack.table.documentClient.send(new BatchWriteCommand({ RequestItems: { [stack.config.tableName]: puts } }));
  }
}

it(`a notify worker killed mid-batch of ${messages}: a new worker finishes it and nothing is sent twice`, async () => {
  // Zalo takes each message at once and answers 150 ms later: a kill always finds calls whose message went out.
  await emulatorPost("/_emulator/quota", { perSecond: 1000 });
  await emulatorPost("/_emulator/faults", { ratio: 1, answerDelayMs: 150 });
  const ids = Array.from({ length: messages }, (_, i) => `kill-${String(i).padStart(4, "0")}`);
  await writeBatch(ids);

  const first = await startWorker(firstWorkerAt);
  const atKill = await eventually(acceptedTrackingIds, (accepted) => accepted.length >= messages / 2, 120_000);
  first.kill("SIGKILL");
  await new Promise((resolve) => first.once("exit", resolve));
  const beforeSecond = await acceptedTrackingIds();

  await startWorker(secondWorkerAt);
  const settled = await eventually(outboxItems, (items) => items.length === messages && items.every((item) => item.state === "sent" || item.state === "unconfirmed"), 180_000);

  const accepted = await acceptedTrackingIds();
  const timesAccepted = new Map<string, number>();
  for (const id of accepted) timesAccepted.set(id, (timesAccepted.get(id) ?? 0) + 1);
  const doubled = [...timesAccepted].filter(([, times]) => times > 1);
  const unconfirmed = settled.filter((item) => item.state === "unconfirmed");
  const sent = settled.filter((item) => item.state === "sent");
  console.log(
    `notify killed mid-batch: ${atKill.length} accepted when killed, ${beforeSecond.length} when it stopped; ` +
      `${sent.length} sent, ${unconfirmed.length} unconfirmed (${unconfirmed.filter((item) => timesAccepted.has(item.id)).length} of them reached Zalo), ` +
      `${doubled.length} doubled, ${accepted.length} accepted in all`,
  );

  expect(doubled).toEqual([]);
  expect(accepted.filter((id) => !ids.includes(id))).toEqual([]);
  // Every sent item reached Zalo exactly once, with the id Zalo gave it.
  for (const item of sent) {
    expect(timesAccepted.get(item.id), item.id).toBe(1);
    expect(item.zaloMessageId).not.toBeNull();
  }
  // The first worker's killed calls, and only they, are in doubt.
  expect(unconfirmed.length).toBeGreaterThan(0);
  expect(unconfirmed.length).toBeLessThanOrEqual(concurrency);
  for (const item of unconfirmed) {
    expect(item).toMatchObject({ reason: "sender_stopped_during_send", leaseOwner: null });
    expect(item.attemptStartedAt).toBe(firstWorkerAt.toISOString());
  }
  // The second worker sent everything the first had not called Zalo for.
  expect(sent.length + unconfirmed.length).toBe(messages);
  expect(accepted.length).toBeGreaterThanOrEqual(sent.length);
});
