import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "./api-error";
import { useApiClient } from "./api-client-context";
import type { ApiClient } from "./api-client";

/** `refreshError`: a reload of loaded data failed; the data stays on screen (a refresh every few seconds must not blank it). */
export type ApiLoad<T> = { status: "loading" } | { status: "loaded"; data: T; refreshError?: ApiError } | { status: "failed"; error: ApiError };
export type ApiLoadOrIdle<T> = ApiLoad<T> | { status: "idle" };

/** Loads the data for the current key; the signal is aborted when the key changes or the component goes away. */
export type ApiLoader<T> = (client: ApiClient, signal: AbortSignal) => Promise<T>;

export interface ApiLoadHandle<T, S> {
  state: S;
  /** Asks again for the same key: a failure shows "loading" meanwhile; loaded data stays on screen, also when the reload fails. */
  reload: () => void;
  /** Changes the loaded data in place (after an action on the page that the server has already confirmed). */
  setData: (change: (data: T) => T) => void;
  client: ApiClient;
}

/** Any failure as an ApiError, whose message is Vietnamese text fit to show. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError({ kind: "server" });
}

export interface ApiLoadOptions<T> {
  /**
   * Data for the first key that is already at hand (an answer that came before the page was drawn): the first render
   * shows it instead of "loading". The load still runs, as a refresh; when it brings the very same data, nothing is drawn again.
   */
  initial?: T | undefined;
}

/**
 * The Mini App's one way to load data: once per `key` (a new key starts again from "loading", the previous request
 * aborted), with a reload. A `null` key asks nothing yet ("idle").
 */
export function useApiLoad<T>(load: ApiLoader<T>, key: string, options?: ApiLoadOptions<T>): ApiLoadHandle<T, ApiLoad<T>>;
export function useApiLoad<T>(load: ApiLoader<T>, key: string | null, options?: ApiLoadOptions<T>): ApiLoadHandle<T, ApiLoadOrIdle<T>>;
export function useApiLoad<T>(load: ApiLoader<T>, key: string | null, options: ApiLoadOptions<T> = {}): ApiLoadHandle<T, ApiLoadOrIdle<T>> {
  const client = useApiClient();
  const startsLoaded = key !== null && options.initial !== undefined;
  const [state, setState] = useState<ApiLoadOrIdle<T>>(() =>
    key === null ? { status: "idle" } : options.initial !== undefined ? { status: "loaded", data: options.initial } : { status: "loading" },
  );
  const [attempt, setAttempt] = useState(0);
  const loadedKey = useRef<string | null>(startsLoaded ? key : null);

  useEffect(() => {
    if (key === null) {
      loadedKey.current = null;
      setState({ status: "idle" });
      return;
    }
    const sameKey = loadedKey.current === key;
    loadedKey.current = key;
    setState((current) => (sameKey && current.status === "loaded" ? current : { status: "loading" }));
    const controller = new AbortController();
    load(client, controller.signal).then(
      (data) =>
        !controller.signal.aborted &&
        setState((current) => (current.status === "loaded" && current.data === data && !current.refreshError ? current : { status: "loaded", data })),
      (error: unknown) =>
        !controller.signal.aborted &&
        setState((current) => (sameKey && current.status === "loaded" ? { status: "loaded", data: current.data, refreshError: asApiError(error) } : { status: "failed", error: asApiError(error) })),
    );
    return () => controller.abort();
    // `load` is a new function on every render; `key` says when it means something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setData = useCallback((change: (data: T) => T) => setState((current) => (current.status === "loaded" ? { status: "loaded", data: change(current.data) } : current)), []);
  return { state, reload, setData, client };
}

/** What to tell about a load: why it failed, or why its last reload did; null when there is nothing to tell. */
export function loadErrorMessage(state: ApiLoadOrIdle<unknown>): string | null {
  if (state.status === "failed") return state.error.message;
  return state.status === "loaded" && state.refreshError ? state.refreshError.message : null;
}
