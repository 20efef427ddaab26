import type { ApiClient } from "../../../shared/api/api-client";
import { parseReachReport, type ReachReport } from "./reach-report";

export interface ReachQuery {
  from: string;
  to: string;
  /** Empty: every agency in the member's scope. */
  agency: string;
}

const queryOf = (query: ReachQuery) => ({ from: query.from, to: query.to, agency: query.agency || undefined });

export function fetchReachReport(client: ApiClient, query: ReachQuery, signal?: AbortSignal): Promise<ReachReport> {
  return client.getJson("/v1/admin/reach", { query: queryOf(query), parse: parseReachReport, ...(signal ? { signal } : {}) });
}

/** Fetches the CSV with the staff token (a plain link could not carry it) and saves it through a download link. */
export async function downloadReachCsv(client: ApiClient, query: ReachQuery): Promise<void> {
  const blob = await client.getBlob("/v1/admin/reach.csv", { query: queryOf(query) });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `ket-noi-zalo_${query.from}_${query.to}${query.agency ? `_${query.agency}` : ""}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
