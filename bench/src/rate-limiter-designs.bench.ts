import { TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { DynamoDbRateLimiter } from "@motcua/functions/adapters/dynamodb/dynamodb-rate-limiter";
import { createDocumentClient } from "@motcua/functions/adapters/dynamodb/document-client";
import { itemTypes, keys } from "@motcua/functions/adapters/dynamodb/keys";
import { Table } from "@motcua/functions/adapters/dynamodb/table";
import { rateLimitWindowStart, type RateLimitRule } from "@motcua/functions/ports/rate-limiter";
import { localDynamoDbClient } from "@motcua/local/dynamodb-local/local-dynamodb-client";
import { startDynamoDbLocal } from "@motcua/local/dynamodb-local/start-dynamodb-local";
import { ensureTable } from "@motcua/local/table/ensure-table";
import type { BenchLine } from "./lookup-and-ingest.bench.js";
import { fmt, runLoad } from "./load.js";

/**
 * The limiter's DynamoDB work for one successful lookup (one citizen, one address, the windows shared by every
 * request as in the lookup bench), in each design considered, on a DynamoDB Local of its own: requests per
 * lookup and lookups per second with `concurrency` in flight. No query: only what the limiter adds.
 */
export async function benchRateLimiterDesigns(options: { lookups: number; concurrency: number }): Promise<BenchLine[]> {
  const dynamodb = await startDynamoDbLocal({ log: () => {} });
  const client = localDynamoDbClient(dynamodb.endpoint, "ap-southeast-1");
  const tableName = "limiter-designs";
  await ensureTable(client, tableName);
  const documentClient = createDocumentClient({ region: "ap-southeast-1", endpoint: dynamodb.endpoint }, client);
  const limiter = new DynamoDbRateLimiter(new Table(documentClient, tableName));
  const now = new Date("2026-11-28T01:00:00Z");
  const rules = (design: string): RateLimitRule[] => [
    { scope: `${design}-user`, key: "citizen", limitPerWindow: 1e9, failedLimitPerWindow: 1e9 },
    { scope: `${design}-address`, key: "203.0.113.1", limitPerWindow: 1e9, failedLimitPerWindow: 1e9 },
  ];
  const found = async () => "dossier";
  const designs: { name: string; requests: string; lookup: () => Promise<void> }[] = [
    {
      name: "reserve a failure under each rule, release both when found",
      requests: "4 UpdateItem (3 in a row), 4 WCU",
      lookup: async () => {
        await limiter.hit(rules("reserve"), now, { reserveFailure: true });
        await limiter.releaseFailure(rules("reserve"), now);
      },
    },
    {
      name: "both rules in one TransactWriteItems (reserve, release in a second one)",
      requests: "2 TransactWriteItems, 8 WCU",
      lookup: async () => {
        await transact(rules("transact"), 1);
        await transact(rules("transact"), -1);
      },
    },
    {
      name: "both rules in one TransactWriteItems, counted after the query with its outcome",
      requests: "1 TransactWriteItems, 4 WCU",
      lookup: () => transact(rules("transact-after"), 0),
    },
    {
      name: "query first, then one conditional UpdateItem per rule with the outcome (chosen)",
      requests: "2 UpdateItem in a row, 2 WCU",
      lookup: async () => {
        await limiter.attempt(rules("attempt"), now, found, () => false);
      },
    },
  ];

  async function transact(ruleSet: RateLimitRule[], failures: number) {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: ruleSet.map((rule) => ({
          Update: {
            TableName: tableName,
            Key: keys.rateLimitWindow(rule.scope, rule.key, rateLimitWindowStart(now, rule)),
            UpdateExpression: "ADD hits :hit, failures :failure SET expiresAt = if_not_exists(expiresAt, :expiresAt), #type = :type",
            ConditionExpression: "(attribute_not_exists(hits) OR hits < :hitLimit) AND (attribute_not_exists(failures) OR failures < :failedLimit)",
            ExpressionAttributeNames: { "#type": "type" },
            ExpressionAttributeValues: {
              ":hit": failures < 0 ? 0 : 1,
              ":failure": failures,
              ":hitLimit": rule.limitPerWindow,
              ":failedLimit": rule.failedLimitPerWindow,
              ":expiresAt": rateLimitWindowStart(now, rule) + 120,
              ":type": itemTypes.rateLimitWindow,
            },
          },
        })),
      }),
    );
  }

  try {
    const lines: BenchLine[] = [];
    for (const design of designs) {
      await runLoad(design.lookup, 100, options.concurrency);
      const run = await runLoad(design.lookup, options.lookups, options.concurrency);
      lines.push({
        name: `limiter alone: ${design.name}`,
        value: `${fmt(run.perSecond, 0)} lookups/s, p50 ${fmt(run.p50)} ms (${design.requests}; ${options.lookups}, ${options.concurrency} in flight)`,
      });
    }
    return lines;
  } finally {
    documentClient.destroy();
    await dynamodb.stop();
  }
}
