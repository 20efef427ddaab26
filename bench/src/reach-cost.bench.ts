import { GetCommand, PutCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import { createDocumentClient } from "@motcua/functions/adapters/dynamodb/document-client";
import { composeDependencies } from "@motcua/functions/composition/compose";
import { httpHandlersFrom } from "@motcua/functions/composition/http-handlers";
import { loadConfig } from "@motcua/functions/config/config";
import { httpRoutes } from "@motcua/functions/handlers/routes";
import { startApiServer } from "@motcua/local/api-server/start-api-server";
import { signedIngestHeaders } from "@motcua/local/seed/sign-ingest-request";
import type { StackInfo } from "@motcua/local/stack/start-stack";
import { ensureTable } from "@motcua/local/table/ensure-table";
import { keys } from "@motcua/functions/adapters/dynamodb/keys";
import { meteredDynamoDbClient } from "./dynamodb-meter.js";
import { httpGet } from "./http-get.js";
import type { BenchLine } from "./lookup-and-ingest.bench.js";
import { fmt } from "./load.js";

const writeCommands = ["PutItemCommand", "UpdateItemCommand", "DeleteItemCommand", "BatchWriteItemCommand", "TransactWriteItemsCommand"];
const readCommands = ["GetItemCommand", "QueryCommand", "ScanCommand", "BatchGetItemCommand"];

/**
 * What the reach counters cost, on a table of their own in the stack's DynamoDB Local (no stream poller reads it,
 * so every message is sent by this process through the metered client): 40 dossiers through the signed ingest API
 * (a third with a landline), every message delivered to the Zalo emulator, then lookups of each dossier 1–10
 * times (5.5 on average), and the report. The clock is pinned to 10:00 in Vietnam (outside the ZNS quiet hours).
 */
export async function benchReachCost(info: StackInfo, options: { dossiers: number }): Promise<BenchLine[]> {
  const meter = meteredDynamoDbClient(info.dynamodbEndpoint, info.region);
  const tableName = `reach-cost-${Date.now().toString(36)}`;
  await ensureTable(meter.client, tableName);
  // The OA's token pair as the stack holds it: the emulator's refresh token is single-use and the stack spent the first.
  const setup = createDocumentClient({ region: info.region, endpoint: info.dynamodbEndpoint });
  const token = await setup.send(new GetCommand({ TableName: info.tableName, Key: keys.oaToken(), ConsistentRead: true }));
  if (token.Item) await setup.send(new PutCommand({ TableName: tableName, Item: token.Item }));
  setup.destroy();
  const instant = new Date("2026-11-20T03:00:00.000Z");
  const clock = { now: () => new Date(instant) };
  const config = loadConfig({ ...info.env, TABLE_NAME: tableName, ZALO_ZNS_QUIET_HOURS: "22:00-06:00" });
  const deps = composeDependencies(config, { dynamoDbClient: meter.client, clock });
  const api = await startApiServer({ port: 0, host: "127.0.0.1", handlers: httpHandlersFrom(deps), routes: httpRoutes, log: () => {} });
  const sum = (names: string[]) => names.reduce((total, name) => total + (meter.capacity()[name] ?? 0), 0);
  const lines: BenchLine[] = [];
  try {
    const codes = Array.from({ length: options.dossiers }, (_, i) => `000.00.20.H27-261102-${String(7000 + i)}`);
    const events = codes.flatMap((code, i) =>
      [2, 4, 9].map((status, step) => ({
        eventId: `${code}-${step}`,
        dossierCode: code,
        status,
        occurredAt: new Date(Date.UTC(2026, 10, 2, 1 + step)).toISOString(),
        ...(step === 0
          ? {
              dossier: {
                agencyCode: "000.00.20.H27",
                agencyName: "UBND phường Kinh Bắc",
                procedureCode: "1.001193.000.00.00.H27",
                procedureName: "Đăng ký khai sinh",
                applicantName: "Người Dùng Thử",
                applicantPhone: i % 3 === 2 ? "02043854321" : `09${String(20_000_000 + i)}`,
                receivedAt: "2026-11-02T01:00:00.000Z",
                dueAt: "2026-11-09T10:00:00.000Z",
              },
            }
          : {}),
      })),
    );

    meter.reset();
    for (let start = 0; start < events.length; start += 100) {
      const body = JSON.stringify({ events: events.slice(start, start + 100) });
      const response = await fetch(`${api.url}/v1/ingest/events`, { method: "POST", headers: signedIngestHeaders(config.ingestSecrets[0]!, body, clock.now()), body });
      if (response.status !== 200) throw new Error(`ingest answered ${response.status}`);
    }
    lines.push({
      name: `reach cost: ingest, ${events.length} events of ${codes.length} dossiers`,
      value: `${fmt(sum(writeCommands) / events.length, 2)} WCU per event, of which reach ${fmt((2 * meter.reachItems()) / events.length, 2)} (${meter.reachItems()} reach items in the events' own transactions)`,
    });

    const documentClient = createDocumentClient({ region: info.region, endpoint: info.dynamodbEndpoint });
    const outbox = await documentClient.send(
      new ScanCommand({ TableName: tableName, FilterExpression: "#type = :outbox", ExpressionAttributeNames: { "#type": "type" }, ExpressionAttributeValues: { ":outbox": "OutboxItem" } }),
    );
    documentClient.destroy();
    meter.reset();
    const outcomes = new Map<string, number>();
    for (const item of outbox.Items ?? []) {
      const outcome = await deps.deliverNotification(String(item.id));
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    const sent = outcomes.get("sent") ?? 0;
    const reachWcu = meter.capacity().TransactWriteItemsCommand ?? 0;
    lines.push({
      name: `reach cost: notify, ${outbox.Items?.length ?? 0} messages (${[...outcomes].map(([k, v]) => `${v} ${k}`).join(", ")})`,
      value: `${fmt(sum(writeCommands) / Math.max(1, sent + (outcomes.get("undeliverable") ?? 0)), 2)} WCU and ${fmt(sum(readCommands) / Math.max(1, outbox.Items?.length ?? 1), 2)} RCU per message; reach ${fmt(reachWcu / Math.max(1, sent), 2)} WCU per sent message (first message of a dossier on a channel only) + ${fmt((meter.capacity().GetItemCommand ?? 0) / Math.max(1, outbox.Items?.length ?? 1), 2)} RCU of GetItem`,
    });

    const token = info.demoTokens.citizen;
    let lookups = 0;
    meter.reset();
    for (const [i, code] of codes.entries()) {
      for (let n = 0; n <= i % 10; n += 1) {
        const response = await httpGet(`${api.url}/v1/dossiers/${code}`, { authorization: `Bearer ${token}` });
        if (response.status !== 200) throw new Error(`lookup answered ${response.status}: ${response.body}`);
        lookups += 1;
      }
    }
    const lookupReach = meter.capacity().TransactWriteItemsCommand ?? 0;
    lines.push({
      name: `reach cost: ${lookups} lookups of ${codes.length} dossiers (1–10 each, ${fmt(lookups / codes.length, 1)} on average)`,
      value: `${fmt(sum(writeCommands) / lookups, 2)} WCU per lookup (rate-limit windows and reach), of which reach ${fmt(lookupReach / lookups, 3)} (${fmt(lookupReach / codes.length, 1)} WCU per dossier's first view)`,
      target: "reach ≤ 0.1 WCU per lookup over the bench's lookups of one dossier",
    });

    meter.reset();
    const report = await httpGet(`${api.url}/v1/admin/reach?from=2025-12&to=2026-11`, { authorization: `Bearer ${info.demoTokens.admin}` });
    lines.push({
      name: "reach report, 12 months",
      value: report.status === 200 ? `${meter.requests().QueryCommand ?? 0} Query, ${fmt(meter.capacity().QueryCommand ?? 0, 1)} RCU` : `answered ${report.status} (the admin demo token is not this table's admin)`,
    });
    return lines;
  } finally {
    await api.close();
    meter.client.destroy();
  }
}
