import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiClient } from "./api-client";
import type { ApiError } from "./api-error";
import { asApiError, useApiLoad, type ApiLoad, type ApiLoadOrIdle } from "./use-api-load";

export interface ApiPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** Loads one page: the first with a `null` cursor, the next ones with the cursor the previous page gave. */
export type ApiPageLoader<T> = (client: ApiClient, cursor: string | null, signal: AbortSignal) => Promise<ApiPage<T>>;

export interface ApiPagesHandle<T, S> {
  /** "loaded" holds every page so far, in order, and the cursor of the next one (null after the last). */
  state: S;
  /** Adds the next page; a failure leaves the pages shown and is told in `moreError`. */
  loadMore: () => void;
  loadingMore: boolean;
  moreError: ApiError | null;
  /** Starts again from the first page, keeping the list on screen until it arrives. */
  reload: () => void;
  /** Changes the items shown (after an action the server has confirmed). */
  setItems: (change: (items: T[]) => T[]) => void;
  client: ApiClient;
}

/** The paged form of `useApiLoad`: a list loaded a page at a time ("Xem thêm"), for the current `key`. */
export function useApiPages<T>(loadPage: ApiPageLoader<T>, key: string): ApiPagesHandle<T, ApiLoad<ApiPage<T>>>;
export function useApiPages<T>(loadPage: ApiPageLoader<T>, key: string | null): ApiPagesHandle<T, ApiLoadOrIdle<ApiPage<T>>>;
export function useApiPages<T>(loadPage: ApiPageLoader<T>, key: string | null): ApiPagesHandle<T, ApiLoadOrIdle<ApiPage<T>>> {
  const { state, reload: reloadFirst, setData, client } = useApiLoad((c, signal) => loadPage(c, null, signal), key);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const moreRequest = useRef<AbortController | null>(null);

  // A "more" request still on its way when the list starts again belongs to the list that was: drop it.
  const dropMore = useCallback(() => {
    moreRequest.current?.abort();
    moreRequest.current = null;
    setLoadingMore(false);
    setMoreError(null);
  }, []);
  useEffect(() => dropMore, [key, dropMore]);
  const reload = useCallback(() => {
    dropMore();
    reloadFirst();
  }, [dropMore, reloadFirst]);

  const cursor = state.status === "loaded" ? state.data.nextCursor : null;
  const loadMore = useCallback(() => {
    if (!cursor || moreRequest.current) return;
    const controller = new AbortController();
    moreRequest.current = controller;
    setLoadingMore(true);
    setMoreError(null);
    loadPage(client, cursor, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        moreRequest.current = null;
        setData((pages) => ({ items: [...pages.items, ...page.items], nextCursor: page.nextCursor }));
        setLoadingMore(false);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        moreRequest.current = null;
        setMoreError(asApiError(error));
        setLoadingMore(false);
      },
    );
    // `loadPage` is a new function on every render; the cursor and the client say what is asked.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, cursor, setData]);

  const setItems = useCallback((change: (items: T[]) => T[]) => setData((pages) => ({ ...pages, items: change(pages.items) })), [setData]);
  return { state, loadMore, loadingMore, moreError, reload, setItems, client };
}
