import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { localDynamoDbClient } from "./local-dynamodb-client.js";
import { javaMissingMessage, startDynamoDbLocal } from "./start-dynamodb-local.js";
import { ensureTable } from "../table/ensure-table.js";

describe("startDynamoDbLocal", () => {
  it("starts on a free port, answers, and stops", async () => {
    const dynamo = await startDynamoDbLocal({ port: 0 });
    const client = localDynamoDbClient(dynamo.endpoint, "ap-southeast-1");
    try {
      expect(dynamo.port).toBeGreaterThan(0);
      expect(dynamo.endpoint).toBe(`http://127.0.0.1:${dynamo.port}`);
      await expect(client.send(new ListTablesCommand({}))).resolves.toMatchObject({ TableNames: [] });
    } finally {
      await dynamo.stop();
    }
    await expect(client.send(new ListTablesCommand({}))).rejects.toThrow();
    client.destroy();
  });

  it("says so, once, when the process dies on its own, and never after stop()", async () => {
    const killed = await startDynamoDbLocal({ port: 0 });
    const stopped = await startDynamoDbLocal({ port: 0 });
    const pidOf = async (port: number) => {
      const { execFileSync } = await import("node:child_process");
      return Number(execFileSync("pgrep", ["-f", `DynamoDBLocal.jar .*-port ${port}$`], { encoding: "utf8" }).trim().split("\n")[0]);
    };
    process.kill(await pidOf(killed.port), "SIGKILL");
    await expect(killed.lost).resolves.toMatch(/stopped on its own \(SIGKILL\); it kept its data in memory, so that data is gone/);
    await stopped.stop();
    const settled = await Promise.race([stopped.lost.then(() => "lost"), new Promise((resolve) => setTimeout(() => resolve("quiet"), 500))]);
    expect(settled).toBe("quiet");
    await killed.stop();
  });

  it("fails with one line saying how to install Java when there is none", async () => {
    const start = startDynamoDbLocal({ port: 0, javaCommand: "java-not-installed-here" });
    await expect(start).rejects.toThrow(javaMissingMessage);
    expect(javaMissingMessage).not.toContain("\n");
    expect(javaMissingMessage).toContain("apt-get install -y openjdk-17-jre-headless");
  });

  it("keeps tables on disk across restarts with persistDir", async () => {
    const dir = mkdtempSync(join(tmpdir(), "motcua-ddb-"));
    try {
      const first = await startDynamoDbLocal({ port: 0, persistDir: dir });
      const firstClient = localDynamoDbClient(first.endpoint, "ap-southeast-1");
      await ensureTable(firstClient, "kept");
      firstClient.destroy();
      await first.stop();

      const second = await startDynamoDbLocal({ port: 0, persistDir: dir });
      const secondClient = localDynamoDbClient(second.endpoint, "ap-southeast-1");
      try {
        await expect(secondClient.send(new ListTablesCommand({}))).resolves.toMatchObject({ TableNames: ["kept"] });
      } finally {
        secondClient.destroy();
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000); // two start-ups of the JVM, slow on a busy machine
});
