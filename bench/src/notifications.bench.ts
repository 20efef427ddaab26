import { waitForMessagesToSettle } from "@motcua/local/zalo-emulator/wait-for-messages-to-settle";
import { setTimeout as sleep } from "node:timers/promises";
import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { createDocumentClient } from "@motcua/functions/adapters/dynamodb/document-client";
import { statusLabel, type DossierStatus } from "@motcua/functions/domain/dossier-status";
import { firstIngestEvent } from "@motcua/local/seed/first-ingest-event";
import { signedIngestHeaders } from "@motcua/local/seed/sign-ingest-request";
import type { StackInfo } from "@motcua/local/stack/start-stack";
import type { BenchLine } from "./lookup-and-ingest.bench.js";
import { fmt } from "./load.js";
import { startStackProcess } from "./start-stack-process.js";

/**
 * Notifications through the whole local pipeline: signed ingest API → DynamoDB Local (outbox item in the
 * event's transaction) → the table's stream → the stream poller → the notify handler → HTTP to the Zalo
 * emulator. Every number is read from the emulator's accepted messages (`at`, stamped when it accepted the
 * send) and from the outbox items' final states in the table.
 */
export interface NotificationBenchOptions {
  /** The emulator's send quota (per second) and the notify function's pacing (`ZALO_SEND_RATE_PER_SECOND`). */
  quotaPerSecond: number;
  /** The same for the fault run (its own stack). */
  faultQuotaPerSecond: number;
  /** Messages for the send-rate run (quota × about 20 s keeps the senders busy after ingest). */
  rateMessages: number;
  /** Messages for the fault run. */
  faultMessages: number;
  /** Extra configuration of the notify function (e.g. `NOTIFY_CONCURRENCY` while looking for the bottleneck). */
  env?: Record<string, string>;
  /** Share of send calls that fail or slow down in the fault run. */
  faultRatio: number;
  /** Dossiers ingested one by one, spaced out, for the latency run. */
  latencyEvents: number;
  latencySpacingMs: number;
}

type EmulatorMessage = { channel: string; recipient: string; templateData?: Record<string, string>; at: string };
type IngestEvent = Record<string, unknown>;

const followers = 10;
let phoneSequence = 0;

/**
 * The notification runs on stacks of their own, the notify function paced to the emulator's quota: one for
 * latency and send rate (at `quotaPerSecond`), one for the fault run (at `faultQuotaPerSecond`, so that 2,000
 * messages do not take minutes of pacing on a fast machine).
 */
export async function benchNotificationsOnOwnStack(options: NotificationBenchOptions): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  const onStack = async (quota: number, phase: NotificationBenchOptions) => {
    const stack = await startStackProcess({ ZALO_SEND_RATE_PER_SECOND: String(quota), ...options.env });
    try {
      // The seed's own messages (a few hundred) share the quota: measure only once they have gone out.
      await waitForMessagesToSettle(stack.info.zaloEmulatorUrl, { timeoutMs: 300_000 });
      lines.push(...(await benchNotifications(stack.info, phase)));
    } finally {
      await stack.stop();
    }
  };
  if (options.latencyEvents > 0 || options.rateMessages > 0) await onStack(options.quotaPerSecond, { ...options, faultMessages: 0 });
  if (options.faultMessages > 0) {
    await onStack(options.faultQuotaPerSecond, { ...options, quotaPerSecond: options.faultQuotaPerSecond, latencyEvents: 0, rateMessages: 0 });
  }
  return lines;
}

export function notificationBenchOptions(quick: boolean): NotificationBenchOptions {
  return {
    quotaPerSecond: 20,
    faultQuotaPerSecond: 100,
    rateMessages: quick ? 300 : 600,
    faultMessages: quick ? 400 : 2000,
    faultRatio: 0.1,
    latencyEvents: quick ? 50 : 200,
    latencySpacingMs: 100,
  };
}

