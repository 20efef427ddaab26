import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The functions' own test helpers: a table on DynamoDB Local, the Zalo emulator, signed requests.
import { firstIngestEvent, signedIngestRequest } from "../../functions/test/builders.js";
import { routeRequest } from "../../functions/test/api-gateway-event.js";
import { startTestStack } from "../../functions/test/test-stack.js";
// Its DynamoDB Local endpoint, which the test table reads (the global setup of vitest.config.ts declares it).
import type {} from "../../functions/test/dynamodb-local.global-setup.js";
import { functionSecrets } from "@motcua/functions/config/function-secrets";
import { functionCatalogue, type FunctionName } from "./function-catalogue.js";
import { esbuildOptionsFor, lambdaEntryFile } from "./lambda-bundling.js";
import { repoRoot } from "./paths.js";

/**
 * Every function's bundle, built with the options CDK uses (lambda-bundling.ts), loaded by a fresh Node process as
 * Lambda loads it and handed one invocation: the bundled AWS SDK, zod, Powertools and our code run against DynamoDB
 * Local and the Zalo emulator. What the bundling options change (which build of a package is bundled, minified or
 * not) shows here, not in the tests of the sources.
 */
const work = mkdtempSync(join(tmpdir(), "motcua-bundled-functions-"));
let stack: Awaited<ReturnType<typeof startTestStack>>;

const invokeScript = `
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const { handler } = await import(pathToFileURL(process.argv[1]).href);
const context = {
  functionName: "motcua-test", functionVersion: "$LATEST", invokedFunctionArn: "arn:aws:lambda:ap-southeast-1:123456789012:function:motcua-test",
  memoryLimitInMB: "512", awsRequestId: "bundled-functions-test", logGroupName: "/aws/lambda/motcua-test", logStreamName: "test",
  getRemainingTimeInMillis: () => 30000,
};
handler(JSON.parse(readFileSync(process.argv[2], "utf8")), context).then(
  (result) => process.stdout.write(JSON.stringify({ result: result === undefined ? null : result })),
  (error) => { console.error(error); process.exit(1); },
);
`;

