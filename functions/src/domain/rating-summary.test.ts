import { describe, expect, it } from "vitest";
import type { OnTimeCategory } from "./on-time.js";
import type { SatisfactionLevel } from "./rating.js";
import { monthRange, RatingReportBuilder, RatingSummaryBuilder } from "./rating-summary.js";

const r = (
  levels: [SatisfactionLevel, SatisfactionLevel, SatisfactionLevel],
  onTime: OnTimeCategory | null,
  agencyCode = "A",
  procedureCode = "P",
) => ({ attitude: levels[0], result: levels[1], overall: levels[2], onTime, agencyCode, procedureCode });

const RHL = "rat_hai_long" as const;
const HL = "hai_long" as const;
const KHL = "khong_hai_long" as const;

describe("rating summary", () => {
  it("counts levels per criterion", () => {
    const builder = new RatingSummaryBuilder();
    builder.add(r([RHL, HL, HL], "truoc_han"));
    builder.add(r([KHL, HL, RHL], "dung_han"));
    const summary = builder.build();
    expect(summary.ratings).toBe(2);
    expect(summary.levels).toEqual({
      attitude: { rat_hai_long: 1, hai_long: 0, khong_hai_long: 1 },
      result: { rat_hai_long: 0, hai_long: 2, khong_hai_long: 0 },
      overall: { rat_hai_long: 1, hai_long: 1, khong_hai_long: 0 },
    });
  });

  it("computes the national ratio: dossiers less those dissatisfied or late (each counted once), over the dossiers", () => {
    const builder = new RatingSummaryBuilder();
    builder.add(r([RHL, RHL, RHL], "truoc_han")); // satisfied
    builder.add(r([HL, HL, HL], "dung_han")); // satisfied
    builder.add(r([HL, KHL, HL], "dung_han")); // dissatisfied on one criterion
    builder.add(r([RHL, RHL, RHL], "qua_han")); // late though pleased
    builder.add(r([KHL, KHL, KHL], "qua_han")); // both: counted once
    const summary = builder.build();
    expect(summary).toMatchObject({ ratings: 5, dissatisfied: 2, late: 2 });
    expect(summary.satisfactionRatio).toBeCloseTo(2 / 5, 10);
  });

  it("gives on-time shares over the dossiers whose class is known and finished", () => {
    const builder = new RatingSummaryBuilder();
    for (const onTime of ["truoc_han", "truoc_han", "dung_han", "qua_han", "trong_han", null] as const) builder.add(r([HL, HL, HL], onTime));
    const summary = builder.build();
    expect(summary.onTime).toEqual({ truoc_han: 2, dung_han: 1, qua_han: 1, trong_han: 1, unknown: 1 });
    expect(summary.onTimeShares).toEqual({ truoc_han: 0.5, dung_han: 0.25, qua_han: 0.25 });
    expect(summary.onTimeRatio).toBe(0.75);
  });

  it("answers an empty range with zeros and no ratios (not 0 %, not NaN)", () => {
    const summary = new RatingSummaryBuilder().build();
    expect(summary).toMatchObject({ ratings: 0, satisfactionRatio: null, onTimeShares: null, onTimeRatio: null });
    const report = new RatingReportBuilder(["2026-01", "2026-02"]).build();
    expect(report.byMonth.map((m) => [m.month, m.ratings, m.satisfactionRatio])).toEqual([
      ["2026-01", 0, null],
      ["2026-02", 0, null],
    ]);
    expect(report.byAgency).toEqual([]);
  });

  it("breaks a report down by month, agency and procedure, each sorted by key", () => {
    const report = new RatingReportBuilder(["2026-01", "2026-02"]);
    report.add(r([HL, HL, HL], "dung_han", "B", "P2"), "2026-02");
    report.add(r([KHL, HL, HL], "dung_han", "A", "P1"), "2026-01");
    report.add(r([RHL, HL, HL], "qua_han", "A", "P2"), "2026-02");
    const built = report.build();
    expect(built.total.ratings).toBe(3);
    expect(built.byMonth.map((m) => [m.month, m.ratings])).toEqual([["2026-01", 1], ["2026-02", 2]]);
    expect(built.byAgency.map((a) => [a.agencyCode, a.ratings, a.satisfactionRatio])).toEqual([["A", 2, 0], ["B", 1, 1]]);
    expect(built.byProcedure.map((p) => [p.procedureCode, p.ratings])).toEqual([["P1", 1], ["P2", 2]]);
  });
});

describe("month range", () => {
  it("lists months across a year end, inclusive", () => {
    expect(monthRange("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthRange("2026-03", "2026-03")).toEqual(["2026-03"]);
  });

  it("allows 24 months and refuses 25, and a reversed range", () => {
    expect(monthRange("2025-01", "2026-12")).toHaveLength(24);
    expect(monthRange("2025-01", "2027-01")).toBeNull();
    expect(monthRange("2026-02", "2026-01")).toBeNull();
  });
});