export async function benchNotifications(info: StackInfo, options: NotificationBenchOptions): Promise<BenchLine[]> {
  const run = Date.now().toString(36).toUpperCase();
  const phones: string[] = [];
  for (let i = 0; i < followers; i += 1) phones.push(await verifiedFollower(info, i));
  const lines: BenchLine[] = [];

  // c. Latency at a light load: one dossier at a time, spaced out, no quota.
  if (options.latencyEvents > 0) {
    const codes: { code: string; startedAt: number }[] = [];
    const started = performance.now();
    for (let i = 0; i < options.latencyEvents; i += 1) {
      const wait = started + i * options.latencySpacingMs - performance.now();
      if (wait > 0) await sleep(wait);
      const code = `BENCH-LAT-${run}-${i}`;
      const startedAt = Date.now();
      await ingest(info, [received(code, phones[i % phones.length]!)]);
      codes.push({ code, startedAt });
    }
    const byCode = await waitForMessages(info, new Set(codes.map((c) => c.code)), codes.length, 60_000);
    const latencies = codes.map(({ code, startedAt }) => {
      const message = byCode.get(code)?.[0];
      if (!message) throw new Error(`no message for ${code}`);
      return Date.parse(message.at) - startedAt;
    });
    latencies.sort((a, b) => a - b);
    lines.push({
      name: `ingest → message latency, ${options.latencyEvents} dossiers ${options.latencySpacingMs} ms apart`,
      value:
        `p50 ${fmt(percentile(latencies, 50), 0)} ms, p95 ${fmt(percentile(latencies, 95), 0)} ms, max ${fmt(latencies.at(-1) ?? 0, 0)} ms ` +
        "(includes the local stream poller's 250 ms idle poll)",
    });
  }

  // a. Send rate against the quota: enough status changes to keep the senders busy for about 20 s.
  if (options.rateMessages > 0) {
    await emulatorPost(info, "/_emulator/quota", { perSecond: options.quotaPerSecond });
    const refusedBefore = await quotaRefusals(info);
    const dossiers = Math.ceil(options.rateMessages / 2);
    const codes = Array.from({ length: dossiers }, (_, i) => `BENCH-RATE-${run}-${i}`);
    const ingestStarted = performance.now();
    const events = codes.flatMap((code, i) => twoEvents(code, phones[i % phones.length]!));
    for (let i = 0; i < events.length; i += 100) await ingest(info, events.slice(i, i + 100));
    const ingestSeconds = (performance.now() - ingestStarted) / 1000;
    const ingestEndedAt = Date.now();
    const byCode = await waitForMessages(info, new Set(codes), dossiers * 2, 180_000);
    const times = [...byCode.values()].flat().map((m) => Date.parse(m.at)).sort((a, b) => a - b);
    // Steady state: from the end of ingest (locally it shares DynamoDB Local and the two cores with the
    // senders; in AWS it shares nothing) to the 95th percentile message, while a backlog keeps the senders busy.
    const last = times[Math.floor(times.length * 0.95)]!;
    const inWindow = times.filter((t) => t > ingestEndedAt && t <= last).length;
    const windowSeconds = (last - ingestEndedAt) / 1000;
    if (windowSeconds < 5) throw new Error(`only ${fmt(windowSeconds)} s of backlog after ingest: send more messages`);
    const rate = inWindow / windowSeconds;
    const duringIngest = times.filter((t) => t <= ingestEndedAt).length / ((ingestEndedAt - times[0]!) / 1000);
    const refused = (await quotaRefusals(info)) - refusedBefore;
    if (process.env.BENCH_TRACE) {
      const perSecond = new Map<number, number>();
      for (const t of times) perSecond.set(Math.floor((t - times[0]!) / 1000), (perSecond.get(Math.floor((t - times[0]!) / 1000)) ?? 0) + 1);
      console.log(`[trace] ingest ended at +${((ingestEndedAt - times[0]!) / 1000).toFixed(1)} s; per second: ${JSON.stringify([...perSecond.values()])}`);
    }
    lines.push({
      name: `send rate / emulator quota (${options.quotaPerSecond}/s, ${times.length} messages to ${followers} followers)`,
      value:
        `${fmt(rate / options.quotaPerSecond, 3)} (${fmt(rate, 1)}/s over the ${fmt(windowSeconds, 1)} s from the end of ingest to the 95th percentile message; ` +
        `${fmt(duringIngest, 1)}/s while ingest (${fmt(ingestSeconds, 1)} s) shared DynamoDB Local; ${refused} sends refused with -32)`,
      target: "≥ 0.95",
    });
  }

  // b. Doubles and losses with injected faults: mixed -32, HTTP 503 and slow answers on a share of the calls.
  if (options.faultMessages > 0) {
    const share = options.faultRatio;
    await emulatorPost(info, "/_emulator/quota", { perSecond: options.quotaPerSecond });
    await emulatorPost(info, "/_emulator/faults", { ratio: share * 0.4, error: -32 });
    await emulatorPost(info, "/_emulator/faults", { ratio: share * 0.3, httpStatus: 503 });
    await emulatorPost(info, "/_emulator/faults", { ratio: share * 0.3, delayMs: 2000 });
    const dossiers = Math.ceil(options.faultMessages / 2);
    const prefix = `BENCH-FAULT-${run}-`;
    const codes = Array.from({ length: dossiers }, (_, i) => `${prefix}${i}`);
    const events = codes.flatMap((code, i) => twoEvents(code, phones[i % phones.length]!));
    const started = performance.now();
    for (let i = 0; i < events.length; i += 100) await ingest(info, events.slice(i, i + 100));
    const settled = await waitForOutboxSettled(info, new Set(codes), prefix, dossiers * 2, 240_000);
    const seconds = (performance.now() - started) / 1000;
    await emulatorPost(info, "/_emulator/faults", { clear: true });

    const byCode = await messagesByCode(info, new Set(codes));
    const sentCount = new Map<string, number>();
    let unexpected = 0;
    for (const [code, messages] of byCode) {
      for (const message of messages) {
        const status = message.templateData?.["trang_thai"];
        if (status !== statusLabel(2) && status !== statusLabel(4)) unexpected += 1;
        const key = `${code}|${status}`;
        sentCount.set(key, (sentCount.get(key) ?? 0) + 1);
      }
    }
    const items = new Map(settled.items.map((item) => [`${item.dossierCode}|${statusLabel(item.status)}`, item]));
    let doubled = 0;
    let lost = 0;
    let failed = 0;
    let undeliverable = 0;
    const reasons = new Map<string, number>();
    for (const code of codes) {
      for (const status of [2, 4] as const) {
        const key = `${code}|${statusLabel(status)}`;
        const count = sentCount.get(key) ?? 0;
        if (count > 1) doubled += count - 1;
        if (count > 0) continue;
        const item = items.get(key);
        if (item?.state === "failed" && item.reason) {
          failed += 1;
          reasons.set(item.reason, (reasons.get(item.reason) ?? 0) + 1);
        } else if (item?.state === "undeliverable" && item.reason) undeliverable += 1;
        else lost += 1;
      }
    }
    lines.push({
      name: `${dossiers * 2} messages with ${fmt(share * 100, 0)}% of send calls faulty (-32, HTTP 503, 2 s delay; quota ${options.quotaPerSecond}/s)`,
      value:
        `${doubled} doubled, ${lost} lost; ${failed} failed with a reason${reasons.size ? ` ${JSON.stringify(Object.fromEntries(reasons))}` : ""}, ` +
        `${undeliverable} undeliverable, ${unexpected} unexpected; settled in ${fmt(seconds, 1)} s` +
        (settled.timedOut ? ` — TIMED OUT with ${settled.unsettled} items pending/sending` : ""),
      target: "0 and 0",
    });
  }
  return lines;
}

