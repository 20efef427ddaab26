import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fake-platform";
import { renderApp, TEST_API_URL } from "../../test/render-app";

const admin = { zaloAppUserId: "1", name: "Lê Minh Quân", role: "admin", agencyCodes: [], allAgencies: true };
const officer = { zaloAppUserId: "2", name: "Phạm Thu Hà", role: "officer", agencyCodes: ["000.21.20.H27"], allAgencies: false };
const row = (code: string, apology: { newDueAt: string } | null, promisedDueAt = "2026-11-09T10:00:00.000Z") => ({
  code,
  procedureName: "Đăng ký khai sinh",
  agencyCode: "000.21.20.H27",
  agencyName: "UBND phường Kinh Bắc",
  status: 4,
  dueAt: "2026-11-09T10:00:00.000Z",
  promisedDueAt,
  daysLate: 3,
  lateAt: "2026-11-10T00:00:00.000Z",
  apology: apology ? { ...apology, occurredAt: "2026-11-11T00:00:00.000Z" } : null,
});

describe("the late-dossier page of the staff tab", () => {
  it("lists an officer's agency at once: code, procedure, due date, days late, apology or not, then the next page", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async (input) => {
      const url = new URL(String(input));
      if (url.pathname !== "/v1/admin/late-dossiers") return jsonResponse(404, {});
      expect(url.searchParams.get("agency")).toBe("000.21.20.H27");
      return url.searchParams.get("cursor") === "next"
        ? jsonResponse(200, { dossiers: [row("000.21.20.H27-261102-0003", null, "2026-11-12T10:00:00.000Z")], nextCursor: null })
        : jsonResponse(200, { dossiers: [row("000.21.20.H27-261102-0001", null), row("000.21.20.H27-261102-0002", { newDueAt: "2026-11-20T10:00:00.000Z" })], nextCursor: "next" });
    });
    renderApp("/admin/late-dossiers", fetch, {}, { staffProfile: officer });
    await waitFor(() => expect(screen.getAllByTestId("late-dossier")).toHaveLength(2));
    expect(screen.getAllByText("Quá hạn 3 ngày")).toHaveLength(2);
    // A dossier without an apology is flagged; one with an apology is not.
    expect(screen.getByText("Chưa gửi phiếu xin lỗi").className).toBe("admin-error");
    expect(screen.getByText("Đã gửi phiếu xin lỗi, hẹn lại 20/11/2026").className).toBe("admin-muted");
    expect(screen.getAllByText(/Hẹn trả: 09\/11\/2026/u)).toHaveLength(2);
    fireEvent.click(screen.getByRole("button", { name: "Xem thêm" }));
    await waitFor(() => expect(screen.getAllByTestId("late-dossier")).toHaveLength(3));
    // Both dates of a re-promised dossier, so the order (by the date it must now be returned) makes sense.
    expect(screen.getAllByTestId("late-dossier")[2]!.textContent).toContain("Hẹn trả: 09/11/2026 · Hẹn lại: 12/11/2026");
    expect(screen.getByText(/hồ sơ trễ lâu nhất ở trên/u).nextElementSibling?.className).toBe("late-list");
    expect(fetch.mock.calls.map((call) => String(call[0]))).toContainEqual(expect.stringContaining(`${TEST_API_URL}/v1/admin/late-dossiers`));
  });

  it("asks an admin of every agency to pick an agency by name, lists that agency, and shows the server's message", async () => {
    const lateRequests: string[] = [];
    const fetch = vi.fn<typeof globalThis.fetch>(async (input) => {
      const url = new URL(String(input));
      if (url.pathname === "/v1/admin/agencies") {
        return jsonResponse(200, { agencies: [{ code: "000.99.20.H27", name: "UBND xã Tân Phú" }, { code: "000.21.20.H27", name: "UBND phường Kinh Bắc" }] });
      }
      lateRequests.push(url.searchParams.get("agency") ?? "");
      return jsonResponse(403, { error: { code: "FORBIDDEN", message: "Cơ quan này không thuộc phạm vi của bạn." } });
    });
    renderApp("/admin/late-dossiers", fetch, {}, { staffProfile: admin });
    const picker = (await screen.findByLabelText("Cơ quan")) as HTMLSelectElement;
    await waitFor(() => expect(picker.options).toHaveLength(3));
    expect([...picker.options].map((option) => option.textContent)).toEqual(["Chọn cơ quan…", "UBND phường Kinh Bắc", "UBND xã Tân Phú"]);
    expect(lateRequests).toEqual([]);
    fireEvent.change(picker, { target: { value: "000.99.20.H27" } });
    fireEvent.click(screen.getByRole("button", { name: "Xem danh sách" }));
    await waitFor(() => expect(lateRequests).toEqual(["000.99.20.H27"]));
    expect((await screen.findByRole("alert")).textContent).toBe("Cơ quan này không thuộc phạm vi của bạn.");
  });

  it("the staff tab links to it", async () => {
    renderApp("/admin", vi.fn<typeof globalThis.fetch>(async () => jsonResponse(404, {})), {}, { staffProfile: officer });
    expect((await screen.findByTestId("late-dossiers-link")).getAttribute("href")).toBe("/admin/late-dossiers");
  });
});
