import { describe, expect, it } from "vitest";
import { InMemoryAnnouncementFanoutRepository } from "../adapters/in-memory/in-memory-announcement-fanout-repository.js";
import { InMemoryCitizenRepository } from "../adapters/in-memory/in-memory-citizen-repository.js";
import { FixedClock, sequentialIds } from "../adapters/in-memory/fixed-clock.js";
import { announcementOutboxId, fanoutStallMs } from "../domain/announcement-fanout.js";
import { bootstrapAdmin, type StaffMember } from "../domain/staff.js";
import type { AnnouncementFanoutRepository } from "../ports/announcement-fanout-repository.js";
import type { AuditEntry } from "../ports/audit-log.js";
import { adminAnnouncementsUseCases, fanOutStepUseCase, nudgeStalledFanoutsUseCase } from "./announcement-fanout.js";

const at = "2026-11-02T03:00:00.000Z";
const admin: StaffMember = bootstrapAdmin("9000", at);
const officer: StaffMember = { ...admin, zaloAppUserId: "9001", role: "officer" };

async function setup(options: { subscribers: number; pageSize: number; others?: boolean }) {
  const clock = new FixedClock(new Date(at));
  const citizens = new InMemoryCitizenRepository();
  const expected: string[] = [];
  for (let i = 0; i < options.subscribers; i += 1) {
    const id = `c${String(i).padStart(4, "0")}`;
    await citizens.recordFollowState({ zaloAppUserId: id, zaloOaUserId: `oa${id}`, isFollower: true, at });
    await citizens.setAnnouncementSubscription(id, true, at);
    expected.push(announcementOutboxId("id-1", id));
  }
  if (options.others) {
    // Opted in but not following; following but not opted in; opted in, then unfollowed.
    await citizens.setAnnouncementSubscription("n-notfollower", true, at);
    await citizens.recordFollowState({ zaloAppUserId: "n-notoptedin", zaloOaUserId: "oa-x", isFollower: true, at });
    await citizens.recordFollowState({ zaloAppUserId: "n-unfollowed", zaloOaUserId: "oa-y", isFollower: true, at });
    await citizens.setAnnouncementSubscription("n-unfollowed", true, at);
    await citizens.recordFollowState({ zaloAppUserId: "n-unfollowed", zaloOaUserId: "oa-y", isFollower: false, at: "2026-11-02T03:00:01.000Z" });
  }
  const repo = new InMemoryAnnouncementFanoutRepository();
  const audit: AuditEntry[] = [];
  const announcements = {
    get: async (id: string) => repo.announcements.get(id) ?? null,
    listNewestFirst: async () => ({ announcements: [...repo.announcements.values()], next: null }),
  };
  const admins = adminAnnouncementsUseCases({
    fanouts: repo,
    announcements,
    audit: { record: async (entry) => void audit.push(entry) },
    clock,
    ids: sequentialIds(),
  });
  const stepWith = (fanouts: AnnouncementFanoutRepository) =>
    fanOutStepUseCase({ fanouts, announcements, citizens, clock, pageSize: options.pageSize });
  return { repo, admins, audit, expected, stepWith, step: stepWith(repo) };
}

const input = { kind: "new_procedure" as const, title: "Thủ tục mới", body: "Nội dung", link: null };

async function runToEnd(step: (id: string) => Promise<string>, id: string) {
  let steps = 0;
  while ((await step(id)) !== "idle") steps += 1;
  return steps;
}

describe("publishing", () => {
  it("writes the announcement, a running job and an audit entry; officers may not", async () => {
    const { repo, admins, audit } = await setup({ subscribers: 0, pageSize: 10 });
    expect(await admins.publish(officer, input)).toEqual({ kind: "forbidden" });
    expect(repo.announcements.size).toBe(0);
    const result = await admins.publish(admin, input);
    expect(result.kind).toBe("published");
    expect(repo.fanouts.get("id-1")).toMatchObject({ state: "running", cursor: null, pages: 0, written: 0 });
    expect(audit).toEqual([{ actorZaloAppUserId: "9000", action: "publish_announcement", subject: "id-1", at }]);
  });
});

