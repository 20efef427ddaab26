import { expect, it } from "vitest";
import { newCitizenProfile, type CitizenProfile } from "../../domain/citizen.js";
import type { CitizenRepository } from "../../ports/citizen-repository.js";
import { FixedClock } from "../in-memory/fixed-clock.js";
import { CachedCitizenProfiles } from "./cached-citizen-profiles.js";

function setup() {
  const reads: string[] = [];
  const stored = new Map<string, CitizenProfile>([["known", newCitizenProfile("known", "2026-11-28T00:00:00.000Z")]]);
  const inner: CitizenRepository = {
    get: async (id) => (reads.push(id), stored.get(id) ?? null),
    recordFollowState: async () => "recorded",
    recordVerifiedPhone: async ({ zaloAppUserId, phone }) => {
      stored.set(zaloAppUserId, { ...(stored.get(zaloAppUserId) ?? newCitizenProfile(zaloAppUserId, "x")), verifiedPhone: phone });
    },
    removeVerifiedPhone: async () => null,
    findByVerifiedPhone: async () => [],
    setAnnouncementSubscription: async (id) => newCitizenProfile(id, "x"),
    listAnnouncementSubscribers: async () => ({ zaloAppUserIds: [], next: null }),
    countAnnouncementSubscribers: async () => 0,
  };
  const clock = new FixedClock(new Date("2026-11-28T00:00:00Z"));
  return { reads, clock, cached: new CachedCitizenProfiles(inner, clock, 20) };
}

it("reads a profile once within the cache time and again after it", async () => {
  const { reads, clock, cached } = setup();
  await cached.get("known");
  await cached.get("known");
  await cached.get("unknown");
  await cached.get("unknown");
  expect(reads).toEqual(["known", "unknown"]);
  clock.advanceSeconds(21);
  await cached.get("known");
  expect(reads).toEqual(["known", "unknown", "known"]);
});

it("forgets a profile written through it, so a consent shows at once on this instance", async () => {
  const { cached } = setup();
  expect((await cached.get("known"))?.verifiedPhone).toBeNull();
  await cached.recordVerifiedPhone({ zaloAppUserId: "known", phone: "84912345678", at: "2026-11-28T00:00:01.000Z" });
  expect((await cached.get("known"))?.verifiedPhone).toBe("84912345678");
});
