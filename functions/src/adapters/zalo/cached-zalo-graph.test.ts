import { expect, it } from "vitest";
import { FixedClock } from "../in-memory/fixed-clock.js";
import { CachedZaloGraph } from "./cached-zalo-graph.js";

it("asks Zalo once per token within the cache time, and again after it; invalid tokens are not cached", async () => {
  const calls: string[] = [];
  const inner = {
    getUserByAccessToken: async (token: string) => {
      calls.push(token);
      return token === "good" ? { zaloAppUserId: "1", name: "A", zaloOaUserId: null, isFollower: false } : null;
    },
  };
  const clock = new FixedClock(new Date("2026-11-28T00:00:00Z"));
  const cached = new CachedZaloGraph(inner, clock, 300);
  await cached.getUserByAccessToken("good");
  await cached.getUserByAccessToken("good");
  await cached.getUserByAccessToken("bad");
  await cached.getUserByAccessToken("bad");
  expect(calls).toEqual(["good", "bad", "bad"]);
  clock.advanceSeconds(301);
  await cached.getUserByAccessToken("good");
  expect(calls).toEqual(["good", "bad", "bad", "good"]);
});

it("shares one call in flight among concurrent checks of the same token; a failed call is not remembered", async () => {
  const calls: string[] = [];
  let fail = true;
  const inner = {
    getUserByAccessToken: async (token: string) => {
      calls.push(token);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (fail) throw new Error("Zalo is slow");
      return { zaloAppUserId: token, name: "A", zaloOaUserId: null, isFollower: false };
    },
  };
  const cached = new CachedZaloGraph(inner, new FixedClock(new Date("2026-11-28T00:00:00Z")), 300);
  const tokens = Array.from({ length: 400 }, (_, i) => `new-${i % 40}`);
  const failed = await Promise.allSettled(tokens.map((token) => cached.getUserByAccessToken(token)));
  expect(failed.every((result) => result.status === "rejected")).toBe(true);
  expect(calls).toHaveLength(40);
  fail = false;
  const users = await Promise.all(tokens.map((token) => cached.getUserByAccessToken(token)));
  expect(users.map((user) => user?.zaloAppUserId)).toEqual(tokens);
  expect(calls).toHaveLength(80);
});

it("re-checks a staff token after at most the staff cache time (60 s): a revoked token stops working", async () => {
  let revoked = false;
  const inner = { getUserByAccessToken: async () => (revoked ? null : { zaloAppUserId: "9", name: "Cán bộ", zaloOaUserId: null, isFollower: false }) };
  const clock = new FixedClock(new Date("2026-11-28T00:00:00Z"));
  const staffGraph = new CachedZaloGraph(inner, clock, 60);
  expect(await staffGraph.getUserByAccessToken("staff")).not.toBeNull();
  revoked = true;
  clock.advanceSeconds(59);
  expect(await staffGraph.getUserByAccessToken("staff")).not.toBeNull();
  clock.advanceSeconds(1);
  expect(await staffGraph.getUserByAccessToken("staff")).toBeNull();
});
