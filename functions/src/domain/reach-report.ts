import { minDossiersToRank, type ReachShares } from "@motcua/contracts/reach";
import { emptyReachCounts, reachCounters, type ReachCell, type ReachCounts } from "./reach.js";

export interface ReachFigures {
  counts: ReachCounts;
  shares: ReachShares;
}

export interface AgencyReach extends ReachFigures {
  agencyCode: string;
  /** 1 for the desk whose citizens follow their dossiers in Zalo most surely; null when it has too few dossiers to rank. */
  rank: number | null;
  fewDossiers: boolean;
}

export interface ReachReport {
  months: ({ month: string } & ReachFigures)[];
  /** Ranked desks first (best first), then the desks with too few dossiers, by number of dossiers. */
  agencies: AgencyReach[];
  total: ReachFigures;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function figures(counts: ReachCounts): ReachFigures {
  return {
    counts,
    shares: {
      reachable: ratio(counts.reachable, counts.dossiers),
      notified: ratio(counts.notified, counts.dossiers),
      viewed: ratio(counts.viewed, counts.dossiers),
      rated: ratio(counts.rated, counts.finished),
    },
  };
}

function addInto(target: ReachCounts, counts: ReachCounts) {
  for (const name of reachCounters) target[name] += counts[name];
}

/**
 * The lower bound of the 95 % Wilson interval of `part / whole`: a share that is high on many dossiers ranks above
 * the same share on few, so a desk with 3 of 3 is not put above one with 2,900 of 3,000.
 */
export function wilsonLowerBound(part: number, whole: number): number {
  if (whole === 0) return 0;
  const z = 1.96;
  const p = part / whole;
  const denominator = 1 + (z * z) / whole;
  const centre = p + (z * z) / (2 * whole);
  const spread = z * Math.sqrt((p * (1 - p)) / whole + (z * z) / (4 * whole * whole));
  return (centre - spread) / denominator;
}

/**
 * Months in order (empty months included), desks ranked by how surely their citizens follow their dossiers in
 * Zalo (the share of dossiers looked up in the Mini App, by its Wilson lower bound), and the totals.
 */
export function buildReachReport(months: readonly string[], rows: readonly (ReachCell & { counts: ReachCounts })[]): ReachReport {
  const byMonth = new Map(months.map((month) => [month, emptyReachCounts()]));
  const byAgency = new Map<string, ReachCounts>();
  const total = emptyReachCounts();
  for (const row of rows) {
    const month = byMonth.get(row.month);
    if (!month) continue;
    addInto(month, row.counts);
    const agency = byAgency.get(row.agencyCode) ?? emptyReachCounts();
    addInto(agency, row.counts);
    byAgency.set(row.agencyCode, agency);
    addInto(total, row.counts);
  }
  const desks = [...byAgency.entries()].map(([agencyCode, counts]) => ({ agencyCode, counts, fewDossiers: counts.dossiers < minDossiersToRank }));
  const ranked = desks
    .filter((desk) => !desk.fewDossiers)
    .sort(
      (a, b) =>
        wilsonLowerBound(b.counts.viewed, b.counts.dossiers) - wilsonLowerBound(a.counts.viewed, a.counts.dossiers) ||
        b.counts.dossiers - a.counts.dossiers ||
        a.agencyCode.localeCompare(b.agencyCode),
    );
  const unranked = desks.filter((desk) => desk.fewDossiers).sort((a, b) => b.counts.dossiers - a.counts.dossiers || a.agencyCode.localeCompare(b.agencyCode));
  return {
    months: [...byMonth.entries()].map(([month, counts]) => ({ month, ...figures(counts) })),
    agencies: [
      ...ranked.map((desk, index) => ({ agencyCode: desk.agencyCode, rank: index + 1, fewDossiers: false, ...figures(desk.counts) })),
      ...unranked.map((desk) => ({ agencyCode: desk.agencyCode, rank: null, fewDossiers: true, ...figures(desk.counts) })),
    ],
    total: figures(total),
  };
}
