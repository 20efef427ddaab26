import * as z from "zod/mini";
import { maxReportMonths } from "../../domain/rating-summary.js";
import type { ReachFigures } from "../../domain/reach-report.js";
import { staffLimits } from "../../domain/staff.js";
import type { ReachReportRefusal, ReachReports } from "../../use-cases/reach-report.js";
import { adminMessages } from "../admin-messages.js";
import { csvAttachment, csvLine, utf8Bom } from "../http/csv.js";
import { errorResponse, json } from "../http/responses.js";
import type { AdminRoute } from "./admin-route.js";
import { parseQuery } from "./rating-report-routes.js";

export interface ReachReportRouteDeps {
  reachReports: ReachReports;
}

const month = () => z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/u, "tháng có dạng YYYY-MM"));
const reachQuery = z.lazy(() => z.strictObject({
  from: month(),
  to: month(),
  agency: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(staffLimits.agencyCodeLength))),
}));

function refusal(result: ReachReportRefusal, forbiddenMessage: string) {
  return result.kind === "forbidden"
    ? errorResponse(403, "FORBIDDEN", forbiddenMessage)
    : errorResponse(400, "RANGE_TOO_LONG", adminMessages.ratingRangeTooLong(maxReportMonths));
}

/** Counts as the API answers them: `notified` with its channels beside it. */
function publicFigures({ counts, shares }: ReachFigures) {
  return {
    dossiers: counts.dossiers,
    reachable: counts.reachable,
    notified: { total: counts.notified, oa: counts.notifiedOa, zns: counts.notifiedZns },
    viewed: counts.viewed,
    finished: counts.finished,
    rated: counts.rated,
    followersGained: counts.followersGained,
    shares,
  };
}

export const reachCsvHeader = [
  "Tháng tiếp nhận",
  "Mã cơ quan",
  "Hồ sơ tiếp nhận",
  "Liên lạc được qua Zalo",
  "Đã nhận tin (mọi kênh)",
  "Đã nhận tin qua OA",
  "Đã nhận tin qua ZNS",
  "Đã tra cứu trên Mini App",
  "Đã giải quyết xong",
  "Đã đánh giá",
  "Người quan tâm OA mới",
];

/** `GET /v1/admin/reach` for every staff member in scope; the CSV for admins. */
export function reachReportRoutes(deps: ReachReportRouteDeps): Record<string, AdminRoute> {
  return {
    "GET /v1/admin/reach": async (event, actor) => {
      const query = parseQuery(event, reachQuery);
      if (!query.ok) return query.response;
      const { from, to, agency } = query.value;
      const report = await deps.reachReports.report(actor, { from, to, agencyCode: agency ?? null });
      if (report.kind !== "ok") return refusal(report, adminMessages.agencyOutOfScope);
      return json(200, {
        from,
        to,
        agencyCode: agency ?? null,
        months: report.months.map((row) => ({ month: row.month, ...publicFigures(row) })),
        agencies: report.agencies.map((row) => ({ agencyCode: row.agencyCode, rank: row.rank, fewDossiers: row.fewDossiers, ...publicFigures(row) })),
        total: publicFigures(report.total),
      });
    },
    "GET /v1/admin/reach.csv": async (event, actor) => {
      const query = parseQuery(event, reachQuery);
      if (!query.ok) return query.response;
      const { from, to, agency } = query.value;
      const exported = await deps.reachReports.exportRows(actor, { from, to, agencyCode: agency ?? null });
      if (exported.kind !== "ok") return refusal(exported, actor.role === "admin" ? adminMessages.agencyOutOfScope : adminMessages.adminOnly);
      const lines = exported.rows.map(({ month: m, agencyCode, counts: c }) =>
        csvLine([m, agencyCode, c.dossiers, c.reachable, c.notified, c.notifiedOa, c.notifiedZns, c.viewed, c.finished, c.rated, c.followersGained]),
      );
      const agencyPart = agency ? `_${agency.replace(/[^A-Za-z0-9.-]/gu, "-")}` : "";
      return csvAttachment(`ket-noi-zalo_${from}_${to}${agencyPart}.csv`, [utf8Bom, csvLine(reachCsvHeader), ...lines].join(""));
    },
  };
}
