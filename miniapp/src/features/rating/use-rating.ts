import { useCallback } from "react";
import type { ApiError } from "../../shared/api/api-error";
import { asApiError, useApiLoad } from "../../shared/api/use-api-load";
import { fetchRating, saveRating, type RatingInput } from "./rating-api";

/** The owner's rating of a dossier, and a save that keeps the loaded state in step. */
export function useRating(code: string, receiptSignature: string | undefined) {
  const { state, setData, client } = useApiLoad((c, signal) => fetchRating(c, { code, receiptSignature, signal }), `${code}|${receiptSignature ?? ""}`);

  const save = useCallback(
    async (rating: RatingInput): Promise<{ ok: true } | { ok: false; error: ApiError }> => {
      try {
        const saved = await saveRating(client, { code, receiptSignature, rating });
        setData(() => saved);
        return { ok: true };
      } catch (error) {
        return { ok: false, error: asApiError(error) };
      }
    },
    [client, code, receiptSignature, setData],
  );
  return { load: state, save };
}
