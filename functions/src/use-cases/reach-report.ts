import { monthRange } from "../domain/rating-summary.js";
import { buildReachReport, type ReachReport } from "../domain/reach-report.js";
import { canSeeAgency, isAdmin, type StaffMember } from "../domain/staff.js";
import type { ReachRepository, ReachRow } from "../ports/reach-repository.js";

export interface ReachReportRequest {
  /** `YYYY-MM`, inclusive, Vietnam calendar, month of the dossiers' receipt. */
  from: string;
  to: string;
  agencyCode: string | null;
}

export type ReachReportRefusal = { kind: "forbidden" } | { kind: "range_too_long" };

/**
 * The campaign's numbers for staff: an admin of the province sees every desk, an officer only their agencies
 * (asking for another agency is refused). Aggregates only: the counters hold no names, phones or codes.
 */
export function reachReportUseCases(deps: { reach: Pick<ReachRepository, "rows"> }) {
  async function rowsInScope(actor: StaffMember, request: ReachReportRequest): Promise<ReachReportRefusal | { kind: "ok"; months: string[]; rows: ReachRow[] }> {
    if (request.agencyCode !== null && !canSeeAgency(actor, request.agencyCode)) return { kind: "forbidden" };
    const months = monthRange(request.from, request.to);
    if (!months) return { kind: "range_too_long" };
    const rows = await deps.reach.rows(request.from, request.to, request.agencyCode);
    return { kind: "ok", months, rows: rows.filter((row) => canSeeAgency(actor, row.agencyCode)) };
  }

  return {
    async report(actor: StaffMember, request: ReachReportRequest): Promise<ReachReportRefusal | ({ kind: "ok" } & ReachReport)> {
      const scoped = await rowsInScope(actor, request);
      if (scoped.kind !== "ok") return scoped;
      return { kind: "ok", ...buildReachReport(scoped.months, scoped.rows) };
    },
    /** Month × agency rows for the CSV: admins only. */
    async exportRows(actor: StaffMember, request: ReachReportRequest): Promise<ReachReportRefusal | { kind: "ok"; rows: ReachRow[] }> {
      if (!isAdmin(actor)) return { kind: "forbidden" };
      const scoped = await rowsInScope(actor, request);
      return scoped.kind === "ok" ? { kind: "ok", rows: scoped.rows } : scoped;
    },
  };
}

export type ReachReports = ReturnType<typeof reachReportUseCases>;
