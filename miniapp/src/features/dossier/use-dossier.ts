import { useApiLoad } from "../../shared/api/use-api-load";
import { fetchDossier } from "./dossier-api";
import { arrivedEarlyLookup, dossierLoadKey, takeEarlyLookup } from "./early-lookup";
import { addRecentLookup } from "./recent-lookups";

/**
 * Loads a dossier (the app's early lookup when an entry link already asked for it: drawn at once when its answer is
 * already there), records a successful lookup in the recent list, and offers a retry.
 */
export function useDossier(code: string, receiptSignature: string | undefined) {
  const key = dossierLoadKey(code, receiptSignature);
  const { state, reload } = useApiLoad(async (client, signal) => {
    const early = takeEarlyLookup(key);
    try {
      const dossier = await (early ? early.result : fetchDossier(client, { code, receiptSignature, signal }));
      if (!signal.aborted) addRecentLookup({ code: dossier.code, procedureName: dossier.procedure.name });
      return dossier;
    } finally {
      if (!signal.aborted) early?.release();
    }
  }, key, { initial: arrivedEarlyLookup(key) });
  return { state, retry: reload };
}
