import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../../shared/api/api-error";
import { useApiClient } from "../../shared/api/api-client-context";
import { fetchRating, saveRating, type RatingInput, type RatingState } from "./rating-api";

export type RatingLoad =
  | { status: "loading" }
  | { status: "loaded"; state: RatingState }
  | { status: "failed"; error: ApiError };

const asApiError = (error: unknown) => (error instanceof ApiError ? error : new ApiError({ kind: "server" }));

/** The owner's rating of a dossier, and a save that keeps the loaded state in step. */
export function useRating(code: string, receiptSignature: string | undefined) {
  const client = useApiClient();
  const [load, setLoad] = useState<RatingLoad>({ status: "loading" });

  useEffect(() => {
    let cancelled = false;
    setLoad({ status: "loading" });
    fetchRating(client, { code, receiptSignature }).then(
      (state) => !cancelled && setLoad({ status: "loaded", state }),
      (error: unknown) => !cancelled && setLoad({ status: "failed", error: asApiError(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, code, receiptSignature]);

  const save = useCallback(
    async (rating: RatingInput): Promise<{ ok: true } | { ok: false; error: ApiError }> => {
      try {
        const state = await saveRating(client, { code, receiptSignature, rating });
        setLoad({ status: "loaded", state });
        return { ok: true };
      } catch (error) {
        return { ok: false, error: asApiError(error) };
      }
    },
    [client, code, receiptSignature],
  );
  return { load, save };
}
