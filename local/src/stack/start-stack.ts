import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { loadConfig } from "@motcua/functions/config/config";
import type { LogFields, Logger } from "@motcua/functions/ports/logger";
import { composeDependencies } from "@motcua/functions/composition/compose";
import { httpHandlersFrom } from "@motcua/functions/composition/http-handlers";
import { lateDossiersHandlerFrom, notifyHandlerFrom, wakeOutboxHandlerFrom } from "@motcua/functions/composition/stream-handlers";
import { notifyStreamFilterPatterns } from "@motcua/functions/adapters/dynamodb/notify-stream";
import { httpRoutes, unmatchedRouteFunction } from "@motcua/functions/handlers/routes";
import { shiftedClock } from "@motcua/functions/adapters/system/shifted-clock";
import { systemClock } from "@motcua/functions/adapters/system/system-clock";
import type { Clock } from "@motcua/functions/ports/clock";
import { scryptPasswordHasher } from "@motcua/functions/adapters/crypto/scrypt-password-hasher";
import { startApiServer } from "../api-server/start-api-server.js";
import { HmacReceiptSigner } from "@motcua/functions/adapters/crypto/hmac-receipt-signer";
import { localDynamoDbClient } from "../dynamodb-local/local-dynamodb-client.js";
import { startDynamoDbLocal } from "../dynamodb-local/start-dynamodb-local.js";
import { backdatedRatings } from "../seed/backdated-rating.js";
import { seed, type SeedDossierSummary, type SeedLinkTargets } from "../seed/seed.js";
import type { SeedUsers } from "../seed/create-seed-users.js";
import { startStreamPoller, type StreamHandler } from "../stream-poller/start-stream-poller.js";
import { ensureTable } from "../table/ensure-table.js";
import { startZaloEmulator } from "../zalo-emulator/server.js";
import { seedAdmin } from "../seed/seed-people.js";
import { localDevSettings } from "./local-dev-settings.js";

export interface StackOptions {
  /** Ports; 0 (the default) picks free ones, so tests and benchmarks can run stacks side by side. */
  dynamodbPort?: number;
  apiPort?: number;
  zaloEmulatorPort?: number;
  /** Address the API server and the Zalo emulator listen on; DynamoDB Local listens on all. */
  host?: string;
  /** Keep DynamoDB's data in this folder; in memory when absent. */
  persistDir?: string;
  /** Seed demo data (default true); skipped when a persisted table already holds data. */
  seed?: boolean;
  /**
   * The clock of the whole stack: the handlers, the notify function, the waker, the late-dossier job, the Zalo
   * emulator and the seed's signed requests. The system clock when absent; a test that is about a time of day or
   * a date gives a `shiftedClock`, so the stack behaves as on that day whatever the wall clock says.
   */
  clock?: Clock;
  /** Start the stack's clock at this instant and let it run at real speed (a `shiftedClock`); when no `clock` is given. */
  startAt?: Date;
  /** The instant seed times are relative to; the clock's time at start when absent. */
  now?: Date;
  /** Where to write stack.json; nothing is written when absent. */
  stackJsonPath?: string;
  /** Base URL of the Mini App, for the demo deep link. */
  miniAppUrl?: string;
  /** Receives stream batches instead of the notify function (which sends to the Zalo emulator). */
  streamHandler?: StreamHandler;
  /** How often the outbox waker runs (the scheduled function in AWS); default 5 s. */
  wakeIntervalMs?: number;
  /** Read the stream from its start instead of only new records. */
  streamFromStart?: boolean;
  /** Take the source address from X-Forwarded-For, as API Gateway would see many clients (the load benchmark). */
  trustForwardedFor?: boolean;
  /** Extra handler configuration (e.g. raised rate limits for a benchmark). */
  envOverrides?: Record<string, string>;
  /** Log lines (requests, stream); console.log when absent. */
  log?: (line: string) => void;
}