async function invoke(name: FunctionName, event: unknown, settings: Record<string, string> = {}, unset: readonly string[] = []): Promise<unknown> {
  const eventFile = join(work, `${name}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(eventFile, JSON.stringify(event));
  // This process's environment goes along (under scripts/test-at.sh, the moved clock), then the function's settings.
  const { NODE_OPTIONS: _nodeOptions, ...inherited } = process.env;
  const env: Record<string, string | undefined> = { ...inherited, ...stack.env, AWS_ACCESS_KEY_ID: "local", AWS_SECRET_ACCESS_KEY: "local", LOG_LEVEL: "ERROR", ...settings };
  for (const setting of unset) delete env[setting];
  const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", invokeScript, join(work, name, lambdaEntryFile), eventFile], { env, encoding: "utf8" });
  return (JSON.parse(stdout) as { result: unknown }).result;
}

const body = (response: unknown) => JSON.parse(String((response as { body: string }).body)) as Record<string, unknown>;
const status = (response: unknown) => (response as { statusCode: number }).statusCode;
/**
 * A dossier's first event, signed now: dated by the clock the bundle reads (the machine's), since the bundle has no
 * other. (Whatever the hour: the ZNS quiet hours are set half a day away from it, below.)
 */
const freshlySignedFirstEvent = (code: string) => signedIngestRequest([firstIngestEvent(code)], String(Math.floor(Date.now() / 1000)));
const scheduledEvent = { version: "0", source: "aws.events", "detail-type": "Scheduled Event", detail: {} };

beforeAll(async () => {
  await Promise.all(
    (Object.keys(functionCatalogue) as FunctionName[]).map((name) => build(esbuildOptionsFor(join(repoRoot, functionCatalogue[name].entry), join(work, name)))),
  );
  // The bundles read the machine's clock; ZNS's quiet hours are set half a day away from it, so the message is sent
  // whatever the hour of the run.
  stack = await startTestStack({ ZALO_ZNS_QUIET_HOURS: quietHoursHalfADayFrom(Date.now()) });
});
afterAll(async () => {
  await stack?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe("each function's bundle, run as Lambda runs it (DynamoDB Local, Zalo emulator)", () => {
  const code = "000.00.20.H27-261102-4001";
  const citizen = { name: "Nguyễn Văn An", phone: "0912345678" };

  it("ingest writes a signed event's dossier, its receipt QR and its message; api reads the citizen through Zalo; notify sends the message", async () => {
    const ingested = await invoke("ingest", freshlySignedFirstEvent(code));
    expect(status(ingested)).toBe(200);
    expect(body(ingested).results).toEqual([expect.objectContaining({ outcome: "applied", receipt: expect.objectContaining({ svg: expect.stringContaining("<svg") }) })]);

    const user = await stack.createZaloUser(citizen.name, citizen.phone);
    const me = await invoke("api", routeRequest("GET /v1/me", { token: user.accessToken }));
    expect(status(me)).toBe(200);
    expect(body(me)).toMatchObject({ name: citizen.name, isStaff: false, follower: { isFollower: true } });
    expect(status(await invoke("api", routeRequest("GET /v1/announcements", { token: user.accessToken })))).toBe(200);

    // The outbox item as its stream record carries it (attribute values, not the document client's plain values).
    const outbox = await outboxImages();
    expect(outbox).toHaveLength(1);
    const record = { eventID: "bundled-1", eventName: "INSERT", eventSource: "aws:dynamodb", dynamodb: { NewImage: outbox[0] } };
    expect(await invoke("notify", { Records: [record] })).toEqual({ batchItemFailures: [] });
    const messages = (await (await fetch(`${stack.emulator.url}/_emulator/messages`)).json()) as { messages: Array<{ recipient: string }> };
    expect(messages.messages.map((message) => message.recipient)).toEqual(["84912345678"]);
  });

  it("admin draws the receipt QR of the dossier ingest wrote, as a PNG, for the province's first admin", async () => {
    const admin = await stack.createZaloUser("Lê Minh Quân", "0900000001");
    const qr = await invoke("admin", routeRequest("GET /v1/admin/receipts/{code}/qr", { pathParameters: { code }, query: "format=png", token: admin.accessToken }), {
      FIRST_ADMIN_ZALO_APP_USER_ID: admin.zaloAppUserId,
    });
    expect(qr).toMatchObject({ statusCode: 200, isBase64Encoded: true, headers: expect.objectContaining({ "content-type": "image/png" }) });
    const png = Buffer.from(String((qr as { body: string }).body), "base64");
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("api reads its secrets as in AWS: SECRET_ARNS, the Secrets Manager client in its chunk (a stand-in of the service's JSON API)", async () => {
    const arn = "arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:motcua-secrets-AbCdEf";
    const names = functionSecrets.api;
    const secretsManager = await startAwsJsonStandIn<{ SecretId: string }>("application/x-amz-json-1.1", () => {
      const fields = Object.fromEntries(names.map((name) => [name, stack.env[name]]));
      return { ARN: arn, Name: "motcua-secrets", VersionId: "v1", SecretString: JSON.stringify(fields), CreatedDate: 1_790_000_000 };
    });
    const calls = secretsManager.calls;
    try {
      const user = await stack.createZaloUser("Phan Thị Cúc", "0934567890");
      const settings = {
        SECRET_ARNS: JSON.stringify(Object.fromEntries(names.map((name) => [name, arn]))),
        // The SDK's endpoint setting for one service (AWS_ENDPOINT_URL_<service id>): the stand-in, not AWS.
        AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.url,
      };
      // The secret values leave the env, as in AWS (a name set both ways is refused).
      const me = await invoke("api", routeRequest("GET /v1/me", { token: user.accessToken }), settings, names);
      expect(status(me)).toBe(200);
      expect(body(me)).toMatchObject({ name: "Phan Thị Cúc" });
      // One read of the one secret that holds the three values.
      expect(calls).toEqual([{ target: "secretsmanager.GetSecretValue", body: { SecretId: arn } }]);
    } finally {
      await secretsManager.close();
    }
  });

  it("notify sends a message that failed for good to the dead-letter queue with the SQS client in its chunk (a stand-in of SQS's JSON API)", async () => {
    // The client checks the body's MD5 in the answer.
    const sqs = await startAwsJsonStandIn<{ QueueUrl: string; MessageBody: string }>("application/x-amz-json-1.0", (body) => ({
      MessageId: "dead-letter-1",
      MD5OfMessageBody: createHash("md5").update(body.MessageBody).digest("hex"),
    }));
    const sent = sqs.calls;
    const failingCode = "000.00.20.H27-261102-4002";
    try {
      const ingested = await invoke("ingest", freshlySignedFirstEvent(failingCode));
      expect(status(ingested)).toBe(200);
      const outbox = await outboxImages(failingCode);
      expect(outbox).toHaveLength(1);
      // Zalo answers 503 to every send; one attempt allowed, so the message fails for good at once.
      await fetch(`${stack.emulator.url}/_emulator/faults`, { method: "POST", body: JSON.stringify({ count: 10, httpStatus: 503 }) });
      const queueUrl = `${sqs.url}/123456789012/motcua-notify-dlq`;
      const record = { eventID: "bundled-2", eventName: "INSERT", eventSource: "aws:dynamodb", dynamodb: { NewImage: outbox[0] } };
      expect(await invoke("notify", { Records: [record] }, { NOTIFY_MAX_ATTEMPTS: "1", NOTIFY_DLQ_URL: queueUrl })).toEqual({ batchItemFailures: [] });
      expect(sent).toHaveLength(1);
      expect(sent[0]!.target).toBe("AmazonSQS.SendMessage");
      expect(sent[0]!.body.QueueUrl).toBe(queueUrl);
      expect(JSON.parse(sent[0]!.body.MessageBody)).toMatchObject({ kind: "outbox_item_failed", attempts: 1, notification: { dossierCode: failingCode } });
    } finally {
      await fetch(`${stack.emulator.url}/_emulator/faults`, { method: "POST", body: JSON.stringify({ clear: true }) });
      await sqs.close();
    }
  });

  it("admin, webhook and ingest refuse a caller without the right credentials in the JSON envelope", async () => {
    const user = await stack.createZaloUser("Trần Thị Bình", "0987654321");
    const admin = await invoke("admin", routeRequest("GET /v1/admin/me", { token: user.accessToken }));
    expect(status(admin)).toBe(403);
    expect(body(admin)).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    const event = { event_name: "follow", app_id: "1234567890", user_id_by_app: user.zaloAppUserId, follower: { id: user.zaloOaUserId }, timestamp: "1793000000000" };
    const webhook = await invoke("webhook", { ...routeRequest("POST /v1/zalo/webhook", { body: event }), headers: { "x-zevent-signature": "mac=0000" } });
    expect(status(webhook)).toBe(401);
    const stale = await invoke("ingest", signedIngestRequest([firstIngestEvent(code)], "1700000000"));
    expect(status(stale)).toBe(401);
    expect(body(stale)).toMatchObject({ error: { code: expect.any(String) } });
  });

  it("the scheduled functions run against the table and Zalo: wake-outbox, late-dossiers, oa-token-refresh", async () => {
    expect(await invoke("wake-outbox", scheduledEvent)).toEqual({ woken: expect.any(Number), fanoutsNudged: expect.any(Number) });
    // What the job finds depends on the day the bundle runs (it reads the machine's clock); that it ran is the point.
    expect(await invoke("late-dossiers", scheduledEvent)).toEqual({ marked: expect.any(Number), notified: expect.any(Number), days: expect.any(Number) });
    expect(await invoke("oa-token-refresh", scheduledEvent)).toEqual({ ok: true });
  });
});

/** The table's outbox items (of one dossier, when given) as a stream record carries them: attribute values, not plain values. */
async function outboxImages(dossierCode?: string) {
  const { Items } = await stack.table.documentClient.send(new ScanCommand({ TableName: stack.config.tableName }));
  return (Items ?? []).filter((item) => item.type?.S === "OutboxItem" && (dossierCode === undefined || item.notification?.M?.dossierCode?.S === dossierCode));
}

/**
 * A stand-in of an AWS service's JSON API (awsJson 1.0 or 1.1) on a free local port: it records each call's
 * `X-Amz-Target` and body, and answers 200 with what `answer` returns for the body.
 */
async function startAwsJsonStandIn<Body>(contentType: string, answer: (body: Body) => unknown) {
  const calls: Array<{ target: string | undefined; body: Body }> = [];
  const server = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    request.on("end", () => {
      const body = JSON.parse(text) as Body;
      calls.push({ target: request.headers["x-amz-target"] as string | undefined, body });
      response.writeHead(200, { "content-type": contentType });
      response.end(JSON.stringify(answer(body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A one-minute quiet window twelve hours after `epochMs`, Vietnam time (`HH:MM-HH:MM`). */
function quietHoursHalfADayFrom(epochMs: number): string {
  const minute = (epochMs / 60_000 + 7 * 60 + 12 * 60) % (24 * 60);
  const at = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(Math.floor(m) % 60).padStart(2, "0")}`;
  return `${at(minute)}-${at(minute + 1)}`;
}
