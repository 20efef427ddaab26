import { useCallback, useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { ratingsCopy } from "../../../copy/admin-ratings";
import { criteria, levels, type RatingSummary } from "./rating-report";
import { plottedPercent, type TrendMonth } from "./rating-trend";

const colours = { satisfaction: "#0b4fa3", onTime: "#1f8a4c", rat_hai_long: "#1f8a4c", hai_long: "#6aa7e8", khong_hai_long: "#c8402f" };

/** One uPlot chart sized to its container (uPlot draws on a canvas; the table beside it carries the numbers). */
function UPlotChart({ build, label }: { build: (width: number) => { options: Omit<uPlot.Options, "width">; data: uPlot.AlignedData }; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const { options, data } = build(element.clientWidth || 300);
    const chart = new uPlot({ ...options, width: element.clientWidth || 300 }, data, element);
    return () => chart.destroy();
  }, [build]);
  return <div ref={container} className="ratings-chart" role="img" aria-label={label} />;
}

const percentAxis: uPlot.Axis = { values: (_u, ticks) => ticks.map((t) => `${t}%`), size: 54, incrs: [20, 25, 50] };

/** The legend in HTML (uPlot's own shows a cursor read-out that means little on a phone). */
function Legend({ items }: { items: { label: string; colour: string; dashed?: boolean }[] }) {
  return (
    <ul className="ratings-legend">
      {items.map((item) => (
        <li key={item.label}>
          <span className={item.dashed ? "ratings-swatch dashed" : "ratings-swatch"} style={{ borderColor: item.colour, background: item.dashed ? "transparent" : item.colour }} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * Satisfaction and on-time ratios per month. A month without ratings, or with too few to judge, is a gap, not a
 * value: the table beside the chart gives each month's count and says which months are too few.
 */
export function TrendChart({ months }: { months: TrendMonth[] }) {
  const build = useCallback(() => {
    const x = months.map((_, i) => i);
    return {
      options: {
        height: 200,
        scales: { x: { time: false }, y: { range: [0, 100] as uPlot.Range.MinMax } },
        axes: [{ values: (_u: uPlot, ticks: number[]) => ticks.map((t) => (Number.isInteger(t) && months[t] ? ratingsCopy.month(months[t]!.month) : "")), size: 28, incrs: [1, 2, 3, 6, 12], space: 40 }, percentAxis],
        series: [
          {},
          { label: ratingsCopy.satisfaction, stroke: colours.satisfaction, width: 2, points: { size: 6 } },
          { label: ratingsCopy.onTime, stroke: colours.onTime, width: 2, dash: [6, 4], points: { size: 6 } },
        ],
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
      },
      data: [x, months.map((m) => plottedPercent(m, "satisfactionRatio")), months.map((m) => plottedPercent(m, "onTimeRatio"))] as uPlot.AlignedData,
    };
  }, [months]);
  return (
    <>
      <UPlotChart build={build} label={ratingsCopy.trend} />
      <Legend
        items={[
          { label: ratingsCopy.satisfaction, colour: colours.satisfaction },
          { label: ratingsCopy.onTime, colour: colours.onTime, dashed: true },
        ]}
      />
    </>
  );
}

/** Shares of each level per criterion, as grouped bars (each level at its own offset beside the criterion). */
export function CriteriaChart({ summary }: { summary: RatingSummary }) {
  const build = useCallback(() => {
    const share = (criterion: (typeof criteria)[number], level: (typeof levels)[number]) =>
      summary.ratings === 0 ? 0 : Math.round((summary.levels[criterion][level] / summary.ratings) * 1000) / 10;
    const offset = 0.28;
    const x = criteria.flatMap((_, c) => levels.map((_, l) => c + (l - 1) * offset));
    const series = levels.map((level, l) => x.map((_, i) => (i % levels.length === l ? share(criteria[Math.floor(i / levels.length)]!, level) : null)));
    return {
      options: {
        height: 200,
        scales: { x: { time: false, range: [-0.5, 2.5] as uPlot.Range.MinMax }, y: { range: [0, 100] as uPlot.Range.MinMax } },
        axes: [
          {
            splits: () => [0, 1, 2],
            values: (_u: uPlot, ticks: number[]) => ticks.map((t) => ratingsCopy.criteriaShort[criteria[t] ?? ""] ?? ""),
            size: 28,
            grid: { show: false },
          },
          percentAxis,
        ],
        series: [
          {},
          ...levels.map((level) => ({
            label: ratingsCopy.levels[level],
            fill: colours[level],
            stroke: colours[level],
            paths: uPlot.paths.bars!({ size: [0.9, 30] }),
            points: { show: false },
          })),
        ],
        legend: { show: false },
        cursor: { show: false },
      },
      data: [x, ...series] as uPlot.AlignedData,
    };
  }, [summary]);
  return (
    <>
      <UPlotChart build={build} label={ratingsCopy.criteria} />
      <Legend items={levels.map((level) => ({ label: ratingsCopy.levels[level]!, colour: colours[level] }))} />
    </>
  );
}
