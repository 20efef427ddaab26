import type { OnTimeCategory } from "./on-time.js";
import { needsReason, ratingCriteria, satisfactionLevels, type Rating, type SatisfactionLevel } from "./rating.js";

export type RatingCriterion = (typeof ratingCriteria)[number];
export type LevelCounts = Record<SatisfactionLevel, number>;

/** On-time classes of the rated dossiers; `unknown` for ratings saved before the class was recorded. */
export type OnTimeCounts = Record<OnTimeCategory | "unknown", number>;

export interface RatingSummary {
  /** Rated dossiers (one rating per dossier). */
  ratings: number;
  /** Counts per criterion and level. */
  levels: Record<RatingCriterion, LevelCounts>;
  /** Rated dossiers with a "không hài lòng" on any criterion. */
  dissatisfied: number;
  /** Rated dossiers that were late (quá hạn). */
  late: number;
  /**
   * The national index's ratio (QĐ 766, domain.md §1c) over the rated dossiers:
   * (dossiers − those dissatisfied or late) ÷ dossiers, 0–1; null without ratings.
   */
  satisfactionRatio: number | null;
  onTime: OnTimeCounts;
  /** Shares of the dossiers whose class is finished-and-known (trước hạn + đúng hạn + quá hạn), 0–1; null when none. */
  onTimeShares: { truoc_han: number; dung_han: number; qua_han: number } | null;
  /** (trước hạn + đúng hạn) ÷ those dossiers, 0–1; null when none. */
  onTimeRatio: number | null;
}

export interface RatingReport {
  total: RatingSummary;
  byMonth: ({ month: string } & RatingSummary)[];
  byAgency: ({ agencyCode: string } & RatingSummary)[];
  byProcedure: ({ procedureCode: string } & RatingSummary)[];
}

function emptyLevels(): LevelCounts {
  return Object.fromEntries(satisfactionLevels.map((level) => [level, 0])) as LevelCounts;
}

/** Accumulates ratings one at a time, so a report never holds every rating of a range at once. */
export class RatingSummaryBuilder {
  private count = 0;
  private dissatisfied = 0;
  private late = 0;
  private dissatisfiedOrLate = 0;
  private readonly levels = Object.fromEntries(ratingCriteria.map((criterion) => [criterion, emptyLevels()])) as Record<RatingCriterion, LevelCounts>;
  private readonly onTime: OnTimeCounts = { truoc_han: 0, dung_han: 0, qua_han: 0, trong_han: 0, unknown: 0 };

  add(rating: Pick<Rating, RatingCriterion | "onTime">): void {
    this.count += 1;
    for (const criterion of ratingCriteria) this.levels[criterion][rating[criterion]] += 1;
    const isDissatisfied = needsReason(rating);
    const isLate = rating.onTime === "qua_han";
    if (isDissatisfied) this.dissatisfied += 1;
    if (isLate) this.late += 1;
    if (isDissatisfied || isLate) this.dissatisfiedOrLate += 1;
    this.onTime[rating.onTime ?? "unknown"] += 1;
  }

  build(): RatingSummary {
    const { truoc_han, dung_han, qua_han } = this.onTime;
    const classified = truoc_han + dung_han + qua_han;
    return {
      ratings: this.count,
      levels: structuredClone(this.levels),
      dissatisfied: this.dissatisfied,
      late: this.late,
      satisfactionRatio: this.count === 0 ? null : (this.count - this.dissatisfiedOrLate) / this.count,
      onTime: { ...this.onTime },
      onTimeShares: classified === 0 ? null : { truoc_han: truoc_han / classified, dung_han: dung_han / classified, qua_han: qua_han / classified },
      onTimeRatio: classified === 0 ? null : (truoc_han + dung_han) / classified,
    };
  }
}

type Summarisable = Pick<Rating, RatingCriterion | "onTime" | "agencyCode" | "procedureCode">;

/** The report of a range: the total, and the same summary by month, agency and procedure (each sorted by key). */
export class RatingReportBuilder {
  private readonly total = new RatingSummaryBuilder();
  private readonly months = new Map<string, RatingSummaryBuilder>();
  private readonly agencies = new Map<string, RatingSummaryBuilder>();
  private readonly procedures = new Map<string, RatingSummaryBuilder>();

  /** `months` lists every month of the range, so that a month without ratings still shows (as zero). */
  constructor(months: readonly string[] = []) {
    for (const month of months) this.months.set(month, new RatingSummaryBuilder());
  }

  add(rating: Summarisable, month: string): void {
    this.total.add(rating);
    bucket(this.months, month).add(rating);
    bucket(this.agencies, rating.agencyCode).add(rating);
    bucket(this.procedures, rating.procedureCode).add(rating);
  }

  build(): RatingReport {
    return {
      total: this.total.build(),
      byMonth: sorted(this.months).map(([month, builder]) => ({ month, ...builder.build() })),
      byAgency: sorted(this.agencies).map(([agencyCode, builder]) => ({ agencyCode, ...builder.build() })),
      byProcedure: sorted(this.procedures).map(([procedureCode, builder]) => ({ procedureCode, ...builder.build() })),
    };
  }
}

function bucket(map: Map<string, RatingSummaryBuilder>, key: string): RatingSummaryBuilder {
  let builder = map.get(key);
  if (!builder) {
    builder = new RatingSummaryBuilder();
    map.set(key, builder);
  }
  return builder;
}

function sorted(map: Map<string, RatingSummaryBuilder>): [string, RatingSummaryBuilder][] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export const maxReportMonths = 24;

/** `YYYY-MM` months from `from` to `to` inclusive, or null when the range is reversed or longer than `maxMonths`. */
export function monthRange(from: string, to: string, maxMonths = maxReportMonths): string[] | null {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const start = index(from);
  const end = index(to);
  if (end < start || end - start + 1 > maxMonths) return null;
  return Array.from({ length: end - start + 1 }, (_, i) => {
    const value = start + i;
    return `${String(Math.floor(value / 12)).padStart(4, "0")}-${String((value % 12) + 1).padStart(2, "0")}`;
  });
}
