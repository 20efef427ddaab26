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
