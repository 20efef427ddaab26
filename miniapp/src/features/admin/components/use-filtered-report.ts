import { useEffect } from "react";
import type { ApiClient } from "../../../shared/api/api-client";
import { loadErrorMessage, useApiLoad } from "../../../shared/api/use-api-load";
import { useAgencyNames } from "../agencies/use-agency-names";
import type { ReportQuery } from "../report-query";
import type { StaffProfile } from "../staff-profile";
import { useReportQuery } from "./report-filter";

/**
 * A staff report as its dashboard shows it: the filter and the agency names, the report for the chosen months,
 * why it cannot be shown, and the agencies an answer for every agency named (learned for the filter's choice).
 * `fetchReport` and `agencyCodesOf` must keep their identity between renders (module-level functions).
 */
export function useFilteredReport<Report>(
  profile: StaffProfile,
  fetchReport: (client: ApiClient, query: ReportQuery, signal: AbortSignal) => Promise<Report>,
  agencyCodesOf: (report: Report) => string[],
) {
  const filter = useReportQuery(profile);
  const agencies = useAgencyNames();
  const { query, queryKey, rangeError, learnAgencies } = filter;
  const { state } = useApiLoad((client, signal) => fetchReport(client, query, signal), queryKey);
  const report = state.status === "loaded" ? state.data : null;
  useEffect(() => {
    if (report) learnAgencies(query, agencyCodesOf(report));
  }, [report, query, learnAgencies, agencyCodesOf]);
  return { filter, agencies, report, error: rangeError ?? loadErrorMessage(state), loading: state.status === "loading" && !rangeError };
}
