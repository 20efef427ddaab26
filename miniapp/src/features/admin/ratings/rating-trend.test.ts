import { describe, expect, it } from "vitest";
import { minRatingsToJudgeMonth, plottedPercent, ratingTrend, ratingTrendCsv } from "./rating-trend";

const month = (name: string, ratings: number, satisfactionRatio: number | null, onTimeRatio: number | null) => ({ month: name, ratings, satisfactionRatio, onTimeRatio });

describe("ratingTrend", () => {
  it("judges a month from the minimum on, not one rating before", () => {
    const trend = ratingTrend({ byMonth: [month("2026-07", 9, 1, 1), month("2026-08", 10, 0.9, 0.8), month("2026-09", 0, null, null)] });
    expect(minRatingsToJudgeMonth).toBe(10);
    expect(trend.map((m) => [m.month, m.ratings, m.enough])).toEqual([
      ["2026-07", 9, false],
      ["2026-08", 10, true],
      ["2026-09", 0, false],
    ]);
  });

  it("plots nothing for a month with too few ratings, however perfect its ratio", () => {
    const [few, enough] = ratingTrend({ byMonth: [month("2026-07", 2, 0, 1), month("2026-08", 40, 0.8575, 0.5)] });
    expect(plottedPercent(few!, "satisfactionRatio")).toBeNull();
    expect(plottedPercent(few!, "onTimeRatio")).toBeNull();
    expect(plottedPercent(enough!, "satisfactionRatio")).toBe(85.8);
    expect(plottedPercent(enough!, "onTimeRatio")).toBe(50);
  });

  it("takes another minimum when given one", () => {
    expect(ratingTrend({ byMonth: [month("2026-07", 3, 1, 1)] }, 3)[0]!.enough).toBe(true);
  });
});

describe("ratingTrendCsv", () => {
  it("keeps each month's count and names the months too few to judge", () => {
    const csv = ratingTrendCsv(ratingTrend({ byMonth: [month("2026-07", 2, 0, 1), month("2026-08", 12, 0.8333333, null)] }), {
      header: ["Tháng", "Số lượt đánh giá", "Tỷ lệ hài lòng", "Tỷ lệ đúng hạn", "Ghi chú"],
      tooFew: "Chưa đủ số lượt để đánh giá",
    });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Tháng,Số lượt đánh giá,Tỷ lệ hài lòng,Tỷ lệ đúng hạn,Ghi chú",
      "2026-07,2,0,1,Chưa đủ số lượt để đánh giá",
      "2026-08,12,0.833,,",
      "",
    ]);
  });
});
