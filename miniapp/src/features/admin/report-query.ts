import type { ApiClient } from "../../shared/api/api-client";

/** The months and agency a staff report (ratings, reach) is asked for. */
export interface ReportQuery {
  from: string;
  to: string;
  /** Empty: every agency in the member's scope. */
  agency: string;
}

export const reportQueryParams = (query: ReportQuery) => ({ from: query.from, to: query.to, agency: query.agency || undefined });

/** Fetches a report's CSV with the staff token (a plain link could not carry it) and saves it through a download link. */
export async function downloadReportCsv(client: ApiClient, path: string, query: ReportQuery, fileStem: string): Promise<void> {
  const blob = await client.getBlob(path, { query: reportQueryParams(query) });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${fileStem}_${query.from}_${query.to}${query.agency ? `_${query.agency}` : ""}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