/** A Zalo user who follows the OA and verified their phone through the API (consent), as a citizen does. */
async function verifiedFollower(info: StackInfo, index: number): Promise<string> {
  phoneSequence += 1;
  const phone = `0916${String((Date.now() % 1000) * 1000 + phoneSequence).padStart(6, "0")}`;
  const user = (await emulatorPost(info, "/_emulator/users", { name: `Người nhận ${index + 1}`, phone, follower: true })) as { accessToken: string };
  const { token } = (await emulatorPost(info, "/_emulator/phone-tokens", { accessToken: user.accessToken })) as { token: string };
  const auth = { authorization: `Bearer ${user.accessToken}` };
  const verified = await fetch(`${info.apiUrl}/v1/me/phone`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ token }) });
  if (verified.status !== 200) throw new Error(`phone verification answered ${verified.status}: ${await verified.text()}`);
  const me = (await (await fetch(`${info.apiUrl}/v1/me`, { headers: auth })).json()) as { follower?: { isFollower?: boolean } };
  if (me.follower?.isFollower !== true) throw new Error(`the citizen is not recorded as a follower: ${JSON.stringify(me)}`);
  return phone;
}

function received(code: string, phone: string): IngestEvent {
  return firstIngestEvent(code, {
    eventId: `${code}-2`,
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    applicantName: "Người Dùng Thử",
    applicantPhone: phone,
    dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
}

/** Received (2), then in progress (4): two messages per dossier. */
function twoEvents(code: string, phone: string): IngestEvent[] {
  return [received(code, phone), { eventId: `${code}-4`, dossierCode: code, status: 4, occurredAt: new Date(Date.now() - 30_000).toISOString() }];
}

async function ingest(info: StackInfo, events: IngestEvent[]): Promise<void> {
  const body = JSON.stringify({ events });
  const response = await fetch(`${info.apiUrl}/v1/ingest/events`, { method: "POST", headers: signedIngestHeaders(info.ingestSecret, body), body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`ingest answered ${response.status}: ${text}`);
  const results = (JSON.parse(text) as { results: { outcome: string; reason?: string }[] }).results;
  const notApplied = results.filter((r) => r.outcome !== "applied");
  if (notApplied.length > 0) throw new Error(`ingest did not apply ${notApplied.length} events: ${JSON.stringify(notApplied.slice(0, 3))}`);
}

async function emulatorPost(info: StackInfo, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${info.zaloEmulatorUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`emulator ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

async function quotaRefusals(info: StackInfo): Promise<number> {
  const response = await fetch(`${info.zaloEmulatorUrl}/_emulator/quota`);
  return ((await response.json()) as { refused: number }).refused;
}

async function messagesByCode(info: StackInfo, codes: Set<string>): Promise<Map<string, EmulatorMessage[]>> {
  const response = await fetch(`${info.zaloEmulatorUrl}/_emulator/messages`);
  const { messages } = (await response.json()) as { messages: EmulatorMessage[] };
  const byCode = new Map<string, EmulatorMessage[]>();
  for (const message of messages) {
    const code = message.templateData?.["ma_ho_so"];
    if (!code || !codes.has(code)) continue;
    byCode.set(code, [...(byCode.get(code) ?? []), message]);
  }
  return byCode;
}

async function waitForMessages(info: StackInfo, codes: Set<string>, expected: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const byCode = await messagesByCode(info, codes);
    const count = [...byCode.values()].reduce((sum, list) => sum + list.length, 0);
    if (count >= expected) return byCode;
    if (Date.now() > deadline) throw new Error(`only ${count} of ${expected} messages arrived within ${timeoutMs} ms`);
    await sleep(1000);
  }
}

type SettledItem = { dossierCode: string; status: DossierStatus; state: string; reason: string | null };

/**
 * Waits until every outbox item of the run's dossiers exists and none is pending or sending (or the timeout).
 * The table is scanned only once the messages stop coming (all arrived, or none for 5 s): a Scan every second
 * would compete with the pipeline it measures for DynamoDB Local.
 */
async function waitForOutboxSettled(info: StackInfo, codes: Set<string>, codePrefix: string, expected: number, timeoutMs: number) {
  const client = createDocumentClient({ region: info.region, endpoint: info.dynamodbEndpoint });
  const deadline = Date.now() + timeoutMs;
  let lastCount = -1;
  let lastChange = Date.now();
  try {
    for (;;) {
      const count = [...(await messagesByCode(info, codes)).values()].reduce((sum, list) => sum + list.length, 0);
      if (count !== lastCount) {
        lastCount = count;
        lastChange = Date.now();
      }
      const quiet = count >= expected || Date.now() - lastChange > 5000;
      if (quiet || Date.now() > deadline) {
        const items = await scanOutbox(client, info.tableName, codePrefix);
        const unsettled = items.filter((item) => item.state === "pending" || item.state === "sending").length;
        if (items.length >= expected && unsettled === 0) return { items, timedOut: false, unsettled };
        if (Date.now() > deadline) return { items, timedOut: true, unsettled: unsettled + Math.max(0, expected - items.length) };
      }
      await sleep(quiet ? 3000 : 1000);
    }
  } finally {
    client.destroy();
  }
}

async function scanOutbox(client: ReturnType<typeof createDocumentClient>, tableName: string, codePrefix: string): Promise<SettledItem[]> {
  const items: SettledItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: "#type = :outbox AND begins_with(notification.dossierCode, :prefix)",
        ExpressionAttributeNames: { "#type": "type", "#state": "state", "#status": "status" },
        ExpressionAttributeValues: { ":outbox": "OutboxItem", ":prefix": codePrefix },
        ProjectionExpression: "notification.dossierCode, notification.#status, #state, reason",
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const notification = item["notification"] as { dossierCode: string; status: DossierStatus };
      items.push({ dossierCode: notification.dossierCode, status: notification.status, state: String(item["state"]), reason: (item["reason"] as string | undefined) ?? null });
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
