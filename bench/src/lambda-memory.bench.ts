import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ScanCommand as RawScanCommand } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { build } from "esbuild";
import { createDocumentClient } from "@motcua/functions/adapters/dynamodb/document-client";
import { keys } from "@motcua/functions/adapters/dynamodb/keys";
import { loadConfig } from "@motcua/functions/config/config";
import { functionCatalogue, type FunctionName } from "@motcua/infra/function-catalogue";
import { esbuildOptionsFor, lambdaEntryFile } from "@motcua/infra/lambda-bundling";
import { repoRoot } from "@motcua/infra/paths";
import { signedIngestHeaders } from "@motcua/local/seed/sign-ingest-request";
import type { StackInfo } from "@motcua/local/stack/start-stack";
import { ensureTable } from "@motcua/local/table/ensure-table";
import type { BenchLine } from "./lookup-and-ingest.bench.js";
import { landDossier } from "./land-dossier.js";
import { fmt } from "./load.js";

/**
 * Runs in a fresh Node process per function: loads the function's bundle, builds its handler (a cold start), then
 * hands it the invocations one after the other, as one Lambda instance gets them. Prints the resident memory after
 * the build, the peak resident memory of the whole process, and the CPU time per invocation.
 */
const invokeScript = `
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const events = JSON.parse(readFileSync(process.argv[2], "utf8"));
(async () => {
  const entry = await import(pathToFileURL(process.argv[1]).href);
  const handle = await entry.buildHandler();
  const initRss = process.memoryUsage().rss;
  const outcomes = {};
  const cpu = process.cpuUsage();
  for (const event of events) {
    const result = await handle(event);
    const outcome = result && result.statusCode !== undefined ? String(result.statusCode) : result && result.batchItemFailures ? "failures " + result.batchItemFailures.length : "done";
    outcomes[outcome] = (outcomes[outcome] || 0) + 1;
  }
  const used = process.cpuUsage(cpu);
  process.stdout.write(JSON.stringify({ initRss, peakRss: process.resourceUsage().maxRSS * 1024, cpuMicros: used.user + used.system, invocations: events.length, outcomes }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

interface Measured {
  initRss: number;
  peakRss: number;
  cpuMicros: number;
  invocations: number;
  outcomes: Record<string, number>;
}

/** An API Gateway HTTP API (payload 2.0) event, as API Gateway hands it to the function. */
function httpEvent(routeKey: string, rawPath: string, options: { headers?: Record<string, string>; body?: string; pathParameters?: Record<string, string>; at: Date }) {
  const [method] = routeKey.split(" ");
  return {
    version: "2.0",
    routeKey,
    rawPath,
    rawQueryString: "",
    headers: Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    requestContext: {
      accountId: "123456789012",
      apiId: "bench",
      domainName: "bench.execute-api.ap-southeast-1.amazonaws.com",
      domainPrefix: "bench",
      http: { method, path: rawPath, protocol: "HTTP/1.1", sourceIp: "203.0.113.10", userAgent: "bench" },
      requestId: `bench-${Math.random().toString(36).slice(2)}`,
      routeKey,
      stage: "$default",
      time: options.at.toUTCString(),
      timeEpoch: options.at.getTime(),
    },
    ...(options.body !== undefined ? { body: options.body, isBase64Encoded: false } : { isBase64Encoded: false }),
  };
}

/**
 * What the busiest functions hold in memory and spend in CPU, with their real bundles (built as CDK builds them)
 * on a table of their own in the stack's DynamoDB Local: `ingest` with requests of one event, `api` with lookups of
 * those dossiers by the owner's verified phone, `notify` with the outbox items ingest wrote, one stream record an
 * invocation, sent to the Zalo emulator (one invocation per event, lookup and message, as the bill counts them). Lambda gives a function CPU in proportion to
 * its memory (a full vCPU at 1,769 MB), so the CPU time here also says how long an invocation computes at the
 * memory the catalogue sets. The handlers run on the real clock, as in Lambda: the events are dated just before it.
 */
export async function benchLambdaMemory(
  info: StackInfo,
  options: { dossiers: number },
): Promise<{ lines: BenchLine[]; cpuMs: { api: number; ingest: number; notify: number } }> {
  const work = mkdtempSync(join(tmpdir(), "motcua-lambda-memory-"));
  const client = createDocumentClient({ region: info.region, endpoint: info.dynamodbEndpoint });
  try {
    const tableName = `memory-${Date.now().toString(36)}`;
    await ensureTable(client, tableName);
    // The OA's token pair and the demo citizen's profile (verified phone), as the cost bench copies them.
    for (const key of [keys.oaToken(), keys.citizen(info.demoUsers.citizen.zaloAppUserId)]) {
      const { Item } = await client.send(new GetCommand({ TableName: info.tableName, Key: key, ConsistentRead: true }));
      if (Item) await client.send(new PutCommand({ TableName: tableName, Item }));
    }
    const env = { PATH: process.env.PATH ?? "", ...info.env, TABLE_NAME: tableName, AWS_ACCESS_KEY_ID: "local", AWS_SECRET_ACCESS_KEY: "local", LOG_LEVEL: "ERROR" };
    const config = loadConfig(env);
    const run = async (name: FunctionName, events: unknown[]): Promise<Measured> => {
      await build(esbuildOptionsFor(join(repoRoot, functionCatalogue[name].entry), join(work, name)));
      const file = join(work, name, lambdaEntryFile);
      const eventsFile = join(work, `${name}-events.json`);
      writeFileSync(eventsFile, JSON.stringify(events));
      return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", invokeScript, file, eventsFile], { env, encoding: "utf8", maxBuffer: 1 << 20 })) as Measured;
    };

    const now = new Date();
    const codes = Array.from({ length: options.dossiers }, (_, i) => `000.00.20.H27-261203-${String(8000 + i)}`);
    const events = codes.flatMap((code) =>
      [2, 4, 4, 9, 10].map((status, n) => ({
        eventId: `${code}-${n}`,
        dossierCode: code,
        status,
        occurredAt: new Date(now.getTime() - (6 - n) * 3_600_000).toISOString(),
        unitName: "Bộ phận Một cửa",
        ...(n === 0
          ? {
              dossier: landDossier({
                applicantPhone: info.demoUsers.citizen.phone,
                receivedAt: new Date(now.getTime() - 6 * 3_600_000).toISOString(),
                dueAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
              }),
            }
          : {}),
      })),
    );
    // One event a request, as the bill counts them (the one-stop system sends each event as it happens).
    const ingestRequests = events.map((event) => {
      const body = JSON.stringify({ events: [event] });
      return httpEvent("POST /v1/ingest/events", "/v1/ingest/events", { headers: { "content-type": "application/json", ...signedIngestHeaders(config.ingestSecrets[0]!, body, now) }, body, at: now });
    });
    // Five lookups of each dossier: as many invocations as the other two get, so the warm ones dominate as in Lambda.
    const lookups = [...codes, ...codes, ...codes, ...codes, ...codes].map((code) =>
      httpEvent("GET /v1/dossiers/{code}", `/v1/dossiers/${code}`, { headers: { authorization: `Bearer ${info.demoTokens.citizen}` }, pathParameters: { code }, at: now }),
    );
    const measured: [FunctionName, string, Measured][] = [];
    measured.push(["ingest", "requests of one event", await run("ingest", ingestRequests)]);
    measured.push(["api", "lookups by the owner", await run("api", lookups)]);
    const outbox = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(new RawScanCommand({ TableName: tableName, ExclusiveStartKey: start as never }));
      outbox.push(...(page.Items ?? []).filter((item) => item.type?.S === "OutboxItem"));
      start = page.LastEvaluatedKey;
    } while (start);
    // A dossier's messages come one at a time as its events do: one stream record an invocation, as the bill counts them.
    const records = outbox.map((image, n) => ({ Records: [{ eventID: `bench-${n}`, eventName: "INSERT", eventSource: "aws:dynamodb", dynamodb: { NewImage: image } }] }));
    measured.push(["notify", "stream records of one message", await run("notify", records)]);

    const mb = (bytes: number) => `${fmt(bytes / 1024 ** 2, 0)} MB`;
    const cpuMsOf = (m: Measured) => m.cpuMicros / 1000 / m.invocations;
    const cpuMs = Object.fromEntries(measured.map(([name, , m]) => [name, cpuMsOf(m)])) as { api: number; ingest: number; notify: number };
    const lines = measured.map(([name, what, m]) => {
      const memoryMb = functionCatalogue[name].memoryMb;
      const cpuMs = cpuMsOf(m);
      return {
        name: `Lambda ${name}: memory and CPU, ${m.invocations} ${what}`,
        value:
          `peak RSS ${mb(m.peakRss)} (${mb(m.initRss)} after the cold start's build) of the ${memoryMb} MB set; CPU ${fmt(cpuMs, 1)} ms per invocation here, ` +
          `≈ ${fmt((cpuMs * 1769) / memoryMb, 0)} ms at ${memoryMb} MB (${fmt(memoryMb / 1769, 2)} vCPU); answers ${JSON.stringify(m.outcomes)}`,
      };
    });
    return { lines, cpuMs };
  } finally {
    client.destroy();
    rmSync(work, { recursive: true, force: true });
  }
}
