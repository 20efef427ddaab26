import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../test/fake-platform";
import { renderApp, TEST_API_URL } from "../test/render-app";

const answeredThread = {
  id: "thread-1",
  type: "hoi_dap",
  text: "Làm lại căn cước công dân bị mất cần mang theo giấy tờ gì?",
  dossierCode: null,
  state: "da_tra_loi",
  createdAt: "2026-11-20T01:00:00.000Z",
  replyDueAt: "2026-12-11T10:00:00.000Z",
  answeredAt: "2026-11-21T02:00:00.000Z",
  lastMessageAt: "2026-11-21T02:00:00.000Z",
  messageCount: 2,
  late: false,
  messages: [
    { id: "m1", author: "citizen", staffName: null, text: "Làm lại căn cước công dân bị mất cần mang theo giấy tờ gì?", at: "2026-11-20T01:00:00.000Z", helpful: null },
    { id: "m2", author: "staff", staffName: "Bộ phận Một cửa", text: "Anh chỉ cần mang tờ khai CC01, không cần giấy tờ khác.", at: "2026-11-21T02:00:00.000Z", helpful: null },
  ],
};

const announcement = {
  id: "ann-1",
  kind: "notice",
  title: "Lịch nghỉ Tết và lịch tiếp nhận hồ sơ",
  body: "Bộ phận Một cửa nghỉ theo lịch nghỉ Tết của cơ quan nhà nước.",
  link: null,
  publishedAt: "2026-11-27T01:00:00.000Z",
};

const notFound = (message: string) => jsonResponse(404, { error: { code: "NOT_FOUND", message } });

/** The API as the citizen sees it: his thread, one announcement; anything else (another's thread) 404. */
function api() {
  return vi.fn<typeof globalThis.fetch>(async (input) => {
    const url = String(input);
    if (url === `${TEST_API_URL}/v1/feedback/thread-1`) return jsonResponse(200, answeredThread);
    if (url === `${TEST_API_URL}/v1/announcements/ann-1`) return jsonResponse(200, announcement);
    if (url.startsWith(`${TEST_API_URL}/v1/feedback/`)) return notFound("Không tìm thấy câu hỏi.");
    if (url.startsWith(`${TEST_API_URL}/v1/announcements/`)) return notFound("Không tìm thấy thông báo.");
    return notFound("Không tìm thấy.");
  });
}

const requested = (fetch: ReturnType<typeof api>) => fetch.mock.calls.map(([input]) => String(input).replace(TEST_API_URL, ""));

describe("entry links: the app opens the page the Zalo message links to", () => {
  it("?pakn=<thread> opens the citizen's thread with the staff answer, replacing the home page", async () => {
    const fetch = api();
    const { router } = renderApp("/?pakn=thread-1", fetch);

    expect((await screen.findByText("Anh chỉ cần mang tờ khai CC01, không cần giấy tờ khác.")).closest("li")?.textContent).toMatch(/^Bộ phận Một cửa · /u);
    expect(router.state.location.pathname).toBe("/feedback/thread-1");
    expect(router.state.location.search).toBe("");
    expect(router.state.historyAction).toBe("REPLACE");
    expect(requested(fetch)).toContain("/v1/feedback/thread-1");
  });

  it("?pakn=<someone else's thread>: the API answers 404 and the page says it was not found", async () => {
    const fetch = api();
    const { router } = renderApp("/?pakn=thread-of-another", fetch);

    expect((await screen.findByRole("alert")).textContent).toContain("Không tìm thấy câu hỏi này.");
    expect(router.state.location.pathname).toBe("/feedback/thread-of-another");
    expect(screen.queryByRole("button", { name: "Thử lại" })).toBeNull();
  });

  it("?tb=<announcement> opens the announcement", async () => {
    const fetch = api();
    const { router } = renderApp("/?tb=ann-1", fetch);

    expect((await screen.findByRole("heading", { name: "Lịch nghỉ Tết và lịch tiếp nhận hồ sơ" })).tagName).toBe("H2");
    expect(router.state.location.pathname).toBe("/announcements/ann-1");
    expect(requested(fetch)).toContain("/v1/announcements/ann-1");
  });

  it("?tb=<unknown announcement> shows the not-found copy", async () => {
    renderApp("/?tb=ann-gone", api());
    expect((await screen.findByRole("alert")).textContent).toContain("Không tìm thấy thông báo này.");
  });

  it.each([["/?pakn=a%2F..%2Fadmin"], ["/?tb=" + "x".repeat(101)], ["/?pakn=&tb=%3Cb%3E"], ["/?hs=%23bad"], ["/?foo=bar"]])(
    "%s: an invalid or unknown entry parameter is ignored, the home page is shown and nothing is fetched",
    async (url) => {
      const fetch = api();
      const { router } = renderApp(url, fetch);

      expect((await screen.findByRole("button", { name: "Tra cứu" })).getAttribute("type")).toBe("submit");
      expect(router.state.location.pathname).toBe("/");
      expect(requested(fetch).filter((path) => path.startsWith("/v1/feedback") || path.startsWith("/v1/announcements"))).toEqual([]);
    },
  );

  it("with several entry parameters the dossier wins over the thread and the thread over the announcement", async () => {
    const fetch = api();
    const { router } = renderApp("/?tb=ann-1&pakn=thread-1", fetch);
    await screen.findByText("Anh chỉ cần mang tờ khai CC01, không cần giấy tờ khác.");
    expect(router.state.location.pathname).toBe("/feedback/thread-1");
  });

  it("Zalo re-opening the running app with a ?pakn= link (OpenApp) opens the thread", async () => {
    const fetch = api();
    const { router, platform } = renderApp("/", fetch);
    await screen.findByRole("button", { name: "Tra cứu" });

    platform.openApp("/zapps/123/?pakn=thread-1");
    await waitFor(() => expect(router.state.location.pathname).toBe("/feedback/thread-1"));
    expect((await screen.findByText("Anh chỉ cần mang tờ khai CC01, không cần giấy tờ khác.")).closest("li")?.textContent).toMatch(/^Bộ phận Một cửa · /u);
  });

  it("the header's back button on a page opened from a link goes to the home page, not out of the app", async () => {
    const { router } = renderApp("/?tb=ann-1", api());
    await screen.findByText("Lịch nghỉ Tết và lịch tiếp nhận hồ sơ");

    fireEvent.click(screen.getByRole("button", { name: "Quay lại" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
    expect(router.state.historyAction).toBe("REPLACE");
  });
});
