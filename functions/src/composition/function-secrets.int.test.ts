import { afterAll, beforeAll, expect, it } from "vitest";
import { firstIngestEvent } from "../../test/builders.js";
import { eventually } from "../../test/eventually.js";
import { startApiServer } from "../../test/api-server.js";
import { startStreamPoller, type StreamPoller } from "../../test/stream-poller.js";
import { startTestStack, testSecrets } from "../../test/test-stack.js";
import type { LambdaFunctionName } from "../config/function-names.js";
import { notifyStreamFilterPatterns } from "../adapters/dynamodb/notify-stream.js";
import { httpRoutes } from "../handlers/routes.js";
import { ingestSignature } from "../handlers/http/ingest-signature.js";
import { composeDependencies } from "./compose.js";
import { httpHandlerFrom } from "./http-handlers.js";
import { lateDossiersHandlerFrom, notifyHandlerFrom, oaTokenRefreshHandlerFrom, wakeOutboxHandlerFrom } from "./stream-handlers.js";

/**
 * Every function on its real paths (DynamoDB Local, the Zalo emulator) with only the secrets
 * config/function-secrets.ts gives it, as in AWS: a secret missing from a function's list fails here.
 */
let stack: Awaited<ReturnType<typeof startTestStack>>;
let server: Awaited<ReturnType<typeof startApiServer>>;
let poller: StreamPoller;
let firstAdmin: Awaited<ReturnType<typeof stack.createZaloUser>>;
// Daytime in Vietnam: ZNS is not held back by quiet hours.
const clock = { now: () => new Date("2026-11-02T03:00:00Z") };
const depsOf = (functionName: LambdaFunctionName, more: Record<string, string> = {}) =>
  composeDependencies(stack.configFor(functionName, more), { clock });

beforeAll(async () => {
  stack = await startTestStack({ ZALO_SEND_RATE_PER_SECOND: "1000" });
  firstAdmin = await stack.createZaloUser("Lê Minh Quân", "0900000011");
  server = await startApiServer({
    port: 0,
    host: "127.0.0.1",
    handlers: {
      api: httpHandlerFrom(depsOf("api"), "api"),
      ingest: httpHandlerFrom(depsOf("ingest"), "ingest"),
      admin: httpHandlerFrom(depsOf("admin", { FIRST_ADMIN_ZALO_APP_USER_ID: firstAdmin.zaloAppUserId }), "admin"),
      webhook: httpHandlerFrom(depsOf("webhook"), "webhook"),
    },
    routes: httpRoutes,
    log: () => {},
  });
  const notify = notifyHandlerFrom(depsOf("notify"));
  poller = await startStreamPoller({
    dynamodbEndpoint: stack.table.endpoint,
    filterPatterns: notifyStreamFilterPatterns,
    region: "ap-southeast-1",
    tableName: stack.config.tableName,
    handler: (event) => notify(event),
    idleDelayMs: 50,
    log: () => {},
  });
});
afterAll(async () => {
  await poller?.stop();
  await server?.close();
  await stack?.stop();
});

