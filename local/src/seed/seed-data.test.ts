import { describe, expect, it } from "vitest";
import { parseDossierCode } from "@motcua/contracts/dossier-code";
import { buildSeedData, formatVietnamTime } from "./seed-data.js";
import { seedCitizen, seedSecondCitizen } from "./seed-people.js";

// A Wednesday morning, a Monday before office hours, a Sunday evening (Vietnam time).
const nows = ["2026-05-13T03:30:00Z", "2026-05-17T23:10:00Z", "2026-05-17T12:45:00Z"].map((iso) => new Date(iso));

describe.each(nows)("seed data for now = %s", (now) => {
  const data = buildSeedData(now);

  it("has at least 54 dossiers with unique, valid codes, official and legacy", () => {
    expect(data.dossiers.length).toBeGreaterThanOrEqual(54);
    const codes = data.dossiers.map((dossier) => dossier.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(parseDossierCode(code)).toMatchObject({ ok: true, code });
    expect(codes.filter((code) => /^\d{3}\.\d{2}\.\d{2}\.H27-\d{6}-\d{4}$/.test(code)).length).toBeGreaterThan(50);
    expect(codes).toContain("1897C359");
    expect(codes.some((code) => /^\d{5}\/\d{4}\/\d{5}$/.test(code))).toBe(true);
  });

  it("ends dossiers in every one of the 10 statuses", () => {
    const finals = new Set(data.dossiers.map((dossier) => dossier.finalStatus));
    expect([...finals].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("gives the demo citizens their dossiers, including the demo one", () => {
    const citizens = data.dossiers.filter((dossier) => dossier.applicantPhone === seedCitizen.phone);
    expect(citizens.length).toBeGreaterThanOrEqual(5);
    expect(citizens.every((dossier) => dossier.applicantName === "Nguyễn Văn An")).toBe(true);
    expect(citizens.map((dossier) => dossier.code)).toContain(data.demoDossierCode);
    const second = data.dossiers.filter((dossier) => dossier.applicantPhone === seedSecondCitizen.phone);
    expect(second.length).toBeGreaterThanOrEqual(2);
  });

  it("has realistic event sequences in the past: first event with the dossier, times increasing", () => {
    const eventIds = data.events.map((event) => event.eventId);
    expect(new Set(eventIds).size).toBe(eventIds.length);
    for (const eventId of eventIds) expect(eventId).toMatch(/^[A-Za-z0-9._:-]+$/);
    for (const dossier of data.dossiers) {
      expect(dossier.events[0]!.dossier).toBeDefined();
      expect(dossier.events.slice(1).every((event) => event.dossier === undefined)).toBe(true);
      const times = dossier.events.map((event) => Date.parse(event.occurredAt));
      for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]!);
      expect(times.at(-1)!).toBeLessThanOrEqual(now.getTime());
      expect(dossier.events[0]!.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+07:00$/);
      for (const event of dossier.events) {
        const hour = Number(event.occurredAt.slice(11, 13));
        const weekday = new Date(event.occurredAt.slice(0, 10)).getUTCDay();
        if (Date.parse(event.occurredAt) < now.getTime() - 60 * 60_000) {
          expect(hour, event.eventId).toBeGreaterThanOrEqual(7);
          expect(hour, event.eventId).toBeLessThan(17);
          expect([0, 6], event.eventId).not.toContain(weekday);
        }
      }
    }
    const cycle = data.dossiers.find((dossier) => dossier.code === data.demoDossierCode)!;
    expect(cycle.events.map((event) => event.status)).toEqual([2, 4, 5, 4, 9, 10]);
    expect(cycle.events[2]!.note).toBeTruthy();
  });

  it("has late and early finished dossiers, apologies, and late dossiers still open", () => {
    const finishedAt = (statuses: number[]) =>
      data.dossiers.flatMap((dossier) => {
        const finish = dossier.events.find((event) => statuses.includes(event.status));
        return finish ? [{ finish: Date.parse(finish.occurredAt), due: Date.parse(dossier.events[0]!.dossier!.dueAt) }] : [];
      });
    const finished = finishedAt([9]);
    expect(finished.filter(({ finish, due }) => finish > due).length).toBeGreaterThanOrEqual(3);
    expect(finished.filter(({ finish, due }) => finish <= due).length).toBeGreaterThanOrEqual(3);
    const apologies = data.events.filter((event) => event.apology);
    expect(apologies.length).toBeGreaterThanOrEqual(3);
    for (const apology of apologies) expect(apology.apology!.reason.length).toBeGreaterThan(10);
    const openLate = data.dossiers.filter(
      (dossier) => dossier.finalStatus === 4 && Date.parse(dossier.events[0]!.dossier!.dueAt) < now.getTime(),
    );
    expect(openLate.length).toBeGreaterThanOrEqual(2);
  });

  it("is the same for the same now, and the events come oldest first", () => {
    expect(buildSeedData(new Date(now))).toEqual(data);
    const times = data.events.map((event) => Date.parse(event.occurredAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

});

describe("formatVietnamTime", () => {
  it("writes the instant in Vietnam's offset, to the minute", () => {
    expect(formatVietnamTime(new Date("2026-05-12T17:30:45Z"))).toBe("2026-05-13T00:30:00+07:00");
  });
});
