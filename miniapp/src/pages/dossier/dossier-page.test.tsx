import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { readRecentLookups } from "../../features/dossier/recent-lookups";
import { ownerDossier, publicDossier } from "../../test/dossier-fixtures";
import { jsonResponse } from "../../test/fake-platform";
import { renderApp, TEST_API_URL } from "../../test/render-app";

/** The value a dossier field shows beside its label (a dt/dd pair). */
function fieldValue(label: string): string | null | undefined {
  return screen.getByText(label, { selector: "dt" }).nextElementSibling?.textContent;
}

/** The message that stands in for the dossier (an alert with a heading). */
async function dossierMessage(title: string): Promise<HTMLElement> {
  const heading = await screen.findByRole("heading", { name: title });
  return heading.closest<HTMLElement>("[role=alert]")!;
}

const notFound = () => jsonResponse(404, { error: { code: "NOT_FOUND", message: "Không tìm thấy hồ sơ." } });

describe("dossier page", () => {
  it("shows the owner view, with notes, the apology and the timeline newest first", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, ownerDossier));
    renderApp("/dossiers/000.00.20.H06-190802-0001?k=sig123", fetch);

    expect((await screen.findByRole("region", { name: "Cấp bản sao trích lục hộ tịch" })).textContent).toContain("000.00.20.H06-190802-0001");
    expect(String(fetch.mock.calls[0]?.[0])).toBe(`${TEST_API_URL}/v1/dossiers/000.00.20.H06-190802-0001?k=sig123`);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Thông tin hồ sơ");
    expect(screen.getByTestId("status-badge").textContent).toBe("Yêu cầu bổ sung giấy tờ");
    expect(screen.getByTestId("on-time-badge").textContent).toBe("Trong hạn");
    expect(fieldValue("Người nộp hồ sơ")).toBe("Nguyễn Văn An");
    expect(fieldValue("Ngày hẹn trả")).toBe("27/11/2026 17:00");
    expect(screen.getByTestId("view-notice").querySelector(".notice__text")?.textContent).toBe("Bạn đang xem đầy đủ thông tin hồ sơ.");

    const apology = screen.getByRole("region", { name: "Xin lỗi và hẹn lại" });
    expect(apology.textContent).toContain("02/12/2026 17:00");
    expect(apology.textContent).toContain("Cần xác minh thêm thông tin với nơi đăng ký khai sinh");

    const items = screen.getAllByTestId("timeline-item");
    expect(items.map((item) => item.querySelector(".timeline__status")?.textContent)).toEqual([
      "Yêu cầu bổ sung giấy tờ",
      "Đang xử lý",
      "Được tiếp nhận",
    ]);
    expect(items[0]!.querySelector(".timeline__note")?.textContent).toBe("Bổ sung bản sao giấy khai sinh có chứng thực");
    expect(within(items[0]!).getByText("24/11/2026 15:45").getAttribute("datetime")).toBe("2026-11-24T08:45:00.000Z");
    expect(items[2]!.querySelector(".timeline__unit")?.textContent).toBe("Bộ phận Một cửa");
  });

  it("shows the public view without notes, and records the lookup without the signature", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, publicDossier));
    renderApp("/dossiers/000.00.20.H06-190802-0001", fetch);

    await screen.findByRole("region", { name: "Cấp bản sao trích lục hộ tịch" });
    expect(fieldValue("Người nộp hồ sơ")).toBe("Nguyễn V** A*");
    expect(String(fetch.mock.calls[0]?.[0])).toBe(`${TEST_API_URL}/v1/dossiers/000.00.20.H06-190802-0001`);
    expect(screen.getByTestId("view-notice").textContent).toMatch(/thông tin công khai.*Mã QR trên Giấy tiếp nhận hồ sơ cho xem thêm ghi chú của cán bộ/);
    expect(screen.queryByText("Bổ sung bản sao giấy khai sinh có chứng thực")).toBeNull();
    expect(screen.queryByText(/Lý do/)).toBeNull();
    expect(readRecentLookups()).toEqual([
      expect.objectContaining({ code: "000.00.20.H06-190802-0001", procedureName: "Cấp bản sao trích lục hộ tịch" }),
    ]);
    expect(JSON.stringify(readRecentLookups())).not.toContain("sig");
  });

  it("asks the API for a code with slashes in its ~ form", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(notFound());
    renderApp("/dossiers/03706~2026~07906", fetch);
    const message = await dossierMessage("Không tìm thấy hồ sơ");
    expect(String(fetch.mock.calls[0]?.[0])).toBe(`${TEST_API_URL}/v1/dossiers/03706~2026~07906`);
    // The code as the citizen knows it, with its slashes.
    expect(message.querySelector(".message__code")?.textContent).toBe("03706/2026/07906");
  });

  it("offers a way back from a dossier that does not exist", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(notFound());
    const { router } = renderApp("/dossiers/1897C359", fetch);
    fireEvent.click(await screen.findByRole("button", { name: "Tra cứu mã khác" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
    expect(readRecentLookups()).toEqual([]);
  });

  it("shows an error with a retry that loads the dossier", async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockResolvedValueOnce(jsonResponse(200, publicDossier));
    renderApp("/dossiers/000.00.20.H06-190802-0001", fetch);

    const message = await dossierMessage("Chưa tải được thông tin hồ sơ");
    expect(message.textContent).toMatch(/Không kết nối được máy chủ/u);
    fireEvent.click(within(message).getByRole("button", { name: "Thử lại" }));
    expect((await screen.findByRole("region", { name: "Cấp bản sao trích lục hộ tịch" })).textContent).toContain("Yêu cầu bổ sung giấy tờ");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("tells the citizen when to try again after too many lookups", async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValue(
        jsonResponse(429, { error: { code: "RATE_LIMITED", message: "Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau 42 giây." } }, { "Retry-After": "42" }),
      );
    renderApp("/dossiers/1897C359", fetch);
    const message = await dossierMessage("Bạn tra cứu quá nhanh");
    expect(message.querySelector(".message__body")?.textContent).toBe("Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau 42 giây.");
  });

  it("does not call the API for a malformed code in the URL", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    renderApp("/dossiers/HS%23123", fetch);
    expect((await dossierMessage("Mã hồ sơ không hợp lệ")).textContent).toContain("HS#123");
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("deep links", () => {
  it("opens the owner view from a receipt link, replacing the lookup page", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, ownerDossier));
    const { router } = renderApp("/?hs=000.00.20.H06-190802-0001&k=sig123", fetch);

    expect((await screen.findByTestId("view-notice")).textContent).toBe("Bạn đang xem đầy đủ thông tin hồ sơ.");
    expect(router.state.location.pathname).toBe("/dossiers/000.00.20.H06-190802-0001");
    expect(router.state.location.search).toBe("?k=sig123");
    expect(router.state.historyAction).toBe("REPLACE");
    expect(String(fetch.mock.calls[0]?.[0])).toContain("?k=sig123");
  });

  it("follows the OpenApp event when Zalo re-opens the app", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, ownerDossier));
    const { router, platform } = renderApp("/", fetch);
    await screen.findByRole("button", { name: "Tra cứu" });

    platform.openApp("/zapps/123/?hs=03706~2026~07906&k=sig9");
    await waitFor(() => expect(router.state.location.pathname).toBe("/dossiers/03706~2026~07906"));
    expect(router.state.location.search).toBe("?k=sig9");
  });
});
