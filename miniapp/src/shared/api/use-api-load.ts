import { useCallback, useEffect, useState } from "react";
import { ApiError } from "./api-error";
import { useApiClient } from "./api-client-context";
import type { ApiClient } from "./api-client";

export type ApiLoad<T> = { status: "loading" } | { status: "loaded"; data: T } | { status: "failed"; error: ApiError };

/** Loads once per `key`, with a reload (after a retry or a change the page made). */
export function useApiLoad<T>(load: (client: ApiClient) => Promise<T>, key: string) {
  const client = useApiClient();
  const [state, setState] = useState<ApiLoad<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    load(client).then(
      (data) => !cancelled && setState({ status: "loaded", data }),
      (error: unknown) => !cancelled && setState({ status: "failed", error: error instanceof ApiError ? error : new ApiError({ kind: "server" }) }),
    );
    return () => {
      cancelled = true;
    };
    // `load` is a new function on every render; `key` says when it means something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload, client };
}