export interface StackInfo {
  apiUrl: string;
  zaloEmulatorUrl: string;
  dynamodbEndpoint: string;
  tableName: string;
  region: string;
  ingestSecret: string;
  /** A credential of the national sync dialect (`POST /mapi/login`), for trying it with curl. */
  syncCredential: { username: string; password: string };
  demoTokens: { citizen: string; secondCitizen: string; admin: string; officer: string };
  demoUsers: Record<keyof SeedUsers, { name: string; phone: string; zaloAppUserId: string; zaloOaUserId: string }>;
  /** The seeded dossier the deep link opens in owner view; absent when nothing was seeded. */
  demoDossier?: { code: string; receiptUrl: string; hs: string; k: string };
  demoDeepLink?: string;
  /**
   * What the other deep links open: the demo citizen's answered thread (`?pakn=<id>`) and an announcement
   * (`?tb=<id>`); absent when nothing was seeded (the thread also when the table was persisted from an earlier run).
   */
  demoLinkTargets?: SeedLinkTargets;
  /** Every seeded dossier's receipt URL, by code. */
  receipts: Record<string, string>;
  /**
   * The stack's clock less the wall clock, in ms, when it started (0 on the system clock): a client in another
   * process (a browser test signing an ingest request, a page's clock) adds it to be on the stack's time.
   */
  clockOffsetMs: number;
  /** Environment the handlers were configured with (dev values only). */
  env: Record<string, string>;
}

export interface Stack {
  info: StackInfo;
  /**
   * Settles with a message when DynamoDB Local dies under the stack: the API, poller and seed data are useless
   * without it, so the command line stops the whole stack rather than keep answering errors.
   */
  dynamoDbLost: Promise<string>;
  stop(): Promise<void>;
}

const seedSummaryFile = "motcua-seed.json";

