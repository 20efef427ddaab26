import { setTimeout as sleep } from "node:timers/promises";
import { DescribeTableCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type _Record as StreamRecord,
  type Shard,
  type ShardIteratorType,
} from "@aws-sdk/client-dynamodb-streams";
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { localCredentials } from "../dynamodb-local/local-credentials.js";
import { passesEventFilters, type FilterPattern } from "./event-filter.js";
import { toLambdaStreamRecord } from "./to-stream-event.js";

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;

export interface StreamPollerOptions {
  dynamodbEndpoint: string;
  region: string;
  tableName: string;
  handler: StreamHandler;
  /** The event source mapping's filter patterns: records matching none are dropped, as Lambda drops them. */
  filterPatterns?: readonly FilterPattern[];
  /** Read the stream from its oldest record (TRIM_HORIZON) instead of only new ones (LATEST). */
  fromStart?: boolean;
  /** Lambda's BatchSize; at most 100 here, like GetRecords' page. */
  batchSize?: number;
  /** Wait between polls of a shard that had nothing new. */
  idleDelayMs?: number;
  /** Wait before re-delivering a failed batch. */
  retryDelayMs?: number;
  /** Lambda's MaximumRetryAttempts: a batch still failing after this many retries is dropped and logged. */
  maxRetries?: number;
  /** How often the stream's shard list is re-read to pick up new shards. */
  shardRefreshMs?: number;
  log?: (line: string) => void;
}

export interface StreamPoller {
  stop(): Promise<void>;
}

interface ShardReader {
  shardId: string;
  iterator: string | undefined;
  lastSequenceNumber: string | undefined;
  done: boolean;
}

/**
 * Reads the table's stream and calls the handler with real DynamoDBStreamEvent batches, as the Lambda
 * event source mapping does, including partial batch responses (ReportBatchItemFailures). Resolves once
 * it holds an iterator on every shard, so writes made after that are seen even when reading from LATEST.
 */
export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const log = options.log ?? ((line: string) => console.log(line));
  const batchSize = Math.min(Math.max(options.batchSize ?? 100, 1), 100);
  const idleDelayMs = options.idleDelayMs ?? 250;
  const retryDelayMs = options.retryDelayMs ?? 500;
  const maxRetries = options.maxRetries ?? 3;
  const shardRefreshMs = options.shardRefreshMs ?? 5_000;

  const clientConfig = { endpoint: options.dynamodbEndpoint, region: options.region, credentials: localCredentials };
  const dynamodb = new DynamoDBClient(clientConfig);
  const streams = new DynamoDBStreamsClient(clientConfig);
  const abort = new AbortController();
  const readers = new Map<string, ShardReader>();
  let shardClosed = false;

  const table = await dynamodb.send(new DescribeTableCommand({ TableName: options.tableName }));
  dynamodb.destroy();
  const streamArn = table.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);

  async function listShards(): Promise<Shard[]> {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const page = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      shards.push(...(page.StreamDescription?.Shards ?? []));
      exclusiveStartShardId = page.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    return shards;
  }

  async function iteratorFor(
    shardId: string,
    type: ShardIteratorType,
    sequenceNumber?: string,
  ): Promise<string | undefined> {
    const result = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: type,
        SequenceNumber: sequenceNumber,
      }),
    );
    return result.ShardIterator;
  }

  /** At start, open shards are read from LATEST (or TRIM_HORIZON); shards found later are new, so from their start. */
  async function addShards(initial: boolean): Promise<void> {
    for (const shard of await listShards()) {
      const shardId = shard.ShardId;
      if (!shardId || readers.has(shardId)) continue;
      const closed = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
      if (initial && !options.fromStart && closed) {
        readers.set(shardId, { shardId, iterator: undefined, lastSequenceNumber: undefined, done: true });
        continue;
      }
      const type: ShardIteratorType = initial && !options.fromStart ? "LATEST" : "TRIM_HORIZON";
      readers.set(shardId, { shardId, iterator: await iteratorFor(shardId, type), lastSequenceNumber: undefined, done: false });
    }
  }

  /** Delivers records in order; on a partial failure re-delivers from the first failed record, as Lambda does. */
  async function deliver(records: StreamRecord[]): Promise<void> {
    let pending = records
      .map((record) => toLambdaStreamRecord(record, streamArn!, options.region))
      .filter((record) => !options.filterPatterns || passesEventFilters(record, options.filterPatterns));
    for (let attempt = 0; pending.length > 0; attempt++) {
      const failedFrom = await invoke(pending);
      if (failedFrom === undefined) return;
      if (attempt >= maxRetries) {
        log(`[stream] dropping ${pending.length - failedFrom} record(s) after ${maxRetries} retries`);
        return;
      }
      pending = pending.slice(failedFrom);
      if (abort.signal.aborted) return;
      await sleep(retryDelayMs * 2 ** attempt);
    }
  }

  /** Index of the first record to re-deliver, or undefined when the whole batch succeeded. */
  async function invoke(records: DynamoDBRecord[]): Promise<number | undefined> {
    try {
      const response = await options.handler({ Records: records });
      const failures = response?.batchItemFailures ?? [];
      if (failures.length === 0) return undefined;
      const indexes = failures.map((failure) =>
        records.findIndex((record) => record.dynamodb?.SequenceNumber === failure.itemIdentifier),
      );
      // Lambda treats an unknown or empty identifier as a failure of the whole batch.
      if (indexes.some((index) => index === -1)) return 0;
      return Math.min(...indexes);
    } catch (error) {
      log(`[stream] handler failed for a batch of ${records.length}: ${String(error)}`);
      return 0;
    }
  }

  async function pollShard(reader: ShardReader): Promise<boolean> {
    if (reader.done || !reader.iterator) return false;
    let result;
    try {
      result = await streams.send(new GetRecordsCommand({ ShardIterator: reader.iterator, Limit: batchSize }));
    } catch (error) {
      if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) {
        reader.iterator = reader.lastSequenceNumber
          ? await iteratorFor(reader.shardId, "AFTER_SEQUENCE_NUMBER", reader.lastSequenceNumber)
          : await iteratorFor(reader.shardId, "TRIM_HORIZON");
        return false;
      }
      throw error;
    }
    const records = result.Records ?? [];
    if (records.length > 0) {
      await deliver(records);
      reader.lastSequenceNumber = records.at(-1)?.dynamodb?.SequenceNumber ?? reader.lastSequenceNumber;
    }
    reader.iterator = result.NextShardIterator;
    if (!reader.iterator) {
      reader.done = true;
      shardClosed = true;
    }
    return records.length > 0;
  }

  await addShards(true);

  const loop = (async () => {
    let lastRefresh = Date.now();
    while (!abort.signal.aborted) {
      try {
        let busy = false;
        for (const reader of readers.values()) {
          if (abort.signal.aborted) break;
          if (await pollShard(reader)) busy = true;
        }
        if (shardClosed || Date.now() - lastRefresh > shardRefreshMs) {
          shardClosed = false;
          lastRefresh = Date.now();
          await addShards(false);
        }
        if (!busy) await sleep(idleDelayMs, undefined, { signal: abort.signal }).catch(() => undefined);
      } catch (error) {
        if (abort.signal.aborted) break;
        log(`[stream] polling failed, retrying: ${String(error)}`);
        await sleep(1_000, undefined, { signal: abort.signal }).catch(() => undefined);
      }
    }
  })();

  return {
    async stop() {
      abort.abort();
      await loop;
      streams.destroy();
    },
  };
}
