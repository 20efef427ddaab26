import { useState } from "react";
import type { ApiClient } from "../../shared/api/api-client";
import { useApiClient } from "../../shared/api/api-client-context";
import { asApiError } from "../../shared/api/use-api-load";
import type { ReportQuery } from "./report-query";

/** The CSV export of a staff report: busy while it downloads, and why it failed. */
export function useReportCsv(download: (client: ApiClient, query: ReportQuery) => Promise<void>, query: ReportQuery) {
  const client = useApiClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      await download(client, query);
    } catch (failure) {
      setError(asApiError(failure).message);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}
