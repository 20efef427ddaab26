import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { createDocumentClient } from "../../adapters/dynamodb/document-client.js";
import { Table } from "../../adapters/dynamodb/table.js";
import { PowertoolsLogs } from "../../adapters/logging/powertools-logger.js";
import { systemClock } from "../../adapters/system/system-clock.js";
import type { Config } from "../../config/config.js";
import type { Clock } from "../../ports/clock.js";
import type { Logger } from "../../ports/logger.js";

/** Replaceable parts for benchmarks and tests of the whole wiring (an instrumented SDK client, a fixed clock). */
export interface CompositionOverrides {
  dynamoDbClient?: DynamoDBClient;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Outbox items per fan-out page (default and maximum 99). */
  fanoutPageSize?: number;
  /** The notify function's jitter source (tests pin the backoff with it). */
  random?: () => number;
  /** Where the structured logs go (default: Powertools Logger at the configured LOG_LEVEL). */
  log?: Logger;
}

/** What every part is built from: configuration, the process's one table (over its one SDK client), the clock and the logs. */
export interface Base {
  config: Config;
  overrides: CompositionOverrides;
  clock: Clock;
  log: Logger;
  /** Every DynamoDB adapter of the function reads and writes through this one. */
  table: Table;
  /** Spread into the Zalo clients' options: the overriding `fetch`, if any. */
  fetchOverride: { fetch?: typeof fetch };
  /** The parts built so far, by name (see `shared`). */
  built: Map<string, unknown>;
}

export function composeBase(config: Config, overrides: CompositionOverrides = {}): Base {
  return {
    config,
    overrides,
    clock: overrides.clock ?? systemClock,
    log: overrides.log ?? new PowertoolsLogs({ serviceName: "motcua", logLevel: config.logLevel }),
    table: new Table(
      createDocumentClient(
        {
          region: config.region,
          endpoint: config.dynamodbEndpoint,
          requestTimeoutMs: config.dynamodbRequestTimeoutMs,
          maxAttempts: config.dynamodbMaxAttempts,
        },
        overrides.dynamoDbClient,
      ),
      config.tableName,
    ),
    fetchOverride: overrides.fetch ? { fetch: overrides.fetch } : {},
    built: new Map(),
  };
}

/**
 * A part of the wiring, built once per base: every function that asks for it from the same base gets the same
 * instance (a cache shared by two use cases stays one cache), and a function that never asks never builds it.
 * Parts are plain functions, not values built at import time, so a bundle leaves out the parts its function never
 * asks for.
 */
export function shared<T>(base: Base, name: string, build: (base: Base) => T): T {
  if (!base.built.has(name)) base.built.set(name, build(base));
  return base.built.get(name) as T;
}

/** Builds a value the first time it is asked for (an adapter that holds a secret). */
export function onFirstUse<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