describe("fan-out step", () => {
  it("writes one item per opted-in follower in pages, skipping the others, and marks the job done", async () => {
    const { repo, admins, expected, step } = await setup({ subscribers: 23, pageSize: 5, others: true });
    await admins.publish(admin, input);
    const steps = await runToEnd(step, "id-1");
    expect(steps).toBe(5); // 5 + 5 + 5 + 5 + 3
    expect([...repo.outbox.keys()].sort()).toEqual(expected);
    expect(repo.fanouts.get("id-1")).toMatchObject({ state: "done", written: 23, targeted: 23, pages: 5 });
    expect(await step("id-1")).toBe("idle");
  });

  it("a page size that divides the followers ends with an empty page, still done", async () => {
    const { repo, admins, step } = await setup({ subscribers: 10, pageSize: 5 });
    await admins.publish(admin, input);
    await runToEnd(step, "id-1");
    expect(repo.fanouts.get("id-1")).toMatchObject({ state: "done", written: 10 });
  });

  it("resumes after a crash after page k from the cursor: no duplicates, no losses", async () => {
    const { repo, admins, expected, stepWith } = await setup({ subscribers: 23, pageSize: 5 });
    await admins.publish(admin, input);
    let pages = 0;
    const crashing: AnnouncementFanoutRepository = {
      publish: (a, f) => repo.publish(a, f),
      getFanout: (id) => repo.getFanout(id),
      progress: (id) => repo.progress(id),
      nudgeStalled: (before, now, limit) => repo.nudgeStalled(before, now, limit),
      markPaused: (id, until) => repo.markPaused(id, until),
      writePage: async (page) => {
        if (pages === 2) throw new Error("crash before page 3");
        pages += 1;
        return repo.writePage(page);
      },
    };
    const crashingStep = stepWith(crashing);
    await crashingStep("id-1");
    await crashingStep("id-1");
    await expect(crashingStep("id-1")).rejects.toThrow("crash before page 3");
    expect(repo.outbox.size).toBe(10);
    expect(repo.fanouts.get("id-1")).toMatchObject({ state: "running", written: 10, cursor: "c0009" });
    await runToEnd(stepWith(repo), "id-1");
    expect([...repo.outbox.keys()].sort()).toEqual(expected);
    expect(repo.fanouts.get("id-1")).toMatchObject({ state: "done", written: 23 });
  });

  it("two steps that read the same job write the page once; the second is superseded", async () => {
    const { repo, admins, step } = await setup({ subscribers: 7, pageSize: 5 });
    await admins.publish(admin, input);
    const results = await Promise.all([step("id-1"), step("id-1")]);
    expect(results.sort()).toEqual(["superseded", "written"]);
    expect(repo.outbox.size).toBe(5);
    expect(repo.fanouts.get("id-1")).toMatchObject({ pages: 1, written: 5 });
  });

  it("caps the page at 99 items (one transaction holds 100 actions with the cursor)", async () => {
    const { repo, admins, step } = await setup({ subscribers: 120, pageSize: 500 });
    await admins.publish(admin, input);
    await step("id-1");
    expect(repo.outbox.size).toBe(99);
  });

  it("an unknown announcement is idle", async () => {
    const { step } = await setup({ subscribers: 1, pageSize: 5 });
    expect(await step("nope")).toBe("idle");
  });
});

describe("nudging stalled fan-outs (the outbox waker)", () => {
  it("touches a running job not advanced for exactly the stall time only once it is past it, then waits again", async () => {
    const { repo, admins, step } = await setup({ subscribers: 12, pageSize: 5 });
    await admins.publish(admin, input);
    await step("id-1"); // page 1 at `at`; the stream record of this write is lost
    const nudge = nudgeStalledFanoutsUseCase({ fanouts: repo, stallMs: fanoutStallMs });
    const after = (ms: number) => new Date(Date.parse(at) + ms);
    expect(await nudge(after(fanoutStallMs), 10)).toBe(0);
    expect(await nudge(after(fanoutStallMs + 1), 10)).toBe(1);
    expect(repo.nudges.get("id-1")).toBe(1);
    // Nudged but still stuck: not again on the next run, only a whole stall time after the nudge.
    expect(await nudge(after(fanoutStallMs + 60_000), 10)).toBe(0);
    expect(await nudge(after(2 * fanoutStallMs + 2), 10)).toBe(1);
    await runToEnd(step, "id-1");
    expect(repo.fanouts.get("id-1")).toMatchObject({ state: "done", written: 12 });
    expect(await nudge(after(10 * fanoutStallMs), 10)).toBe(0);
  });
});
