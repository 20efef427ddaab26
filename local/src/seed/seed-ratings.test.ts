import { describe, expect, it } from "vitest";
import { parseDossierCode } from "@motcua/contracts/dossier-code";
import { needsReason } from "@motcua/functions/domain/rating";
import { vietnamCalendarDay } from "@motcua/functions/domain/vietnam-time";
import { seedAgencies } from "./seed-catalogue.js";
import { buildSeedData } from "./seed-data.js";
import { buildSeedRatingHistory, ratingHistoryMonths } from "./seed-ratings.js";

describe.each(["2026-11-28T09:00:00Z", "2027-01-02T01:00:00Z"].map((iso) => new Date(iso)))("rating history for now = %s", (now) => {
  const history = buildSeedRatingHistory(now);

  it("rates finished dossiers with valid codes of their own, none shared with the other seed dossiers", () => {
    const codes = history.ratings.map((rating) => rating.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(parseDossierCode(code)).toMatchObject({ ok: true, code });
    const others = new Set(buildSeedData(now).dossiers.map((dossier) => dossier.code));
    expect(codes.filter((code) => others.has(code))).toEqual([]);
  });

  it("spreads the ratings over the last months and every agency, rated after the result and before now", () => {
    const months = new Set(history.ratings.map((rating) => vietnamCalendarDay(rating.at).slice(0, 7)));
    expect(months.size).toBe(ratingHistoryMonths);
    expect(months).not.toContain(vietnamCalendarDay(now).slice(0, 7));
    expect(new Set(history.ratings.map((rating) => rating.code.slice(0, 13)))).toEqual(new Set(seedAgencies.map((agency) => agency.code)));
    for (const rating of history.ratings) {
      const finished = history.events.find((event) => event.dossierCode === rating.code && event.status === 9)!;
      expect(rating.at.getTime()).toBeGreaterThan(Date.parse(finished.occurredAt));
      expect(rating.at.getTime()).toBeLessThan(now.getTime());
    }
  });

  it("has satisfied and dissatisfied ratings, each dissatisfied one with a reason", () => {
    const dissatisfied = history.ratings.filter((rating) => needsReason(rating.rating));
    expect(dissatisfied.length).toBeGreaterThan(0);
    expect(dissatisfied.length).toBeLessThan(history.ratings.length / 2);
    for (const rating of dissatisfied) expect(rating.rating.reason).toBeTruthy();
  });
});