/** Starts DynamoDB Local, the table, the Zalo emulator, the API server over the real handlers and the stream poller, then seeds. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? ((line: string) => console.log(line));
  const host = options.host ?? "127.0.0.1";
  const settings = localDevSettings;
  const clock = options.clock ?? (options.startAt ? shiftedClock(options.startAt) : systemClock);
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => log(`[stack] stopping: ${String(error)}`));
    }
  };

  try {
    const dynamo = await startDynamoDbLocal({
      port: options.dynamodbPort ?? 0,
      ...(options.persistDir ? { persistDir: options.persistDir } : {}),
    });
    cleanups.push(() => dynamo.stop());

    const client = localDynamoDbClient(dynamo.endpoint, settings.region);
    cleanups.push(async () => client.destroy());
    await ensureTable(client, settings.tableName);
    const hasData = ((await client.send(new ScanCommand({ TableName: settings.tableName, Limit: 1 }))).Count ?? 0) > 0;

    const emulator = await startZaloEmulator({
      port: options.zaloEmulatorPort ?? 0,
      host,
      appId: settings.zaloAppId,
      appSecret: settings.zaloAppSecret,
      oaId: settings.zaloOaId,
      oaSecretKey: settings.zaloOaSecretKey,
      oaRefreshToken: settings.zaloOaRefreshToken,
      now: () => clock.now().getTime(),
    });
    cleanups.push(() => emulator.close());

    const env: Record<string, string> = {
      TABLE_NAME: settings.tableName,
      AWS_REGION: settings.region,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      INGEST_SECRETS: settings.ingestSecret,
      RECEIPT_KEY: settings.receiptKey,
      PHONE_HMAC_KEY: settings.phoneHmacKey,
      MINI_APP_ID: settings.miniAppId,
      ZALO_APP_ID: settings.zaloAppId,
      ZALO_APP_SECRET: settings.zaloAppSecret,
      ZALO_GRAPH_BASE_URL: emulator.url,
      FIRST_ADMIN_ZALO_APP_USER_ID: seedAdmin.zaloAppUserId,
      ZALO_OA_ID: settings.zaloOaId,
      ZALO_OA_SECRET_KEY: settings.zaloOaSecretKey,
      ZALO_OA_BASE_URL: emulator.url,
      ZALO_ZNS_BASE_URL: emulator.url,
      ZALO_OAUTH_BASE_URL: emulator.url,
      ZALO_OA_INITIAL_REFRESH_TOKEN: settings.zaloOaRefreshToken,
      ZALO_OA_TEMPLATE_IDS: settings.oaTemplateIds,
      ZALO_ZNS_TEMPLATE_IDS: settings.znsTemplateIds,
      // The emulator sets no quota unless asked: the seed's few hundred messages go out in seconds, not a minute.
      ZALO_SEND_RATE_PER_SECOND: "50",
      ...options.envOverrides,
    };
    const config = loadConfig(env);
    const receiptSigner = new HmacReceiptSigner(settings.receiptKey, settings.miniAppId);
    const deps = composeDependencies(config, { dynamoDbClient: client, clock, log: functionLogs(log) });
    const handlers = httpHandlersFrom(deps);

    const api = await startApiServer({
      port: options.apiPort ?? 0,
      host,
      handlers,
      routes: httpRoutes,
      defaultFunction: unmatchedRouteFunction,
      trustForwardedFor: options.trustForwardedFor ?? false,
      log: (line) => log(`[api] ${line}`),
    });
    cleanups.push(() => api.close());

    const poller = await startStreamPoller({
      dynamodbEndpoint: dynamo.endpoint,
      region: settings.region,
      tableName: settings.tableName,
      handler: options.streamHandler ?? notifyHandlerFrom(deps),
      // The notify function's trigger in AWS passes only these records; so does the local one.
      ...(options.streamHandler ? {} : { filterPatterns: notifyStreamFilterPatterns }),
      ...(options.streamFromStart ? { fromStart: true } : {}),
      log,
    });
    cleanups.push(() => poller.stop());

    const wake = wakeOutboxHandlerFrom(deps);
    const waker = setInterval(() => {
      wake().catch((error: unknown) => log(`[wake] ${String(error)}`));
    }, options.wakeIntervalMs ?? 5000);
    cleanups.push(async () => clearInterval(waker));

    // The dialect's demo credential, stored as an admin would create it (kept when the table is persisted).
    const { username: syncUsername, password: syncPassword, unitPatterns } = settings.syncCredential;
    const syncAt = (options.now ?? new Date()).toISOString();
    await deps.syncCredentials.create({
      username: syncUsername,
      passwordHash: await scryptPasswordHasher().hash(syncPassword),
      unitPatterns: [...unitPatterns],
      statusOverrides: {},
      disabled: false,
      createdAt: syncAt,
      updatedAt: syncAt,
    });

    const shouldSeed = options.seed ?? true;
    const seeded = shouldSeed
      ? await seed({
          apiUrl: api.url,
          zaloEmulatorUrl: emulator.url,
          ingestSecret: settings.ingestSecret,
          now: options.now ?? clock.now(),
          clock: () => clock.now(),
          usersOnly: hasData,
          publishAnnouncement: deps.publishAnnouncement,
          seedRating: backdatedRatings(config, client),
          // Threads dated in the past (a late one for the staff inbox): the same use case on a clock moved back.
          // The demo citizen writes from the receipt's QR: its signature files the thread under the dossier's agency.
          submitFeedbackAt: (request, at) =>
            composeDependencies(config, { dynamoDbClient: client, clock: { now: () => at } })
              .submitFeedback({ ...request, receiptSignature: request.dossierCode ? receiptSigner.sign(request.dossierCode) : undefined })
              .then((thread) => ({ id: thread.id })),
          answerFeedbackAt: (request, at) =>
            composeDependencies(config, { dynamoDbClient: client, clock: { now: () => at } })
              .replyToFeedback({ id: request.threadId, staffName: request.staffName, text: request.text })
              .then(() => undefined),
        })
      : undefined;
    let dossiers: SeedDossierSummary | undefined = seeded?.dossiers;
    if (options.persistDir) {
      const summaryPath = join(resolve(options.persistDir), seedSummaryFile);
      if (dossiers) writeFileSync(summaryPath, JSON.stringify(dossiers, null, 2));
      else if (hasData && existsSync(summaryPath)) dossiers = JSON.parse(readFileSync(summaryPath, "utf8")) as SeedDossierSummary;
    }
    if (hasData && shouldSeed) log("[stack] the persisted table already holds data: dossiers not seeded again");

    // The late-dossier job (daily at 07:00 Vietnam time in AWS): once now, so the seeded overdue dossiers show
    // in the staff tab, then once a day while the stack runs.
    const lateDossiers = lateDossiersHandlerFrom(deps);
    const runLateDossiers = () => lateDossiers().catch((error: unknown) => log(`[late-dossiers] ${String(error)}`));
    await runLateDossiers();
    const lateTimer = setInterval(runLateDossiers, 24 * 60 * 60 * 1000);
    cleanups.push(async () => clearInterval(lateTimer));

    const users = seeded?.users;
    const info: StackInfo = {
      apiUrl: api.url,
      zaloEmulatorUrl: emulator.url,
      dynamodbEndpoint: dynamo.endpoint,
      tableName: settings.tableName,
      region: settings.region,
      ingestSecret: settings.ingestSecret,
      syncCredential: { username: syncUsername, password: syncPassword },
      demoTokens: {
        citizen: users?.citizen.accessToken ?? "",
        secondCitizen: users?.secondCitizen.accessToken ?? "",
        admin: users?.admin.accessToken ?? "",
        officer: users?.officer.accessToken ?? "",
      },
      demoUsers: {
        citizen: describeUser(users?.citizen),
        secondCitizen: describeUser(users?.secondCitizen),
        admin: describeUser(users?.admin),
        officer: describeUser(users?.officer),
      },
      receipts: dossiers?.receipts ?? {},
      clockOffsetMs: clock.now().getTime() - Date.now(),
      env,
    };
    if (seeded?.linkTargets) info.demoLinkTargets = seeded.linkTargets;
    const receiptUrl = dossiers?.receipts[dossiers.demoDossierCode];
    if (dossiers && receiptUrl) {
      const query = new URL(receiptUrl).searchParams;
      const demo = { code: dossiers.demoDossierCode, receiptUrl, hs: query.get("hs") ?? "", k: query.get("k") ?? "" };
      info.demoDossier = demo;
      info.demoDeepLink = miniAppLink(options.miniAppUrl ?? "http://localhost:3000", {
        token: info.demoTokens.citizen,
        hs: demo.hs,
        k: demo.k,
      });
    }

    if (options.stackJsonPath) {
      mkdirSync(dirname(options.stackJsonPath), { recursive: true });
      writeFileSync(options.stackJsonPath, `${JSON.stringify(info, null, 2)}\n`);
    }
    const dynamoDbLost = dynamo.lost.then((reason) => `${reason} The stack stops; start it again (\`pnpm stack -- --persist .motcua/db\` keeps data on disk).`);
    return { info, dynamoDbLost, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A Mini App URL in the browser adapter's form: `?token=` signs the user in; `hs`/`k` open a dossier. */
export function miniAppLink(miniAppUrl: string, query: Record<string, string>): string {
  return `${miniAppUrl.replace(/\/$/, "")}/?${new URLSearchParams(query).toString()}`;
}

function describeUser(user: SeedUsers[keyof SeedUsers] | undefined) {
  return {
    name: user?.name ?? "",
    phone: user?.phone ?? "",
    zaloAppUserId: user?.zaloAppUserId ?? "",
    zaloOaUserId: user?.zaloOaUserId ?? "",
  };
}

/** The functions' structured logs as lines of the stack's log, one per entry: `[functions] WARN message {fields}`. */
function functionLogs(log: (line: string) => void): Logger {
  const line = (level: string) => (message: string, fields: LogFields = {}) =>
    log(`[functions] ${level} ${message}${Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : ""}`);
  return { info: line("INFO"), warn: line("WARN"), error: line("ERROR") };
}
