/** The answers of the staff's rating routes, checked where they enter the app. */
import { ratingCriteria, satisfactionLevels, type RatingCriterion, type SatisfactionLevel } from "@motcua/contracts/rating";

export type Level = SatisfactionLevel;
export type Criterion = RatingCriterion;
export const criteria: readonly Criterion[] = ratingCriteria;
export const levels: readonly Level[] = satisfactionLevels;

export interface RatingSummary {
  ratings: number;
  levels: Record<Criterion, Record<Level, number>>;
  satisfactionRatio: number | null;
  onTimeRatio: number | null;
  onTime: Record<"truoc_han" | "dung_han" | "qua_han" | "trong_han" | "unknown", number>;
}

export interface RatingReport {
  months: string[];
  total: RatingSummary;
  byMonth: ({ month: string } & RatingSummary)[];
  byAgency: ({ agencyCode: string } & RatingSummary)[];
}

export interface RatingRow {
  dossierCode: string;
  agencyCode: string;
  procedureCode: string;
  attitude: Level;
  result: Level;
  overall: Level;
  reason: string | null;
  comment: string | null;
  onTime: string | null;
  ratedAt: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function parseSummary(value: unknown): RatingSummary {
  if (!isObject(value) || typeof value.ratings !== "number" || !isObject(value.levels) || !isObject(value.onTime)) throw new Error("not a summary");
  const ratio = (x: unknown) => (x === null || typeof x === "number" ? x : Number.NaN);
  const satisfactionRatio = ratio(value.satisfactionRatio);
  const onTimeRatio = ratio(value.onTimeRatio);
  if (Number.isNaN(satisfactionRatio) || Number.isNaN(onTimeRatio)) throw new Error("not a ratio");
  return {
    ratings: value.ratings,
    levels: value.levels as RatingSummary["levels"],
    satisfactionRatio,
    onTimeRatio,
    onTime: value.onTime as RatingSummary["onTime"],
  };
}

export function parseRatingReport(body: unknown): RatingReport {
  if (!isObject(body) || !Array.isArray(body.months) || !Array.isArray(body.byMonth) || !Array.isArray(body.byAgency)) throw new Error("not a report");
  return {
    months: body.months.map(String),
    total: parseSummary(body.total),
    byMonth: body.byMonth.map((m: unknown) => ({ month: String((m as { month: unknown }).month), ...parseSummary(m) })),
    byAgency: body.byAgency.map((a: unknown) => ({ agencyCode: String((a as { agencyCode: unknown }).agencyCode), ...parseSummary(a) })),
  };
}

export function parseRatingPage(body: unknown): { ratings: RatingRow[]; nextCursor: string | null } {
  if (!isObject(body) || !Array.isArray(body.ratings)) throw new Error("not a rating page");
  return {
    ratings: body.ratings.map((row: unknown) => {
      if (!isObject(row) || typeof row.dossierCode !== "string") throw new Error("not a rating");
      return row as unknown as RatingRow;
    }),
    nextCursor: typeof body.nextCursor === "string" ? body.nextCursor : null,
  };
}
