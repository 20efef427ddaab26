import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../../shared/api/api-error";
import { useApiClient } from "../../shared/api/api-client-context";
import { fetchDossier } from "./dossier-api";
import type { DossierView } from "./dossier-view";
import { addRecentLookup } from "./recent-lookups";

export type DossierState =
  | { status: "loading" }
  | { status: "loaded"; dossier: DossierView }
  | { status: "failed"; error: ApiError };

/** Loads a dossier, records a successful lookup in the recent list, and offers a retry. */
export function useDossier(code: string, receiptSignature: string | undefined) {
  const client = useApiClient();
  const [state, setState] = useState<DossierState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    fetchDossier(client, { code, receiptSignature, signal: controller.signal }).then(
      (dossier) => {
        if (controller.signal.aborted) return;
        addRecentLookup({ code: dossier.code, procedureName: dossier.procedure.name });
        setState({ status: "loaded", dossier });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: "failed", error: error instanceof ApiError ? error : new ApiError({ kind: "server" }) });
      },
    );
    return () => controller.abort();
  }, [client, code, receiptSignature, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
