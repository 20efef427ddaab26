import type { ApiClient } from "../../../shared/api/api-client";
import { parseRatingPage, parseRatingReport, type RatingReport, type RatingRow } from "./rating-report";

export interface RatingQuery {
  from: string;
  to: string;
  /** Empty: every agency in the member's scope. */
  agency: string;
}

const queryOf = (query: RatingQuery) => ({ from: query.from, to: query.to, agency: query.agency || undefined });

export function fetchRatingReport(client: ApiClient, query: RatingQuery, signal?: AbortSignal): Promise<RatingReport> {
  return client.getJson("/v1/admin/ratings/summary", { query: queryOf(query), parse: parseRatingReport, ...(signal ? { signal } : {}) });
}

export function fetchRatingPage(client: ApiClient, query: RatingQuery, cursor: string | null, signal?: AbortSignal): Promise<{ ratings: RatingRow[]; nextCursor: string | null }> {
  return client.getJson("/v1/admin/ratings", { query: { ...queryOf(query), cursor: cursor ?? undefined }, ...(signal ? { signal } : {}), parse: parseRatingPage });
}

/** Fetches the CSV with the staff token (a plain link could not carry it) and saves it through a download link. */
export async function downloadRatingsCsv(client: ApiClient, query: RatingQuery): Promise<void> {
  const blob = await client.getBlob("/v1/admin/ratings.csv", { query: queryOf(query) });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `danh-gia_${query.from}_${query.to}${query.agency ? `_${query.agency}` : ""}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
