import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { createApiClient } from "./api-client";
import { ApiClientProvider } from "./api-client-context";
import { ApiError } from "./api-error";
import { useApiLoad } from "./use-api-load";
import { useApiPages, type ApiPage } from "./use-api-pages";

const client = createApiClient({
  baseUrl: "http://api.test",
  auth: { getAccessToken: async () => "token", forgetAccessToken: () => undefined },
  fetch: async () => new Response("{}", { status: 500 }),
});
const wrapper = ({ children }: { children: ReactNode }) => <ApiClientProvider client={client}>{children}</ApiClientProvider>;

/** Requests the test answers by hand, in any order, with the signal each was given. */
function requests<T>() {
  const asked: { args: unknown[]; signal: AbortSignal; resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  const load = (...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      asked.push({ args: args.slice(1, -1), signal: args.at(-1) as AbortSignal, resolve, reject });
    });
  return { asked, load };
}

describe("useApiLoad", () => {
  it("loads once per key; a new key starts from loading and the old request is aborted and its answer ignored", async () => {
    const { asked, load } = requests<string>();
    const { result, rerender } = renderHook(({ key }) => useApiLoad((c, signal) => load(c, signal), key), { wrapper, initialProps: { key: "a" } });
    expect(result.current.state).toEqual({ status: "loading" });
    act(() => asked[0]!.resolve("answer a"));
    await waitFor(() => expect(result.current.state).toEqual({ status: "loaded", data: "answer a" }));

    rerender({ key: "b" });
    expect(result.current.state).toEqual({ status: "loading" });
    rerender({ key: "c" });
    expect(asked[1]!.signal.aborted).toBe(true);
    await act(async () => asked[1]!.resolve("answer b, too late"));
    expect(result.current.state).toEqual({ status: "loading" });
    act(() => asked[2]!.resolve("answer c"));
    await waitFor(() => expect(result.current.state).toEqual({ status: "loaded", data: "answer c" }));
    expect(asked).toHaveLength(3);
  });

  it("with data already at hand, the first render shows it; the load still runs, and the same data draws nothing again", async () => {
    const { asked, load } = requests<{ n: number }>();
    const atHand = { n: 1 };
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders += 1;
        return useApiLoad((c, signal) => load(c, signal), "k", { initial: atHand });
      },
      { wrapper },
    );
    expect(result.current.state).toEqual({ status: "loaded", data: atHand });
    expect(asked).toHaveLength(1);
    const rendersBefore = renders;
    await act(async () => asked[0]!.resolve(atHand));
    expect(renders).toBe(rendersBefore);
    expect(result.current.state).toEqual({ status: "loaded", data: atHand });

    act(() => result.current.reload());
    await act(async () => asked[1]!.resolve({ n: 2 }));
    expect(result.current.state).toEqual({ status: "loaded", data: { n: 2 } });
  });

  it("data at hand for the first key is not shown for the next one", async () => {
    const { asked, load } = requests<string>();
    const { result, rerender } = renderHook(({ key }) => useApiLoad((c, signal) => load(c, signal), key, { initial: key === "a" ? "at hand" : undefined }), {
      wrapper,
      initialProps: { key: "a" },
    });
    expect(result.current.state).toEqual({ status: "loaded", data: "at hand" });
    rerender({ key: "b" });
    expect(result.current.state).toEqual({ status: "loading" });
    act(() => asked[1]!.resolve("answer b"));
    await waitFor(() => expect(result.current.state).toEqual({ status: "loaded", data: "answer b" }));
  });

  it("a failure is an ApiError with a Vietnamese message; a retry shows loading, then the answer", async () => {
    const { asked, load } = requests<string>();
    const { result } = renderHook(() => useApiLoad((c, signal) => load(c, signal), "k"), { wrapper });
    act(() => asked[0]!.reject(new Error("socket hang up")));
    await waitFor(() => expect(result.current.state.status).toBe("failed"));
    const failed = result.current.state as { error: ApiError };
    expect(failed.error).toBeInstanceOf(ApiError);
    expect(failed.error.message).toBe("Hệ thống đang bận. Vui lòng thử lại sau ít phút.");

    act(() => result.current.reload());
    expect(result.current.state).toEqual({ status: "loading" });
    act(() => asked[1]!.resolve("second try"));
    await waitFor(() => expect(result.current.state).toEqual({ status: "loaded", data: "second try" }));
  });

  it("a reload of loaded data keeps it on screen until the new answer, and when the reload fails", async () => {
    const { asked, load } = requests<string>();
    const { result } = renderHook(() => useApiLoad((c, signal) => load(c, signal), "k"), { wrapper });
    act(() => asked[0]!.resolve("first"));
    await waitFor(() => expect(result.current.state).toEqual({ status: "loaded", data: "first" }));
    act(() => result.current.reload());
    expect(result.current.state).toEqual({ status: "loaded", data: "first" });
    act(() => asked[1]!.resolve("fresh"));
    await waitFor(() => expect(result.current.state).toEqual({ status: "loaded", data: "fresh" }));

    act(() => result.current.reload());
    act(() => asked[2]!.reject(new ApiError({ kind: "network" })));
    await waitFor(() => expect(result.current.state).toMatchObject({ status: "loaded", data: "fresh", refreshError: { kind: "network" } }));
    act(() => result.current.reload());
    act(() => asked[3]!.resolve("back again"));
    await waitFor(() => expect(result.current.state).toEqual({ status: "loaded", data: "back again" }));
  });

  it("asks nothing while the key is null", async () => {
    const { asked, load } = requests<string>();
    const { result, rerender } = renderHook(({ key }: { key: string | null }) => useApiLoad((c, signal) => load(c, signal), key), {
      wrapper,
      initialProps: { key: null as string | null },
    });
    expect(result.current.state).toEqual({ status: "idle" });
    expect(asked).toHaveLength(0);
    rerender({ key: "now" });
    expect(asked).toHaveLength(1);
  });
});

