import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { readRecentLookups } from "../../features/dossier/recent-lookups";
import { ownerDossier, publicDossier } from "../../test/dossier-fixtures";
import { jsonResponse } from "../../test/fake-platform";
import { renderApp, TEST_API_URL } from "../../test/render-app";

const notFound = () => jsonResponse(404, { error: { code: "NOT_FOUND", message: "Không tìm thấy hồ sơ." } });

describe("dossier page", () => {
  it("shows the owner view, with notes, the apology and the timeline newest first", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, ownerDossier));
    renderApp("/dossiers/000.00.20.H06-190802-0001?k=sig123", fetch);

    expect(await screen.findByText("Cấp bản sao trích lục hộ tịch")).toBeTruthy();
    expect(String(fetch.mock.calls[0]?.[0])).toBe(`${TEST_API_URL}/v1/dossiers/000.00.20.H06-190802-0001?k=sig123`);
    expect(screen.getByText("Thông tin hồ sơ")).toBeTruthy();
    expect(screen.getByTestId("status-badge").textContent).toBe("Yêu cầu bổ sung giấy tờ");
    expect(screen.getByTestId("on-time-badge").textContent).toBe("Trong hạn");
    expect(screen.getByText("Nguyễn Văn An")).toBeTruthy();
    expect(screen.getByText("27/11/2026 17:00")).toBeTruthy();
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
    expect(within(items[0]!).getByText("Bổ sung bản sao giấy khai sinh có chứng thực")).toBeTruthy();
    expect(within(items[0]!).getByText("24/11/2026 15:45")).toBeTruthy();
    expect(within(items[2]!).getByText("Bộ phận Một cửa")).toBeTruthy();
  });

  it("shows the public view without notes, and records the lookup without the signature", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, publicDossier));
    renderApp("/dossiers/000.00.20.H06-190802-0001", fetch);

    expect(await screen.findByText("Nguyễn V** A*")).toBeTruthy();
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
    expect(await screen.findByText("Không tìm thấy hồ sơ")).toBeTruthy();
    expect(String(fetch.mock.calls[0]?.[0])).toBe(`${TEST_API_URL}/v1/dossiers/03706~2026~07906`);
    expect(screen.getByText("03706/2026/07906")).toBeTruthy();
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

    expect(await screen.findByText("Chưa tải được thông tin hồ sơ")).toBeTruthy();
    expect(screen.getByText(/Không kết nối được máy chủ/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Thử lại" }));
    expect(await screen.findByText("Cấp bản sao trích lục hộ tịch")).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("tells the citizen when to try again after too many lookups", async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValue(
        jsonResponse(429, { error: { code: "RATE_LIMITED", message: "Bạn tra cứu quá nhiều lần." } }, { "Retry-After": "42" }),
      );
    renderApp("/dossiers/1897C359", fetch);
    expect(await screen.findByText("Bạn tra cứu quá nhanh")).toBeTruthy();
    expect(screen.getByText("Bạn tra cứu quá nhiều lần. Vui lòng thử lại sau 42 giây.")).toBeTruthy();
  });

  it("does not call the API for a malformed code in the URL", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    renderApp("/dossiers/HS%23123", fetch);
    expect(await screen.findByText("Mã hồ sơ không hợp lệ")).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("deep links", () => {
  it("opens the owner view from a receipt link, replacing the lookup page", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(200, ownerDossier));
    const { router } = renderApp("/?hs=000.00.20.H06-190802-0001&k=sig123", fetch);

    expect(await screen.findByText("Bạn đang xem đầy đủ thông tin hồ sơ.")).toBeTruthy();
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
