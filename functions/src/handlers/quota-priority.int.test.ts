import { afterAll, beforeAll, expect, it } from "vitest";
import { runQuotaPriorityScenario, type QuotaPriorityResult } from "../../test/quota-priority-scenario.js";
import { createTestTable } from "../../test/dynamodb-test-table.js";

// One OA's daily quota of 1,000 template messages, 30% kept for dossier messages, an announcement to 2,000 opted-in
// followers and 300 dossiers received while it fans out. The scenario sets the clock of each emulated day.
let table: Awaited<ReturnType<typeof createTestTable>>;
let result: QuotaPriorityResult;
beforeAll(async () => {
  table = await createTestTable();
  result = await runQuotaPriorityScenario({
    dynamodbEndpoint: table.endpoint,
    tableName: table.tableName,
    dailyQuota: 1000,
    reservePercent: 30,
    followers: 2000,
    dossierEvents: 300,
  });
}, 600_000);
afterAll(async () => table?.drop());

it("sends every dossier message on the day it happens, inside the day's quota", () => {
  const [first] = result.days;
  expect(first?.dossierMessagesSent).toBe(300);
  expect(result.dossierMessagesDelayed).toBe(0);
  expect(first!.announcementsSent + first!.dossierMessagesSent).toBeLessThanOrEqual(1000);
});

it("pauses the announcement at the reserve and resumes it on the next Vietnam day", () => {
  const [first, second] = result.days;
  // Day 1: the announcement stops where 300 would remain; the dossier messages then spend part of those 300.
  expect(first!.announcementsSent).toBeLessThanOrEqual(700);
  expect(first!.announcementsSent).toBeGreaterThanOrEqual(400);
  expect(first!.pausedUntil).toBe("2026-11-02T17:00:00.000Z");
  expect(first!.waitingForQuota).toBe(2000 - first!.announcementsSent);
  // Day 2 has no dossier traffic: exactly 70% of the quota goes to the announcement, 30% stays unspent.
  expect(second).toMatchObject({ day: "2026-11-03", announcementsSent: 700, dossierMessagesSent: 0, pausedUntil: "2026-11-03T17:00:00.000Z" });
});

it("finishes the announcement on a later day with 0 doubled and 0 lost", () => {
  const [first, ...later] = result.days;
  const last = later[later.length - 1]!;
  expect(result.days.reduce((sum, day) => sum + day.announcementsSent, 0)).toBe(2000);
  expect(last).toMatchObject({ pausedUntil: null, waitingForQuota: 0 });
  // At most 700 a day (the reserve stays unspent on days without dossier traffic): every day but the last sends
  // exactly 700, the last the rest.
  expect(result.days).toHaveLength(1 + Math.ceil((2000 - first!.announcementsSent) / 700));
  for (const day of later.slice(0, -1)) expect(day.announcementsSent).toBe(700);
  expect(result.doubled).toBe(0);
  expect(result.lost).toBe(0);
});
