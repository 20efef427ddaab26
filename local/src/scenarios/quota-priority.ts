import { setTimeout as sleep } from "node:timers/promises";
import { QueryCommand, ScanCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { HmacPhoneHasher } from "@motcua/functions/adapters/crypto/hmac-phone-hasher";
import { createDocumentClient } from "@motcua/functions/adapters/dynamodb/document-client";
import { DynamoDbCitizenRepository } from "@motcua/functions/adapters/dynamodb/dynamodb-citizen-repository";
import { keys } from "@motcua/functions/adapters/dynamodb/keys";
import { Table } from "@motcua/functions/adapters/dynamodb/table";
import { indexNames } from "@motcua/functions/adapters/dynamodb/table-definition";
import { composeDependencies } from "@motcua/functions/composition/compose";
import { httpHandlersFrom } from "@motcua/functions/composition/http-handlers";
import { notifyHandlerFrom, wakeOutboxHandlerFrom } from "@motcua/functions/composition/stream-handlers";
import { loadConfig } from "@motcua/functions/config/config";
import { nextVietnamMidnight, vietnamDay } from "@motcua/functions/domain/daily-quota";
import { notifyStreamFilterPatterns } from "@motcua/functions/adapters/dynamodb/notify-stream";
import { httpRoutes } from "@motcua/functions/handlers/routes";
import { startApiServer } from "../api-server/start-api-server.js";
import { localDynamoDbClient } from "../dynamodb-local/local-dynamodb-client.js";
import { firstIngestEvent } from "../seed/first-ingest-event.js";
import { signedIngestHeaders } from "../seed/sign-ingest-request.js";
import { startStreamPoller } from "../stream-poller/start-stream-poller.js";
import { startZaloEmulator } from "../zalo-emulator/server.js";

export interface QuotaPriorityOptions {
  dynamodbEndpoint: string;
  /** An empty table (the caller creates and drops it). */
  tableName: string;
  dailyQuota: number;
  reservePercent: number;
  followers: number;
  dossierEvents: number;
  /** Fan-out page size (≤ 99). */
  pageSize?: number;
  log?: (line: string) => void;
}

export interface QuotaPriorityDay {
  day: string;
  announcementsSent: number;
  dossierMessagesSent: number;
  /** The announcement's progress at the end of the day (paused until the next day, or done). */
  pausedUntil: string | null;
  waitingForQuota: number;
}

export interface QuotaPriorityResult {
  days: QuotaPriorityDay[];
  /** Recipients that got an announcement or dossier message twice. */
  doubled: number;
  /** Expected recipients that never got theirs. */
  lost: number;
  /** Dossier messages that had to wait for the next day (the reserve should make this 0). */
  dossierMessagesDelayed: number;
  /** Wall time of the whole run, for the benchmark's line. */
  elapsedMs: number;
}

const secrets = {
  ingest: "ingest-secret-for-scenario-01",
  receiptKey: "receipt-key-for-scenario-001",
  phoneKey: "phone-key-for-scenario-000001",
  appSecret: "zalo-app-secret-for-scenario",
  oaSecretKey: "oa-secret-for-scenario",
  oaRefreshToken: "oa-refresh-token-for-scenario",
};
const dossierTemplate = "100001";
/** How far the clock steps when nothing moves: past the notify lease (NOTIFY_LEASE_SECONDS, 120 by default). */
const timeStepMs = 121_000;
const announcementTemplate = "100002";

type EmulatorMessage = { channel: string; recipient: string; templateId?: string; at: string };

/**
 * Dossier messages against an announcement, on one OA's daily quota: a quota of `dailyQuota` template messages,
 * `reservePercent` kept for dossier messages, an announcement to `followers` opted-in followers and
 * `dossierEvents` dossiers received while its fan-out runs. The whole local pipeline (HTTP API, DynamoDB Local, the
 * stream, the notify handler, the Zalo emulator) runs on a clock this scenario sets: each emulated day is a Vietnam
 * day, and the emulator's quota day follows the same clock. Nothing reads the wall clock for "now".
 */
export async function runQuotaPriorityScenario(options: QuotaPriorityOptions): Promise<QuotaPriorityResult> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const firstMorning = new Date("2026-11-02T02:00:00.000Z"); // 09:00 in Vietnam
  let now = firstMorning;
  const clock = { now: () => now };
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const emulator = await startZaloEmulator({
      port: 0,
      appId: "1234567890",
      appSecret: secrets.appSecret,
      oaId: "4321",
      oaSecretKey: secrets.oaSecretKey,
      oaRefreshToken: secrets.oaRefreshToken,
      now: () => now.getTime(),
    });
    cleanups.push(() => emulator.close());
    const emulatorCall = async (path: string, body?: unknown) => {
      const response = await fetch(`${emulator.url}${path}`, {
        method: body === undefined ? "GET" : "POST",
        ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<Record<string, unknown>>;
    };
    await emulatorCall("/_emulator/quota", { perDay: options.dailyQuota, channel: "oa" });
    const createUser = async (phone: string) =>
      (await emulatorCall("/_emulator/users", { name: "Công dân", phone, follower: true })) as unknown as { zaloAppUserId: string; zaloOaUserId: string; accessToken: string };

    const admin = await createUser("0900000000");
    const config = loadConfig({
      TABLE_NAME: options.tableName,
      AWS_REGION: "ap-southeast-1",
      DYNAMODB_ENDPOINT: options.dynamodbEndpoint,
      INGEST_SECRETS: secrets.ingest,
      RECEIPT_KEY: secrets.receiptKey,
      PHONE_HMAC_KEY: secrets.phoneKey,
      MINI_APP_ID: "3141592653589793",
      ZALO_APP_ID: "1234567890",
      ZALO_APP_SECRET: secrets.appSecret,
      ZALO_GRAPH_BASE_URL: emulator.url,
      ZALO_OA_ID: "4321",
      ZALO_OA_SECRET_KEY: secrets.oaSecretKey,
      ZALO_OA_BASE_URL: emulator.url,
      ZALO_ZNS_BASE_URL: emulator.url,
      ZALO_OAUTH_BASE_URL: emulator.url,
      ZALO_OA_INITIAL_REFRESH_TOKEN: secrets.oaRefreshToken,
      ZALO_TEMPLATE_IDS: `dossier_update=${dossierTemplate},announcement=${announcementTemplate}`,
      ZALO_SEND_RATE_PER_SECOND: "1000",
      ZALO_ANNOUNCEMENT_QUOTA_RESERVE_PERCENT: String(options.reservePercent),
      FIRST_ADMIN_ZALO_APP_USER_ID: admin.zaloAppUserId,
    });
    const deps = composeDependencies(config, { clock, ...(options.pageSize ? { fanoutPageSize: options.pageSize } : {}) });
    const api = await startApiServer({ port: 0, host: "127.0.0.1", handlers: httpHandlersFrom(deps), routes: httpRoutes, log: () => {} });
    cleanups.push(() => api.close());
    const poller = await startStreamPoller({
      dynamodbEndpoint: options.dynamodbEndpoint,
      region: "ap-southeast-1",
      tableName: options.tableName,
      filterPatterns: notifyStreamFilterPatterns,
      handler: notifyHandlerFrom(deps),
      idleDelayMs: 50,
      log: () => {},
    });
    cleanups.push(() => poller.stop());
    const wake = wakeOutboxHandlerFrom(deps);

    const dynamodb = localDynamoDbClient(options.dynamodbEndpoint, "ap-southeast-1");
    cleanups.push(async () => dynamodb.destroy());
    const table = new Table(createDocumentClient({ region: "ap-southeast-1", endpoint: options.dynamodbEndpoint }, dynamodb), options.tableName);
    const citizens = new DynamoDbCitizenRepository(table, new HmacPhoneHasher(secrets.phoneKey));
    const inParallel = async <T>(count: number, make: (index: number) => Promise<T>): Promise<T[]> => {
      const results: T[] = [];
      for (let start = 0; start < count; start += 25) {
        results.push(...(await Promise.all(Array.from({ length: Math.min(25, count - start) }, (_, offset) => make(start + offset)))));
      }
      return results;
    };
    const at = now.toISOString();
    const follow = (user: { zaloAppUserId: string; zaloOaUserId: string }) =>
      citizens.recordFollowState({ zaloAppUserId: user.zaloAppUserId, zaloOaUserId: user.zaloOaUserId, isFollower: true, at });

    log(`[quota] ${options.followers} opted-in followers, ${options.dossierEvents} dossier applicants who follow`);
    const followers = await inParallel(options.followers, async (index) => {
      const user = await createUser(`0901${String(index).padStart(6, "0")}`);
      await follow(user);
      await citizens.setAnnouncementSubscription(user.zaloAppUserId, true, at);
      return user;
    });
    const applicants = await inParallel(options.dossierEvents, async (index) => {
      const phone = `0913${String(index).padStart(6, "0")}`;
      const user = await createUser(phone);
      await follow(user);
      await citizens.recordVerifiedPhone({ zaloAppUserId: user.zaloAppUserId, phone: `84${phone.slice(1)}`, at });
      return { ...user, phone, code: `000.00.20.H27-261102-${String(index + 1).padStart(4, "0")}` };
    });

    const messages = async () => ((await emulatorCall("/_emulator/messages")) as { messages: EmulatorMessage[] }).messages;
    const count = async () => {
      const all = await messages();
      return { announcements: all.filter((m) => m.templateId === announcementTemplate).length, dossiers: all.filter((m) => m.templateId === dossierTemplate).length };
    };
    const ingest = async (batch: typeof applicants) => {
      const body = JSON.stringify({
        events: batch.map((applicant) =>
          firstIngestEvent(applicant.code, { occurredAt: now.toISOString(), applicantPhone: applicant.phone, dueAt: "2026-11-09T10:00:00.000Z" }),
        ),
      });
      // As a one-stop system does: a 503 (DynamoDB slow under the fan-out's load) is sent again after Retry-After.
      for (let attempt = 1; ; attempt += 1) {
        const response = await fetch(`${api.url}/v1/ingest/events`, { method: "POST", headers: signedIngestHeaders(secrets.ingest, body, now), body });
        if (response.status === 200) break;
        if (response.status !== 503 || attempt === 5) throw new Error(`ingest: ${response.status} ${await response.text()}`);
        await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after") ?? "1") * 1000));
      }
    };
    const staff = { authorization: `Bearer ${admin.accessToken}`, "content-type": "application/json" };
    const published = await fetch(`${api.url}/v1/admin/announcements`, {
      method: "POST",
      headers: staff,
      body: JSON.stringify({ kind: "new_procedure", title: "Thủ tục mới: đăng ký khai sinh trực tuyến", body: "Từ tháng 11, công dân có thể nộp hồ sơ trực tuyến." }),
    });
    if (published.status !== 201) throw new Error(`publish: ${published.status} ${await published.text()}`);
    const announcementId = ((await published.json()) as { announcement: { id: string } }).announcement.id;
    type Progress = { state: string; written: number; sent: number; pending: number; paused: { until: string } | null };
    // As the staff page polls it: a 503 (DynamoDB busy, with Retry-After) is asked again, anything else stops here.
    const progress = async (): Promise<Progress> => {
      for (let tries = 1; ; tries += 1) {
        const response = await fetch(`${api.url}/v1/admin/announcements/${announcementId}`, { headers: staff });
        if (response.ok) return ((await response.json()) as { progress: Progress }).progress;
        if (response.status !== 503 || tries === 5) throw new Error(`announcement progress: ${response.status} ${await response.text()}`);
        await sleep(500);
      }
    };

    // Dossiers arrive in three batches while the fan-out sends.
    const batches = 3;
    const perBatch = Math.ceil(applicants.length / batches);
    for (let batch = 0; batch < batches; batch += 1) {
      if (batch > 0) {
        const target = Math.floor((options.dailyQuota * (100 - options.reservePercent)) / 100 / batches) * batch;
        const deadline = Date.now() + 120_000;
        while ((await count()).announcements < target && !(await progress()).paused && Date.now() < deadline) await sleep(100);
      }
      await ingest(applicants.slice(batch * perBatch, (batch + 1) * perBatch));
    }

    /** Items waiting for a later day's quota (a lease ends within minutes; these wait past midnight). */
    const waitingForQuota = async () => {
      const result = await dynamodb.send(
        new QueryCommand({
          TableName: options.tableName,
          IndexName: indexNames.gsi1,
          KeyConditionExpression: "GSI1PK = :pk AND GSI1SK > :after",
          ExpressionAttributeValues: { ":pk": { S: keys.outboxWaitingPartition }, ":after": { S: nextVietnamMidnight(now).toISOString() } },
          Select: "COUNT",
        }),
      );
      return result.Count ?? 0;
    };
    /** For a day that does not settle: the outbox items neither sent nor waiting for a later day, as they stand. */
    const unsettledItems = async () => {
      const items: Record<string, string | undefined>[] = [];
      let startKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await dynamodb.send(
          new ScanCommand({
            TableName: options.tableName,
            FilterExpression: "SK = :outbox AND #state <> :sent",
            ExpressionAttributeNames: { "#state": "state" },
            ExpressionAttributeValues: { ":outbox": { S: keys.outboxItem("").SK }, ":sent": { S: "sent" } },
            ExclusiveStartKey: startKey,
          }),
        );
        for (const item of page.Items ?? []) {
          const at = item.notBefore?.S ?? item.leaseUntil?.S;
          if (item.state?.S === "pending" && at !== undefined && at >= nextVietnamMidnight(now).toISOString()) continue;
          items.push({ id: item.PK?.S, state: item.state?.S, reason: item.reason?.S, notBefore: item.notBefore?.S, leaseUntil: item.leaseUntil?.S, attemptStartedAt: item.attemptStartedAt?.S });
        }
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return items;
    };
    /**
     * The day is over for the pipeline when every message written is sent or waits for a later day. A send that
     * failed for a moment (DynamoDB slow under load) waits for its lease or back-off to end, a few minutes of the
     * scenario's clock: when nothing moves, the clock steps past the lease (staying inside the day) and the waker runs,
     * as the scheduled waker does every minute in production.
     */
    const settle = async () => {
      const deadline = Date.now() + 180_000;
      const endOfDay = nextVietnamMidnight(now).getTime() - 60_000;
      let last = -1;
      for (;;) {
        const [current, sent, waiting] = await Promise.all([progress(), count(), waitingForQuota()]);
        const moved = sent.announcements + sent.dossiers;
        const accounted = moved + waiting === current.written + applicants.length;
        if (current.state === "done" && current.sent === sent.announcements && accounted) {
          await sleep(300);
          const again = await count();
          if (again.announcements === sent.announcements && again.dossiers === sent.dossiers) return current;
        } else if (moved === last && now.getTime() + timeStepMs < endOfDay) {
          now = new Date(now.getTime() + timeStepMs);
          await wake();
        }
        last = moved;
        if (Date.now() > deadline) throw new Error(`day ${vietnamDay(now)} did not settle: ${JSON.stringify({ current, sent, waiting, unsettled: await unsettledItems() })}`);
        await sleep(200);
      }
    };

    const days: QuotaPriorityDay[] = [];
    let before = { announcements: 0, dossiers: 0 };
    for (let day = 0; day < 10; day += 1) {
      if (day > 0) {
        now = new Date(firstMorning.getTime() + day * 24 * 3_600_000);
        for (let woken = await wake(); woken.woken > 0; woken = await wake()) log(`[quota] woke ${woken.woken}`);
      }
      const end = await settle();
      const after = await count();
      const waiting = await waitingForQuota();
      days.push({
        day: vietnamDay(now),
        announcementsSent: after.announcements - before.announcements,
        dossierMessagesSent: after.dossiers - before.dossiers,
        pausedUntil: end.paused?.until ?? null,
        waitingForQuota: waiting,
      });
      log(`[quota] ${JSON.stringify(days[days.length - 1])}`);
      before = after;
      if (end.pending === 0 && after.dossiers >= applicants.length) break;
    }

    const all = await messages();
    const received = new Map<string, number>();
    for (const message of all) {
      const key = `${message.templateId}#${message.recipient}`;
      received.set(key, (received.get(key) ?? 0) + 1);
    }
    const expected = [
      ...followers.map((user) => `${announcementTemplate}#${user.zaloOaUserId}`),
      ...applicants.map((user) => `${dossierTemplate}#${user.zaloOaUserId}`),
    ];
    const firstDay = days[0]?.day;
    return {
      days,
      doubled: [...received.values()].reduce((sum, times) => sum + Math.max(0, times - 1), 0),
      lost: expected.filter((key) => !received.has(key)).length,
      dossierMessagesDelayed: all.filter((m) => m.templateId === dossierTemplate && vietnamDay(new Date(m.at)) !== firstDay).length,
      elapsedMs: Date.now() - started,
    };
  } finally {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  }
}
