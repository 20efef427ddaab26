import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { DynamoDBClient, ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { findFreePort } from "../net/free-port.js";
import { localCredentials } from "./local-credentials.js";

export interface DynamoDbLocalOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Keep data on disk in this folder (`-dbPath … -sharedDb`); in memory when absent. */
  persistDir?: string;
  startTimeoutMs?: number;
  /** The Java launcher; `java` from PATH when absent. */
  javaCommand?: string;
  /** Receives DynamoDB Local's own output lines; silent when absent. */
  log?: (line: string) => void;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** Settles with a one-line explanation if the process dies on its own (never after `stop()`). */
  lost: Promise<string>;
  stop(): Promise<void>;
}

export class JavaMissingError extends Error {}

export const javaMissingMessage =
  "DynamoDB Local needs Java, and `java` was not found: install a Java runtime (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless) and run again.";

/** The folder of the DynamoDB Local jar shipped inside the npm package amplify-dynamodb-simulator. */
export function dynamoDbLocalFolder(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("amplify-dynamodb-simulator/package.json")), "emulator");
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** A child left behind would keep its port; kill every java child when this process exits, however it exits. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const port = options.port && options.port > 0 ? options.port : await findFreePort();
  const storage = options.persistDir
    ? ["-dbPath", ensureFolder(options.persistDir), "-sharedDb"]
    : ["-inMemory"];
  const args = [
    "-Djava.library.path=./DynamoDBLocal_lib",
    "-jar",
    "DynamoDBLocal.jar",
    ...storage,
    "-disableTelemetry",
    "-port",
    String(port),
  ];
  const child = spawn(options.javaCommand ?? "java", args, { cwd: dynamoDbLocalFolder(), stdio: ["ignore", "pipe", "pipe"] });
  installExitHook();
  running.add(child);

  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split(/\r?\n/)) {
      if (line.trim() === "") continue;
      output.push(line);
      if (output.length > 40) output.shift();
      options.log?.(line);
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const exited = new Promise<Error>((resolveExit) => {
    child.once("error", (error: NodeJS.ErrnoException) => {
      running.delete(child);
      resolveExit(error.code === "ENOENT" ? new JavaMissingError(javaMissingMessage) : error);
    });
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolveExit(
        new Error(
          `DynamoDB Local exited (${signal ?? `code ${code}`}) before it answered on port ${port}:\n${output.join("\n")}`,
        ),
      );
    });
  });

  const endpoint = `http://127.0.0.1:${port}`;
  let stopping = false;
  const stop = () => {
    stopping = true;
    return stopChild(child);
  };
  const lost = new Promise<string>((resolveLost) => {
    child.once("exit", (code, signal) => {
      if (stopping) return;
      const storage = options.persistDir ? `its data is in ${options.persistDir}` : "it kept its data in memory, so that data is gone";
      resolveLost(`DynamoDB Local (port ${port}) stopped on its own (${signal ?? `exit code ${code}`}); ${storage}.`);
    });
  });
  try {
    await Promise.race([
      waitUntilAnswering(endpoint, options.startTimeoutMs ?? 30_000),
      exited.then((error) => Promise.reject(error)),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, lost, stop };
}

function ensureFolder(folder: string): string {
  const absolute = resolve(folder);
  mkdirSync(absolute, { recursive: true });
  return absolute;
}

async function waitUntilAnswering(endpoint: string, timeoutMs: number): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: "local",
    credentials: localCredentials,
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`DynamoDB Local did not answer at ${endpoint} within ${timeoutMs} ms: ${String(error)}`);
        }
        await sleep(150);
      }
    }
  } finally {
    client.destroy();
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    running.delete(child);
    return;
  }
  const exited = new Promise<void>((resolveExit) => child.once("exit", () => resolveExit()));
  child.kill("SIGTERM");
  const killTimer = setTimeout(() => child.kill("SIGKILL"), 3_000);
  await exited;
  clearTimeout(killTimer);
  running.delete(child);
}
