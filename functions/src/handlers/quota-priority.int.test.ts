import { afterAll, beforeAll, expect, it } from "vitest";
import { runQuotaPriorityScenario, type QuotaPriorityResult } from "../../test/quota-priority-scenario.js";
import { createTestTable } from "../../test/dynamodb-test-table.js";

// One OA's daily quota of 50 template messages, 30% kept for dossier messages, an announcement to 100 opted-in
// followers and 15 dossiers received while it fans out. The scenario sets the clock of each emulated day. (The
// benchmark `bench:notify --only=daily-quota` runs the same scenario twenty times larger.)
const quota = 50;
const forAnnouncements = 35; // the quota less the 30% reserve
const followers = 100;
const dossierEvents = 15;
let table: Awaited<ReturnType<typeof createTestTable>>;
let result: QuotaPriorityResult;
beforeAll(async () => {
  table = await createTestTable();
  result = await runQuotaPriorityScenario({
    dynamodbEndpoint: table.endpoint,
    tableName: table.tableName,
    dailyQuota: quota,
    reservePercent: 30,
    followers,
    dossierEvents,
  });
}, 600_000);
afterAll(async () => table?.drop());

it("sends every dossier message on the day it happens, inside the day's quota", () => {
  const [first] = result.days;
  expect(first?.dossierMessagesSent).toBe(dossierEvents);
  expect(result.dossierMessagesDelayed).toBe(0);
  expect(first!.announcementsSent + first!.dossierMessagesSent).toBeLessThanOrEqual(quota);
});

it("pauses the announcement at the reserve and resumes it on the next Vietnam day", () => {
  const [first, second] = result.days;
  // Day 1: the announcement stops where 15 would remain; the dossier messages then spend part of those 15.
  expect(first!.announcementsSent).toBeLessThanOrEqual(forAnnouncements);
  expect(first!.announcementsSent).toBeGreaterThanOrEqual(forAnnouncements - dossierEvents); // dossiers sent before the pause count too
  expect(first!.pausedUntil).toBe("2026-11-02T17:00:00.000Z");
  expect(first!.waitingForQuota).toBe(followers - first!.announcementsSent);
  // Day 2 has no dossier traffic: exactly 70% of the quota goes to the announcement, 30% stays unspent.
  expect(second).toMatchObject({ day: "2026-11-03", announcementsSent: forAnnouncements, dossierMessagesSent: 0, pausedUntil: "2026-11-03T17:00:00.000Z" });
});

it("finishes the announcement on a later day with 0 doubled and 0 lost", () => {
  const [first, ...later] = result.days;
  const last = later[later.length - 1]!;
  expect(result.days.reduce((sum, day) => sum + day.announcementsSent, 0)).toBe(followers);
  expect(last).toMatchObject({ pausedUntil: null, waitingForQuota: 0 });
  // At most 35 a day (the reserve stays unspent on days without dossier traffic): every day but the last sends
  // exactly 35, the last the rest.
  expect(result.days).toHaveLength(1 + Math.ceil((followers - first!.announcementsSent) / forAnnouncements));
  for (const day of later.slice(0, -1)) expect(day.announcementsSent).toBe(forAnnouncements);
  expect(result.doubled).toBe(0);
  expect(result.lost).toBe(0);
});
