import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, testSecrets } from "../../test/test-stack.js";
import { DynamoDbOaTokenStore } from "../adapters/dynamodb/dynamodb-oa-token-store.js";
import { keys } from "../adapters/dynamodb/keys.js";
import { PowertoolsLogs } from "../adapters/logging/powertools-logger.js";
import { randomIds } from "../adapters/system/random-ids.js";
import { systemClock } from "../adapters/system/system-clock.js";
import { ZaloOAuthClient } from "../adapters/zalo/zalo-oauth-client.js";
import { oaAccessTokens } from "./oa-access-tokens.js";

let stack: Awaited<ReturnType<typeof startTestStack>>;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack.stop());

/** One "Lambda instance": its own token cache, sharing the table and Zalo with the others. */
function instance(initialRefreshToken: string | null = testSecrets.oaRefreshToken) {
  let refreshCalls = 0;
  const spent: string[] = [];
  const oauth = new ZaloOAuthClient({ baseUrl: stack.emulator.url, appId: "1234567890", appSecret: testSecrets.appSecret, timeoutMs: 3000 });
  return {
    tokens: oaAccessTokens({
      store: new DynamoDbOaTokenStore(stack.table.table),
      oauth: {
        refresh: (token) => {
          refreshCalls += 1;
          spent.push(token);
          return oauth.refresh(token);
        },
      },
      clock: systemClock,
      ids: randomIds,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      log: new PowertoolsLogs({ serviceName: "motcua", logLevel: "SILENT" }),
      initialRefreshToken,
      refreshBeforeExpiryMs: 60 * 60 * 1000,
      refreshClaimMs: 10_000,
    }),
    refreshCalls: () => refreshCalls,
    spent,
  };
}

describe("OA access token (access pattern: OA token pair, rotated with a conditional write)", () => {
  it("lets one of many concurrent refreshes spend the single-use refresh token; all get the new access token", async () => {
    const instances = Array.from({ length: 6 }, instance);
    const tokens = await Promise.all(instances.map((i) => i.tokens.current()));

    expect(new Set(tokens).size).toBe(1);
    expect(instances.reduce((sum, i) => sum + i.refreshCalls(), 0)).toBe(1);
    const stored = await stack.table.documentClient.send(
      new GetCommand({ TableName: stack.config.tableName, Key: keys.oaToken(), ConsistentRead: true }),
    );
    expect(stored.Item).toMatchObject({ accessToken: tokens[0] });
    expect(stored.Item!["refreshToken"]).not.toBe(testSecrets.oaRefreshToken);
    expect(stored.Item!["refreshingUntil"]).toBeUndefined();
  });

  it("after a token error, concurrent callers refresh once more and share the next pair", async () => {
    const instances = Array.from({ length: 4 }, instance);
    const first = await instances[0]!.tokens.current();
    await fetch(`${stack.emulator.url}/_emulator/oa-tokens/expire`, { method: "POST" });
    const next = await Promise.all(instances.map((i) => i.tokens.afterRejected(first)));

    expect(new Set(next).size).toBe(1);
    expect(next[0]).not.toBe(first);
    expect(instances.reduce((sum, i) => sum + i.refreshCalls(), 0)).toBe(1);
  });
});

describe("OA token store bootstrap (ZALO_OA_INITIAL_REFRESH_TOKEN, an operator secret in AWS)", () => {
  const stored = async () =>
    (await stack.table.documentClient.send(new GetCommand({ TableName: stack.config.tableName, Key: keys.oaToken(), ConsistentRead: true })))
      .Item;

  it("ignores the initial token once the table holds a pair", async () => {
    const before = await stored();
    expect(before).toBeDefined();
    const other = instance("an-initial-token-that-must-not-be-used");
    expect(await other.tokens.current()).toBe(before!["accessToken"]);
    expect(other.spent).toEqual([]);
    expect((await stored())!["refreshToken"]).toBe(before!["refreshToken"]);
  });

  it("with an empty table, spends the initial token (and fails plainly without one)", async () => {
    // The pair Zalo considers current: take its refresh token as if an operator had just put it in the secret.
    const current = String((await stored())!["refreshToken"]);
    const { DeleteCommand } = await import("@aws-sdk/lib-dynamodb");
    await stack.table.documentClient.send(new DeleteCommand({ TableName: stack.config.tableName, Key: keys.oaToken() }));
    await expect(instance(null).tokens.current()).rejects.toThrow(/no initial refresh token configured/);

    const first = instance(current);
    const accessToken = await first.tokens.current();
    expect(first.spent).toEqual([current]);
    expect(await stored()).toMatchObject({ accessToken });
    expect((await stored())!["refreshToken"]).not.toBe(current);
  });
});
