import type { ApiClient } from "../../../shared/api/api-client";
import { downloadReportCsv, reportQueryParams, type ReportQuery } from "../report-query";
import { parseReachReport, type ReachReport } from "./reach-report";

export type ReachQuery = ReportQuery;

export function fetchReachReport(client: ApiClient, query: ReachQuery, signal?: AbortSignal): Promise<ReachReport> {
  return client.getJson("/v1/admin/reach", { query: reportQueryParams(query), parse: parseReachReport, ...(signal ? { signal } : {}) });
}

/** The reach figures of the query as a CSV file, saved by the browser. */
export const downloadReachCsv = (client: ApiClient, query: ReachQuery) => downloadReportCsv(client, "/v1/admin/reach.csv", query, "ket-noi-zalo");
