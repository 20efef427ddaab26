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
