import { useApiLoad } from "../../shared/api/use-api-load";
import { fetchDossier } from "./dossier-api";
import { addRecentLookup } from "./recent-lookups";

/** Loads a dossier, records a successful lookup in the recent list, and offers a retry. */
export function useDossier(code: string, receiptSignature: string | undefined) {
  const { state, reload } = useApiLoad(async (client, signal) => {
    const dossier = await fetchDossier(client, { code, receiptSignature, signal });
    if (!signal.aborted) addRecentLookup({ code: dossier.code, procedureName: dossier.procedure.name });
    return dossier;
  }, `${code}|${receiptSignature ?? ""}`);
  return { state, retry: reload };
}
