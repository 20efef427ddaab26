import { minDossiersToRank } from "@motcua/contracts/reach";
import { describe, expect, it } from "vitest";
import { emptyReachCounts, type ReachCounts } from "./reach.js";
import { buildReachReport, wilsonLowerBound } from "./reach-report.js";

const counts = (values: Partial<ReachCounts>): ReachCounts => ({ ...emptyReachCounts(), ...values });

describe("buildReachReport", () => {
  it("lists every month of the range, empty ones with zero counts and no shares", () => {
    const report = buildReachReport(["2026-01", "2026-02"], [{ agencyCode: "A", month: "2026-02", counts: counts({ dossiers: 4, viewed: 1, finished: 2, rated: 1 }) }]);
    expect(report.months[0]).toEqual({ month: "2026-01", counts: emptyReachCounts(), shares: { reachable: null, notified: null, viewed: null, rated: null } });
    expect(report.months[1]!.shares).toEqual({ reachable: 0, notified: 0, viewed: 0.25, rated: 0.5 });
  });

  it(`ranks desks from ${minDossiersToRank} dossiers; a desk of ${minDossiersToRank - 1} is listed unranked, flagged`, () => {
    const report = buildReachReport(
      ["2026-01"],
      [
        { agencyCode: "AT-LIMIT", month: "2026-01", counts: counts({ dossiers: minDossiersToRank, viewed: 20 }) },
        { agencyCode: "JUST-UNDER", month: "2026-01", counts: counts({ dossiers: minDossiersToRank - 1, viewed: 29 }) },
      ],
    );
    expect(report.agencies.map((a) => [a.agencyCode, a.rank, a.fewDossiers])).toEqual([
      ["AT-LIMIT", 1, false],
      ["JUST-UNDER", null, true],
    ]);
  });

  it("does not rank a desk above another on a high share of few dossiers", () => {
    const report = buildReachReport(
      ["2026-01"],
      [
        { agencyCode: "SMALL", month: "2026-01", counts: counts({ dossiers: 31, viewed: 31 }) },
        { agencyCode: "LARGE", month: "2026-01", counts: counts({ dossiers: 3000, viewed: 2900 }) },
        { agencyCode: "WEAK", month: "2026-01", counts: counts({ dossiers: 3000, viewed: 300 }) },
      ],
    );
    expect(report.agencies.map((a) => a.agencyCode)).toEqual(["LARGE", "SMALL", "WEAK"]);
    expect(report.total.counts.dossiers).toBe(6031);
  });

  it("leaves rows outside the range out", () => {
    const report = buildReachReport(["2026-01"], [{ agencyCode: "A", month: "2025-12", counts: counts({ dossiers: 5 }) }]);
    expect(report.total.counts.dossiers).toBe(0);
    expect(report.agencies).toEqual([]);
  });
});

describe("wilsonLowerBound", () => {
  it("is below the observed share, closer to it on more dossiers, and 0 on none", () => {
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(3, 3)).toBeLessThan(0.5);
    expect(wilsonLowerBound(2900, 3000)).toBeGreaterThan(0.95);
    expect(wilsonLowerBound(2900, 3000)).toBeLessThan(2900 / 3000);
  });
});
