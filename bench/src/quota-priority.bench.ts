import { startDynamoDbLocal } from "@motcua/local/dynamodb-local/start-dynamodb-local";
import { localDynamoDbClient } from "@motcua/local/dynamodb-local/local-dynamodb-client";
import { runQuotaPriorityScenario } from "@motcua/local/scenarios/quota-priority";
import { ensureTable } from "@motcua/local/table/ensure-table";
import type { BenchLine } from "./lookup-and-ingest.bench.js";

/** The numbers; `--quick` a tenth of them (same shares). */
export function quotaPriorityOptions(quick: boolean) {
  return quick ? { followers: 200, dossierEvents: 30, dailyQuota: 100, reservePercent: 30 } : { followers: 2000, dossierEvents: 300, dailyQuota: 1000, reservePercent: 30 };
}

/**
 * Dossier messages against an announcement on one day's quota (1,000 template messages, 30% kept for dossier
 * messages, 2,000 followers, 300 dossiers received during the fan-out), on its own DynamoDB Local: the days it
 * takes, what each day sent, and whether any message was doubled or lost.
 */
export async function benchQuotaPriority(options: { followers: number; dossierEvents: number; dailyQuota: number; reservePercent: number }): Promise<BenchLine[]> {
  const dynamo = await startDynamoDbLocal({ port: 0 });
  try {
    const client = localDynamoDbClient(dynamo.endpoint, "ap-southeast-1");
    const tableName = "motcua-bench-quota";
    await ensureTable(client, tableName);
    client.destroy();
    const result = await runQuotaPriorityScenario({ dynamodbEndpoint: dynamo.endpoint, tableName, ...options, log: (line) => console.log(line) });
    const perDay = result.days.map((day, index) => `day ${index + 1}: ${day.announcementsSent} ann. + ${day.dossierMessagesSent} dossier`).join("; ");
    const label = `quota ${options.dailyQuota}/day, reserve ${options.reservePercent}%, ${options.followers} followers + ${options.dossierEvents} dossiers`;
    return [
      { name: `${label}: dossier messages sent the day they happened`, value: `${result.days[0]?.dossierMessagesSent ?? 0} of ${options.dossierEvents} (${result.dossierMessagesDelayed} waited)` },
      { name: `${label}: announcement by emulated day`, value: `${perDay}; ${result.days.length} days` },
      { name: `${label}: doubled / lost`, value: `${result.doubled} / ${result.lost} (run ${(result.elapsedMs / 1000).toFixed(1)} s)`, target: "0 / 0" },
    ];
  } finally {
    await dynamo.stop();
  }
}
