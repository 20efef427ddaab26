import type { Context } from "aws-lambda";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PowertoolsLogs } from "./powertools-logger.js";

function lambdaContext(requestId: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: "Motcua-prod-Api-NotifyFunction",
    functionVersion: "$LATEST",
    invokedFunctionArn: "arn:aws:lambda:ap-southeast-1:123456789012:function:Motcua-prod-Api-NotifyFunction",
    memoryLimitInMB: "512",
    awsRequestId: requestId,
    logGroupName: "/aws/lambda/Motcua-prod-Api-NotifyFunction",
    logStreamName: "2026/12/07/[$LATEST]abc",
    getRemainingTimeInMillis: () => 60_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Every JSON line Powertools writes to stdout or stderr while `run` runs. */
function linesWrittenBy(run: () => void): Record<string, unknown>[] {
  const written: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, "write").mockImplementation(((chunk: unknown) => {
      written.push(String(chunk));
      return true;
    }) as typeof stream.write);
  }
  try {
    run();
  } finally {
    vi.restoreAllMocks();
  }
  return written.join("").split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as Record<string, unknown>);
}

afterEach(() => vi.restoreAllMocks());

describe("the functions' logs through Powertools Logger", () => {
  it("writes one JSON line per entry with level, message, service and the entry's fields", () => {
    const logs = new PowertoolsLogs({ serviceName: "motcua", logLevel: "INFO" });
    const [line] = linesWrittenBy(() => logs.warn("signature refused", { routeKey: "POST /v1/ingest/events", reason: "stale" }));
    expect(line).toMatchObject({ level: "WARN", message: "signature refused", service: "motcua", routeKey: "POST /v1/ingest/events", reason: "stale" });
  });

  it("adds the function name, request id and cold start of the invocation once it has the Lambda context", () => {
    const logs = new PowertoolsLogs({ serviceName: "motcua", logLevel: "INFO" });
    const lines = linesWrittenBy(() => {
      logs.useLambdaContext(lambdaContext("request-1"));
      logs.info("late dossiers", { marked: 2 });
      logs.useLambdaContext(lambdaContext("request-2"));
      logs.error("outbox delivery failed; the batch will be retried", { outboxId: "o-1" });
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: "INFO", function_name: "Motcua-prod-Api-NotifyFunction", function_request_id: "request-1", marked: 2 });
    expect(lines[1]).toMatchObject({ level: "ERROR", function_request_id: "request-2", outboxId: "o-1", cold_start: false });
    expect(typeof lines[0]!.cold_start).toBe("boolean");
  });

  it("writes nothing below its level, and nothing at all when SILENT", () => {
    const warnOnly = new PowertoolsLogs({ serviceName: "motcua", logLevel: "WARN" });
    expect(linesWrittenBy(() => warnOnly.info("dialect sync", { items: 3 }))).toEqual([]);
    const silent = new PowertoolsLogs({ serviceName: "motcua", logLevel: "SILENT" });
    expect(linesWrittenBy(() => silent.error("route failed"))).toEqual([]);
  });
});
