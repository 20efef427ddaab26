import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import * as z from "zod/mini";
import { onTimeLabels } from "../../domain/on-time.js";
import { maxReportMonths } from "../../domain/rating-summary.js";
import { satisfactionLevelLabels } from "@motcua/contracts/rating";
import type { Rating } from "../../domain/rating.js";
import { staffLimits, type StaffMember } from "../../domain/staff.js";
import { vietnamCalendarDay } from "../../domain/vietnam-time.js";
import {
  maxRatingListPageSize,
  ratingListPageSize,
  type RatingFilter,
  type RatingReports,
  type ScopeRefusal,
} from "../../use-cases/rating-reports.js";
import { adminMessages } from "../admin-messages.js";
import { csvAttachment, csvLine, utf8Bom } from "../http/csv.js";
import { zodIssues } from "../http/json-body.js";
import { errorResponse, json } from "../http/responses.js";
import { ratedDossierView, ratingAnswersView } from "../http/rating-view.js";

export interface RatingReportRouteDeps {
  ratingReports: RatingReports;
  /**
   * Largest CSV body answered. A Lambda behind an HTTP API cannot stream and its response is capped at 6 MB,
   * so an export is built page by page in memory and refused past this size (5 MB leaves room for the envelope).
   */
  ratingsCsvMaxBytes: number;
}

type StaffRoute = (event: APIGatewayProxyEventV2, actor: StaffMember) => Promise<APIGatewayProxyStructuredResultV2>;

const month = () => z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/u, "tháng có dạng YYYY-MM"));
const code = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(staffLimits.agencyCodeLength));

const filterQuery = z.lazy(() => z.strictObject({
  from: month(),
  to: month(),
  agency: z.optional(code()),
  procedure: z.optional(code()),
}));

const listQuery = z.lazy(() =>
  z.extend(filterQuery._zod.innerType, {
    cursor: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,400}$/u))),
    limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(maxRatingListPageSize))),
  }),
);


/** The query string parsed with a route's schema; a repeated parameter or a bad value is a 400. */
export function parseQuery<T extends z.ZodMiniType>(event: APIGatewayProxyEventV2, schema: T): { ok: true; value: z.infer<T> } | { ok: false; response: APIGatewayProxyStructuredResultV2 } {
  const params = new URLSearchParams(event.rawQueryString ?? "");
  const names = [...params.keys()];
  if (new Set(names).size !== names.length) {
    return { ok: false, response: errorResponse(400, "INVALID_QUERY", adminMessages.invalidBody("mỗi tham số chỉ được gửi một lần")) };
  }
  const parsed = schema.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const detail = zodIssues(parsed.error);
    return { ok: false, response: errorResponse(400, "INVALID_QUERY", adminMessages.invalidBody(detail)) };
  }
  return { ok: true, value: parsed.data };
}

function filterOf(query: z.infer<typeof filterQuery>): RatingFilter {
  return { from: query.from, to: query.to, agencyCode: query.agency ?? null, procedureCode: query.procedure ?? null };
}

function refusal(result: ScopeRefusal, forbiddenMessage: string): APIGatewayProxyStructuredResultV2 {
  return result.kind === "forbidden"
    ? errorResponse(403, "FORBIDDEN", forbiddenMessage)
    : errorResponse(400, "RANGE_TOO_LONG", adminMessages.ratingRangeTooLong(maxReportMonths));
}

/** What staff see of one rating: no Zalo user id. */
function ratingRow(rating: Rating) {
  return { ...ratedDossierView(rating), ...ratingAnswersView(rating), onTime: rating.onTime };
}


export const ratingsCsvHeader = [
  "Mã hồ sơ",
  "Mã cơ quan",
  "Mã thủ tục",
  "Thái độ cán bộ",
  "Kết quả giải quyết",
  "Hài lòng chung",
  "Lý do không hài lòng",
  "Góp ý",
  "Tiến độ giải quyết",
  "Đánh giá lúc",
  "Sửa lần cuối lúc",
];

/** `2026-11-20 10:05` in Vietnam time, as staff read it. */
function vietnamDateTime(instant: string): string {
  const local = new Date(Date.parse(instant) + 7 * 3600 * 1000).toISOString();
  return `${vietnamCalendarDay(new Date(instant))} ${local.slice(11, 16)}`;
}

function csvRow(rating: Rating): string {
  return csvLine([
    rating.dossierCode,
    rating.agencyCode,
    rating.procedureCode,
    satisfactionLevelLabels[rating.attitude],
    satisfactionLevelLabels[rating.result],
    satisfactionLevelLabels[rating.overall],
    rating.reason,
    rating.comment,
    rating.onTime ? onTimeLabels[rating.onTime] : "Chưa rõ",
    vietnamDateTime(rating.ratedAt),
    vietnamDateTime(rating.updatedAt),
  ]);
}

function csvFileName(filter: RatingFilter): string {
  const agency = filter.agencyCode ? `_${filter.agencyCode.replace(/[^A-Za-z0-9.-]/gu, "-")}` : "";
  return `danh-gia_${filter.from}_${filter.to}${agency}.csv`;
}

/** The staff's rating reports: the summary for every member in scope, the list and the CSV for admins. */
export function ratingReportRoutes(deps: RatingReportRouteDeps): Record<string, StaffRoute> {
  const { ratingReports } = deps;
  return {
    "GET /v1/admin/ratings/summary": async (event, actor) => {
      const query = parseQuery(event, filterQuery);
      if (!query.ok) return query.response;
      const filter = filterOf(query.value);
      const report = await ratingReports.summarise(actor, filter);
      if (report.kind !== "ok") return refusal(report, adminMessages.agencyOutOfScope);
      const { kind: _kind, ...body } = report;
      return json(200, { from: filter.from, to: filter.to, agencyCode: filter.agencyCode, procedureCode: filter.procedureCode, ...body });
    },
    "GET /v1/admin/ratings": async (event, actor) => {
      const query = parseQuery(event, listQuery);
      if (!query.ok) return query.response;
      const page = await ratingReports.listRatings(actor, filterOf(query.value), query.value.cursor ?? null, query.value.limit ?? ratingListPageSize);
      if (page.kind === "invalid_cursor") return errorResponse(400, "INVALID_CURSOR", adminMessages.invalidCursor);
      if (page.kind !== "ok") return refusal(page, actor.role === "admin" ? adminMessages.agencyOutOfScope : adminMessages.adminOnly);
      return json(200, { ratings: page.ratings.map(ratingRow), nextCursor: page.next });
    },
    "GET /v1/admin/ratings.csv": async (event, actor) => {
      const query = parseQuery(event, filterQuery);
      if (!query.ok) return query.response;
      const filter = filterOf(query.value);
      const exported = await ratingReports.exportRatings(actor, filter);
      if (exported.kind !== "ok") return refusal(exported, actor.role === "admin" ? adminMessages.agencyOutOfScope : adminMessages.adminOnly);
      const parts = [utf8Bom, csvLine(ratingsCsvHeader)];
      let bytes = parts.reduce((sum, part) => sum + Buffer.byteLength(part, "utf8"), 0);
      for await (const rating of exported.ratings) {
        const row = csvRow(rating);
        bytes += Buffer.byteLength(row, "utf8");
        if (bytes > deps.ratingsCsvMaxBytes) {
          return errorResponse(422, "EXPORT_TOO_LARGE", adminMessages.exportTooLarge(deps.ratingsCsvMaxBytes));
        }
        parts.push(row);
      }
      return csvAttachment(csvFileName(filter), parts.join(""));
    },
  };
}
