import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestStack } from "../../test/test-stack.js";
import { keys } from "../adapters/dynamodb/keys.js";
import { FixedClock } from "../adapters/in-memory/fixed-clock.js";
import { composeDependencies } from "../composition/compose.js";
import { oaTokenRefreshHandlerFrom } from "../composition/stream-handlers.js";

let stack: Awaited<ReturnType<typeof startTestStack>>;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack.stop());

async function storedPair() {
  const result = await stack.table.documentClient.send(new GetCommand({ TableName: stack.config.tableName, Key: keys.oaToken() }));
  return result.Item as { accessToken: string; refreshToken: string; expiresAt: string };
}

it("the hourly run refreshes the OA token pair only when it is about to expire", async () => {
  const clock = new FixedClock(new Date());
  const run = oaTokenRefreshHandlerFrom(composeDependencies(stack.config, { clock }));

  await run();
  const first = await storedPair();
  expect(first.accessToken).not.toBe("");

  clock.advanceSeconds(3600);
  await run();
  expect((await storedPair()).refreshToken).toBe(first.refreshToken);

  // Within an hour of expiry (the emulator's tokens last 25 h): the single-use refresh token rotates.
  clock.advanceSeconds(23 * 3600 + 60);
  await run();
  const rotated = await storedPair();
  expect(rotated.refreshToken).not.toBe(first.refreshToken);
  expect(rotated.accessToken).not.toBe(first.accessToken);
});

it("a configured refresh window (ZALO_OA_TOKEN_REFRESH_BEFORE_SECONDS) moves the proactive refresh, to the second", async () => {
  const twoHours = { ...stack.config, zalo: { ...stack.config.zalo, oaTokenRefreshBeforeSeconds: 7200 } };
  const before = await storedPair();
  const expiresAt = Date.parse(before.expiresAt);
  // One second outside the two-hour window: nothing rotates (each run is a fresh instance: no cached pair).
  const outside = new FixedClock(new Date(expiresAt - 7200_000 - 1000));
  await oaTokenRefreshHandlerFrom(composeDependencies(twoHours, { clock: outside }))();
  expect((await storedPair()).refreshToken).toBe(before.refreshToken);
  // One second inside it: the default one-hour window would still wait, the configured one refreshes.
  const inside = new FixedClock(new Date(expiresAt - 7200_000 + 1000));
  await oaTokenRefreshHandlerFrom(composeDependencies(stack.config, { clock: inside }))();
  expect((await storedPair()).refreshToken).toBe(before.refreshToken);
  await oaTokenRefreshHandlerFrom(composeDependencies(twoHours, { clock: inside }))();
  expect((await storedPair()).refreshToken).not.toBe(before.refreshToken);
});