async function emulator(path: string, body?: unknown) {
  const response = await fetch(`${stack.emulator.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function call(method: string, path: string, options: { token?: string; body?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), "content-type": "application/json", ...options.headers },
    ...(options.body !== undefined ? { body: options.body } : {}),
  });
  const text = await response.text();
  return { status: response.status, text, body: response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : null };
}


it("the HTTP functions and notify do their work with only their own secrets", async () => {
  const phone = "0913777001";
  const citizen = await stack.createZaloUser("Trần Thị Bình", phone, true);

  // webhook (ZALO_APP_SECRET, ZALO_OA_SECRET_KEY): a follow event signed by Zalo.
  const follow = { event_name: "follow", user_id_by_app: citizen.zaloAppUserId, follower: { id: citizen.zaloOaUserId }, source: "oa_profile", timestamp: String(clock.now().getTime() - 60_000) };
  const delivered = (await emulator("/_emulator/webhook", { url: `${server.url}/v1/zalo/webhook`, event: follow })) as { status: number; body: string };
  expect(delivered.status).toBe(200);
  expect(JSON.parse(delivered.body)).toEqual({ result: "recorded" });

  // api (ZALO_APP_SECRET for the token check and the phone exchange, PHONE_HMAC_KEY for the phone index).
  const { token: phoneToken } = (await emulator("/_emulator/phone-tokens", { accessToken: citizen.accessToken })) as { token: string };
  expect((await call("POST", "/v1/me/phone", { token: citizen.accessToken, body: JSON.stringify({ token: phoneToken }) })).status).toBe(200);

  // ingest (INGEST_SECRETS, RECEIPT_KEY for the receipt, PHONE_HMAC_KEY for the applicant's phone).
  const code = "000.00.20.H27-261102-7001";
  const body = JSON.stringify({ events: [firstIngestEvent(code, { applicantName: "Trần Thị Bình", applicantPhone: phone })] });
  const timestamp = String(Math.floor(clock.now().getTime() / 1000));
  const signature = ingestSignature(testSecrets.ingest, timestamp, Buffer.from(body)).toString("hex");
  const ingested = await call("POST", "/v1/ingest/events", { body, headers: { "x-motcua-timestamp": timestamp, "x-motcua-signature": `v1=${signature}` } });
  expect(ingested.status, ingested.text).toBe(200);
  const receiptUrl = String(ingested.body.results[0].receipt.url);
  const k = new URL(receiptUrl).searchParams.get("k")!;
  expect(k).toMatch(/^[A-Za-z0-9_-]{16}$/);

  // api: my dossiers by the phone's HMAC, and the owner view by the receipt's k (RECEIPT_KEY) for someone else.
  const mine = await call("GET", "/v1/me/dossiers", { token: citizen.accessToken });
  expect(mine.body.dossiers.map((d: { code: string }) => d.code)).toEqual([code]);
  const other = await stack.createZaloUser("Người nhà", "0913777002", false);
  const byReceipt = await call("GET", `/v1/dossiers/${encodeURIComponent(code)}?k=${k}`, { token: other.accessToken });
  expect(byReceipt.body.view).toBe("owner");

  // notify (OA token from the first refresh token via OAuth with ZALO_APP_SECRET; the deep link's k; ZNS by phone).
  const messages = await eventually(
    async () => ((await emulator("/_emulator/messages")).messages as { recipient: string }[]).filter((m) => [citizen.zaloOaUserId, `84${phone.slice(1)}`].includes(m.recipient)),
    (found) => found.length > 0,
  );
  expect(JSON.stringify(messages)).toContain(`k=${k}`);

  // admin (ZALO_APP_SECRET for the token check, RECEIPT_KEY for the receipt QR).
  const qr = await call("GET", `/v1/admin/receipts/${encodeURIComponent(code)}/qr`, { token: firstAdmin.accessToken });
  expect(qr.status, qr.text).toBe(200);
  expect(qr.text).toContain("<svg");
});

it("the scheduled functions run with only their own secrets (none for wake-outbox and late-dossiers)", async () => {
  // A day and a half on, the stored OA token is due: the refresher spends the refresh token (ZALO_APP_SECRET).
  const later = { now: () => new Date(clock.now().getTime() + 36 * 3600_000) };
  const before = await depsOf("oa-token-refresh").currentOaToken();
  const refresher = composeDependencies(stack.configFor("oa-token-refresh"), { clock: later });
  await expect(oaTokenRefreshHandlerFrom(refresher)()).resolves.toEqual({ ok: true });
  expect(await refresher.currentOaToken()).not.toBe(before);
  await expect(wakeOutboxHandlerFrom(depsOf("wake-outbox"))()).resolves.toMatchObject({ woken: expect.any(Number) });
  await expect(lateDossiersHandlerFrom(depsOf("late-dossiers"))()).resolves.toBeDefined();
});
