import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createMemoryRouter } from "react-router-dom";
import { describe, expect, it, vi } from "vitest";
import { ownerDossier } from "../test/dossier-fixtures";
import { createFakePlatform, jsonResponse } from "../test/fake-platform";
import { renderApp, TEST_API_URL } from "../test/render-app";
import { entryTargetOfPage, startAtEntryLink } from "./entry-start";
import { openSession } from "./start-session";
import { AppRoot } from "./app-root";
import { preloadEntryPage } from "./entry-page";
import { routerFuture } from "./router";
import { appRoutesWith } from "./routes";
import { createApiClient } from "../shared/api/api-client";

const code = "000.00.20.H06-190802-0001";
const lookupUrl = `${TEST_API_URL}/v1/dossiers/${code}?k=sig123`;
const lookupsIn = (fetch: { mock: { calls: unknown[][] } }) => fetch.mock.calls.filter(([input]) => String(input).startsWith(`${TEST_API_URL}/v1/dossiers/${code}?`));

/** Starts the app's cold open by `search` the way main.tsx does, with its own fake fetch for the session's early requests. */
async function openColdBy(search: string, earlyFetch: typeof globalThis.fetch, basename = "") {
  const target = entryTargetOfPage(search);
  if (!target) throw new Error(`no entry link in ${search}`);
  await openSession(search, { platform: Promise.resolve(createFakePlatform()), apiUrl: TEST_API_URL, fetch: earlyFetch });
  const replaceState = vi.fn<History["replaceState"]>();
  startAtEntryLink(target, { basename, history: { replaceState } });
  const replacedWith = replaceState.mock.calls[0]?.[2];
  if (typeof replacedWith !== "string") throw new Error("the entry link's URL was not replaced");
  return { replacedWith };
}

describe("a cold open by an entry link", () => {
  it("asks for the dossier at once and replaces the link with the dossier's route; the page then uses that answer", async () => {
    const early = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, ownerDossier));
    const { replacedWith } = await openColdBy(`?token=t&hs=${code}&k=sig123`, early);
    expect(replacedWith).toBe(`/dossiers/${code}?k=sig123`);
    await waitFor(() => expect(early.mock.calls.map(([input]) => String(input))).toEqual([lookupUrl]));

    const later = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(404, { error: { code: "NOT_FOUND", message: "x" } }));
    renderApp(replacedWith, later);
    expect((await screen.findAllByTestId("timeline-item")).length).toBe(3);
    expect(lookupsIn(later)).toEqual([]);
  });

  it("draws the dossier at once when the early answer came before the page: no loading dossier first", async () => {
    const early = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, ownerDossier));
    const { replacedWith } = await openColdBy(`?hs=${code}&k=sig123`, early);
    await waitFor(() => expect(early).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const seenLoading: boolean[] = [];
    const observer = new MutationObserver(() => seenLoading.push(document.querySelector('.dossier[aria-busy="true"]') !== null));
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    const later = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, ownerDossier));
    renderApp(replacedWith, later);
    expect((await screen.findAllByTestId("timeline-item")).length).toBe(3);
    observer.disconnect();
    expect(seenLoading).not.toContain(true);
    expect(lookupsIn(later)).toEqual([]);
  });

  it("with the dossier page loaded and the early answer in, the app's first render is the timeline", async () => {
    const early = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, ownerDossier));
    const { replacedWith } = await openColdBy(`?hs=${code}&k=sig123`, early);
    const loaded = await preloadEntryPage({ kind: "dossier", code, receiptSignature: "sig123" });
    expect(loaded.DossierPage).toBeDefined();
    await waitFor(() => expect(early).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const platform = createFakePlatform();
    const router = createMemoryRouter(appRoutesWith(loaded), { initialEntries: [replacedWith], future: routerFuture });
    const apiClient = createApiClient({ baseUrl: TEST_API_URL, auth: platform, fetch: vi.fn<typeof globalThis.fetch>() });
    act(() => {
      render(<AppRoot platform={platform} apiClient={apiClient} router={router} />);
    });
    expect(screen.getAllByTestId("timeline-item")).toHaveLength(3);
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
  });

  it("shows an early lookup's failure, and 'Thử lại' asks the API again", async () => {
    const early = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(500, { error: { code: "INTERNAL", message: "x" } }));
    const { replacedWith } = await openColdBy(`?hs=${code}&k=sig123`, early);
    const later = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, ownerDossier));
    renderApp(replacedWith, later);

    fireEvent.click(await screen.findByRole("button", { name: "Thử lại" }));
    expect((await screen.findAllByTestId("timeline-item")).length).toBe(3);
    expect(lookupsIn(later).map(([input]) => String(input))).toEqual([lookupUrl]);
  });

  it("does not hand the early answer to another dossier, nor to the same code without its signature", async () => {
    const early = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, ownerDossier));
    await openColdBy(`?hs=${code}&k=sig123`, early);
    const later = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, ownerDossier));
    renderApp(`/dossiers/${code}`, later);
    await screen.findAllByTestId("timeline-item");
    expect(lookupsIn(later).map(([input]) => String(input))).toEqual([]);
    expect(later.mock.calls.map(([input]) => String(input))).toContain(`${TEST_API_URL}/v1/dossiers/${code}`);
  });

  it("uses the early answer once: the same dossier opened again later is asked for again", async () => {
    const early = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, ownerDossier));
    const { replacedWith } = await openColdBy(`?hs=${code}&k=sig123`, early);
    const first = renderApp(replacedWith, vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, ownerDossier)));
    await screen.findAllByTestId("timeline-item");
    first.unmount();

    const later = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, ownerDossier));
    renderApp(replacedWith, later);
    await waitFor(() => expect(lookupsIn(later).map(([input]) => String(input))).toEqual([lookupUrl]));
  });

  it("an announcement link is replaced by its route under the router's basename, and asks for no dossier", async () => {
    const early = vi.fn<typeof globalThis.fetch>();
    const { replacedWith } = await openColdBy("?tb=ann-1", early, "/zapps/123");
    expect(replacedWith).toBe("/zapps/123/announcements/ann-1");
    expect(early).not.toHaveBeenCalled();
  });
});
