import type { ReachShares } from "@motcua/contracts/reach";

/** The answer of `GET /v1/admin/reach`, checked where it enters the app. */
export interface ReachFigures {
  dossiers: number;
  reachable: number;
  notified: { total: number; oa: number; zns: number };
  viewed: number;
  finished: number;
  rated: number;
  followersGained: number;
  shares: ReachShares;
}

export interface ReachReport {
  from: string;
  to: string;
  months: ({ month: string } & ReachFigures)[];
  agencies: ({ agencyCode: string; rank: number | null; fewDossiers: boolean } & ReachFigures)[];
  total: ReachFigures;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

const count = (value: unknown): number => {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new Error("not a count");
  return value;
};
const share = (value: unknown): number | null => {
  if (value === null) return null;
  if (typeof value !== "number" || value < 0 || value > 1) throw new Error("not a share");
  return value;
};

function parseFigures(value: unknown): ReachFigures {
  if (!isObject(value) || !isObject(value.notified) || !isObject(value.shares)) throw new Error("not reach figures");
  return {
    dossiers: count(value.dossiers),
    reachable: count(value.reachable),
    notified: { total: count(value.notified.total), oa: count(value.notified.oa), zns: count(value.notified.zns) },
    viewed: count(value.viewed),
    finished: count(value.finished),
    rated: count(value.rated),
    followersGained: count(value.followersGained),
    shares: { reachable: share(value.shares.reachable), notified: share(value.shares.notified), viewed: share(value.shares.viewed), rated: share(value.shares.rated) },
  };
}

export function parseReachReport(value: unknown): ReachReport {
  if (!isObject(value) || typeof value.from !== "string" || typeof value.to !== "string" || !Array.isArray(value.months) || !Array.isArray(value.agencies)) {
    throw new Error("not a reach report");
  }
  return {
    from: value.from,
    to: value.to,
    months: value.months.map((row: unknown) => {
      if (!isObject(row) || typeof row.month !== "string") throw new Error("not a month row");
      return { month: row.month, ...parseFigures(row) };
    }),
    agencies: value.agencies.map((row: unknown) => {
      if (!isObject(row) || typeof row.agencyCode !== "string" || typeof row.fewDossiers !== "boolean") throw new Error("not an agency row");
      const rank = row.rank === null ? null : count(row.rank);
      return { agencyCode: row.agencyCode, rank, fewDossiers: row.fewDossiers, ...parseFigures(row) };
    }),
    total: parseFigures(value.total),
  };
}
