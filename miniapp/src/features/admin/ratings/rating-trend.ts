import type { RatingSummary } from "./rating-report";

/**
 * The fewest ratings a month needs before its ratios are shown as a judgement. Below 10, one rating moves a
 * month's ratio by 10 points or more, and a single unhappy citizen reads as a collapse (0%) or a lucky month as
 * perfection (100%). The one place to change it.
 */
export const minRatingsToJudgeMonth = 10;

export interface TrendMonth {
  month: string;
  ratings: number;
  /** False when the month has fewer ratings than the minimum: it is not plotted and says so. */
  enough: boolean;
  satisfactionRatio: number | null;
  onTimeRatio: number | null;
}

/** Each month of the report with its number of ratings and whether it has enough of them to be judged. */
export function ratingTrend(
  report: { byMonth: ({ month: string } & Pick<RatingSummary, "ratings" | "satisfactionRatio" | "onTimeRatio">)[] },
  minimum = minRatingsToJudgeMonth): TrendMonth[] {
  return report.byMonth.map(({ month, ratings, satisfactionRatio, onTimeRatio }) => ({ month, ratings, enough: ratings >= minimum, satisfactionRatio, onTimeRatio }));
}

/** A month's ratio as the chart plots it, in percent: nothing (a gap) for a month with too few ratings. */
export function plottedPercent(month: TrendMonth, ratio: "satisfactionRatio" | "onTimeRatio"): number | null {
  const value = month[ratio];
  return month.enough && value !== null ? Math.round(value * 1000) / 10 : null;
}

const csvCell = (value: string) => (/[",\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const csvRatio = (ratio: number | null) => (ratio === null ? "" : String(Math.round(ratio * 1000) / 1000));

/**
 * The months as CSV (UTF-8 with a BOM, for Excel): the count beside each ratio (a fraction, 0.857), and the months
 * below the minimum named as such, so that a chart made from the file does not mislead either.
 */
export function ratingTrendCsv(months: TrendMonth[], labels: { header: readonly string[]; tooFew: string }): string {
  const lines = [labels.header.map(csvCell).join(",")];
  for (const m of months) {
    lines.push([m.month, String(m.ratings), csvRatio(m.satisfactionRatio), csvRatio(m.onTimeRatio), m.enough ? "" : labels.tooFew].map(csvCell).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
