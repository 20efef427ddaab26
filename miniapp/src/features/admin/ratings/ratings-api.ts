import type { ApiClient } from "../../../shared/api/api-client";
import { downloadReportCsv, reportQueryParams, type ReportQuery } from "../report-query";
import { parseRatingPage, parseRatingReport, type RatingReport, type RatingRow } from "./rating-report";

export type RatingQuery = ReportQuery;

export function fetchRatingReport(client: ApiClient, query: RatingQuery, signal?: AbortSignal): Promise<RatingReport> {
  return client.getJson("/v1/admin/ratings/summary", { query: reportQueryParams(query), parse: parseRatingReport, ...(signal ? { signal } : {}) });
}

export function fetchRatingPage(client: ApiClient, query: RatingQuery, cursor: string | null, signal?: AbortSignal): Promise<{ ratings: RatingRow[]; nextCursor: string | null }> {
  return client.getJson("/v1/admin/ratings", { query: { ...reportQueryParams(query), cursor: cursor ?? undefined }, ...(signal ? { signal } : {}), parse: parseRatingPage });
}

/** The ratings of the query as a CSV file, saved by the browser. */
export const downloadRatingsCsv = (client: ApiClient, query: RatingQuery) => downloadReportCsv(client, "/v1/admin/ratings.csv", query, "danh-gia");
