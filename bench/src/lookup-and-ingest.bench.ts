import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { createDocumentClient } from "@motcua/functions/adapters/dynamodb/document-client";
import { keys } from "@motcua/functions/adapters/dynamodb/keys";
import { dossierCodeToPathSegment } from "@motcua/contracts/dossier-code";
import { firstIngestEvent } from "@motcua/local/seed/first-ingest-event";
import { signedIngestHeaders } from "@motcua/local/seed/sign-ingest-request";
import type { StackInfo } from "@motcua/local/stack/start-stack";
import { startMeteredApiServer } from "./metered-api-server.js";
import { httpGet } from "./http-get.js";
import { fmt, runLoad } from "./load.js";

export interface BenchLine {
  name: string;
  value: string;
  target?: string;
}

/** Lookup cost and throughput, and ingest writes per event, on a running local stack. */
export async function benchLookupAndIngest(stack: { info: StackInfo }, options: { lookups: number; concurrency: number }): Promise<BenchLine[]> {
  const { info } = stack;
  const meteredApi = await startMeteredApiServer(info);
  const { meter } = meteredApi;
  try {
    const lines: BenchLine[] = [];
    const code = await largestSeededDossier(stack);
    const lookupUrl = (apiUrl: string) => `${apiUrl}/v1/dossiers/${dossierCodeToPathSegment(code)}`;
    const lookup = async (apiUrl: string) => {
      const response = await httpGet(lookupUrl(apiUrl), { authorization: `Bearer ${info.demoTokens.citizen}` });
      if (response.status !== 200) throw new Error(`lookup answered ${response.status}: ${response.body}`);
    };

    // Cost of one lookup, after a first one has verified the token and opened the rate-limit window.
    meter.reset();
    await lookup(meteredApi.url);
    const firstViewUnits = meter.capacity().TransactWriteItemsCommand ?? 0;
    meter.reset();
    await lookup(meteredApi.url);
    const queries = meter.requests().QueryCommand ?? 0;
    const rcu = meter.capacity().QueryCommand ?? 0;
    lines.push({ name: "lookup by code: DynamoDB reads", value: `${queries} Query, ${fmt(rcu, 2)} RCU (dossier with its timeline)`, target: "1 request, ≤ 1 RCU" });
    meter.reset();
    const sequential = 200;
    for (let i = 0; i < sequential; i += 1) await lookup(meteredApi.url);
    lines.push({
      name: `lookup by code: all DynamoDB requests, ${sequential} lookups by one citizen`,
      value: `${fmt(meter.total() / sequential, 3)} per lookup (${JSON.stringify(meter.requests())})`,
    });
    const writeUnits = (meter.capacity().UpdateItemCommand ?? 0) + (meter.capacity().TransactWriteItemsCommand ?? 0) + (meter.capacity().PutItemCommand ?? 0);
    lines.push({
      name: `lookup by code: WCU, ${sequential + 2} lookups of one dossier (the first two above included)`,
      value: `${fmt(writeUnits / sequential, 2)} WCU per lookup (rate-limit windows); reach ${fmt(firstViewUnits / (sequential + 2), 3)} per lookup (${fmt(firstViewUnits, 0)} WCU for the dossier's first view, if it had none)`,
      target: "reach ≤ 0.1 WCU per lookup",
    });

    // Throughput: the whole API path over HTTP vs the bare SDK Query it makes.
    const documentClient = createDocumentClient({ region: info.region, endpoint: info.dynamodbEndpoint });
    const rawQuery = async () => {
      await documentClient.send(
        new QueryCommand({
          TableName: info.tableName,
          KeyConditionExpression: "PK = :pk",
          ExpressionAttributeValues: { ":pk": keys.dossierCollection(code) },
        }),
      );
    };
    await runLoad(rawQuery, 200, options.concurrency);
    await runLoad(() => lookup(info.apiUrl), 200, options.concurrency);
    const raw = await runLoad(rawQuery, options.lookups, options.concurrency);
    const viaApi = await runLoad(() => lookup(info.apiUrl), options.lookups, options.concurrency);
    lines.push({ name: `raw SDK Query loop (${options.lookups}, ${options.concurrency} in flight)`, value: `${fmt(raw.perSecond, 0)}/s, p50 ${fmt(raw.p50)} ms, p95 ${fmt(raw.p95)} ms` });
    lines.push({ name: `API lookups over HTTP (${options.lookups}, ${options.concurrency} in flight)`, value: `${fmt(viaApi.perSecond, 0)}/s, p50 ${fmt(viaApi.p50)} ms, p95 ${fmt(viaApi.p95)} ms` });
    lines.push({ name: "lookup throughput, API / raw Query", value: fmt(viaApi.perSecond / raw.perSecond, 2), target: "≥ 0.8" });

    // Ingest: writes per applied event.
    const events = ingestBatch(25, 4);
    const body = JSON.stringify({ events });
    meter.reset();
    const response = await fetch(`${meteredApi.url}/v1/ingest/events`, { method: "POST", headers: signedIngestHeaders(info.ingestSecret, body), body });
    const results = ((await response.json()) as { results: { outcome: string }[] }).results;
    const applied = results.filter((r) => r.outcome === "applied").length;
    const transactions = meter.requests().TransactWriteItemsCommand ?? 0;
    lines.push({
      name: `ingest: ${events.length} events of ${events.length / 4} dossiers`,
      value: `${applied} applied, ${fmt(transactions / applied, 2)} TransactWriteItems per event (${fmt((meter.capacity().TransactWriteItemsCommand ?? 0) / applied, 2)} WCU, of which reach ${fmt((2 * meter.reachItems()) / applied, 2)}), ${fmt((meter.requests().QueryCommand ?? 0) / applied, 2)} Query per event`,
      target: "1 TransactWriteItems per event",
    });
    documentClient.destroy();
    return lines;
  } finally {
    await meteredApi.close();
  }
}

async function largestSeededDossier(stack: { info: StackInfo }): Promise<string> {
  const codes = Object.keys(stack.info.receipts);
  if (codes.length === 0) throw new Error("the stack has no seeded dossiers");
  const documentClient = createDocumentClient({ region: stack.info.region, endpoint: stack.info.dynamodbEndpoint });
  let best = { code: codes[0]!, count: 0 };
  for (const code of codes) {
    const result = await documentClient.send(
      new QueryCommand({ TableName: stack.info.tableName, KeyConditionExpression: "PK = :pk", ExpressionAttributeValues: { ":pk": keys.dossierCollection(code) }, Select: "COUNT" }),
    );
    if ((result.Count ?? 0) > best.count) best = { code, count: result.Count ?? 0 };
  }
  documentClient.destroy();
  return best.code;
}

function ingestBatch(dossiers: number, eventsEach: number) {
  const run = Date.now().toString(36).toUpperCase();
  const statuses = [2, 4, 9, 10];
  return Array.from({ length: dossiers }, (_, d) => {
    const code = `BENCH-${run}-${d}`;
    return statuses.slice(0, eventsEach).map((status, i) => {
      const event = { eventId: `${code}-${i}`, status, occurredAt: new Date(Date.UTC(2026, 10, 2, 1 + i)).toISOString() };
      return i === 0
        ? firstIngestEvent(code, { ...event, applicantName: "Người Dùng Thử", dueAt: "2026-11-09T10:00:00.000Z" })
        : { ...event, dossierCode: code };
    });
  }).flat();
}