describe("useApiPages", () => {
  const page = (items: string[], nextCursor: string | null): ApiPage<string> => ({ items, nextCursor });

  it("adds each next page with the cursor the previous one gave, until there is none", async () => {
    const { asked, load } = requests<ApiPage<string>>();
    const { result } = renderHook(() => useApiPages((c, cursor, signal) => load(c, cursor, signal), "list"), { wrapper });
    expect(asked[0]!.args).toEqual([null]);
    act(() => asked[0]!.resolve(page(["1", "2"], "after-2")));
    await waitFor(() => expect(result.current.state).toEqual({ status: "loaded", data: page(["1", "2"], "after-2") }));

    act(() => result.current.loadMore());
    act(() => result.current.loadMore());
    expect(result.current.loadingMore).toBe(true);
    expect(asked.map((request) => request.args)).toEqual([[null], ["after-2"]]);
    act(() => asked[1]!.resolve(page(["3"], null)));
    await waitFor(() => expect(result.current.state).toEqual({ status: "loaded", data: page(["1", "2", "3"], null) }));
    expect(result.current.loadingMore).toBe(false);
    act(() => result.current.loadMore());
    expect(asked).toHaveLength(2);
  });

  it("a next page that fails keeps the pages shown and tells why; asking again works", async () => {
    const { asked, load } = requests<ApiPage<string>>();
    const { result } = renderHook(() => useApiPages((c, cursor, signal) => load(c, cursor, signal), "list"), { wrapper });
    act(() => asked[0]!.resolve(page(["1"], "after-1")));
    await waitFor(() => expect(result.current.state.status).toBe("loaded"));
    act(() => result.current.loadMore());
    act(() => asked[1]!.reject(new ApiError({ kind: "network" })));
    await waitFor(() => expect(result.current.moreError?.kind).toBe("network"));
    expect(result.current.state).toEqual({ status: "loaded", data: page(["1"], "after-1") });
    act(() => result.current.loadMore());
    expect(result.current.moreError).toBeNull();
    act(() => asked[2]!.resolve(page(["2"], null)));
    await waitFor(() => expect(result.current.state).toEqual({ status: "loaded", data: page(["1", "2"], null) }));
  });

  it("a new key drops a next page still on its way: it is aborted and not added to the new list", async () => {
    const { asked, load } = requests<ApiPage<string>>();
    const { result, rerender } = renderHook(({ key }) => useApiPages((c, cursor, signal) => load(c, cursor, signal), key), {
      wrapper,
      initialProps: { key: "failed" },
    });
    act(() => asked[0]!.resolve(page(["f1"], "after-f1")));
    await waitFor(() => expect(result.current.state.status).toBe("loaded"));
    act(() => result.current.loadMore());
    rerender({ key: "sent" });
    expect(asked[1]!.signal.aborted).toBe(true);
    expect(result.current.loadingMore).toBe(false);
    act(() => asked[2]!.resolve(page(["s1"], null)));
    await act(async () => asked[1]!.resolve(page(["f2"], null)));
    await waitFor(() => expect(result.current.state).toEqual({ status: "loaded", data: page(["s1"], null) }));
  });

  it("changes the items shown in place", async () => {
    const { asked, load } = requests<ApiPage<string>>();
    const { result } = renderHook(() => useApiPages((c, cursor, signal) => load(c, cursor, signal), "list"), { wrapper });
    act(() => asked[0]!.resolve(page(["failed"], "next")));
    await waitFor(() => expect(result.current.state.status).toBe("loaded"));
    act(() => result.current.setItems((items) => items.map((item) => `${item} → sent`)));
    expect(result.current.state).toEqual({ status: "loaded", data: page(["failed → sent"], "next") });
  });
});
