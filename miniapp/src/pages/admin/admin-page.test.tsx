import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fake-platform";
import { renderApp, TEST_API_URL } from "../../test/render-app";


const admin = { zaloAppUserId: "1", name: "Lê Minh Quân", role: "admin", agencyCodes: [], allAgencies: true };
const officer = { zaloAppUserId: "2", name: "Phạm Thu Hà", role: "officer", agencyCodes: ["000.21.20.H27"], allAgencies: false };

describe("the staff tab", () => {
  it("greets an admin with the role and lists the staff", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async (input) =>
      String(input) === `${TEST_API_URL}/v1/admin/staff` ? jsonResponse(200, { staff: [admin, officer] }) : jsonResponse(404, {}),
    );
    renderApp("/admin", fetch, {}, { staffProfile: admin });
    const greeting = await screen.findByRole("region", { name: "Xin chào, Lê Minh Quân" });
    expect(within(greeting).getByTestId("staff-role").textContent).toBe("Quản trị viên");
    await waitFor(() => expect(screen.getAllByTestId("staff-member")).toHaveLength(2));
  });

  it("shows an officer the desk tools but not the staff list", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => jsonResponse(404, {}));
    renderApp("/admin", fetch, {}, { staffProfile: officer });
    expect((await screen.findByTestId("staff-role")).textContent).toBe("Cán bộ Một cửa");
    expect(within(screen.getByRole("region", { name: "In mã QR biên nhận" })).getByLabelText("Mã hồ sơ").tagName).toBe("INPUT");
    expect(screen.queryByText("Danh sách cán bộ")).toBeNull();
    // The inbox badge's counts and the agencies' names are asked for: no staff list for an officer.
    await waitFor(() =>
      expect(fetch.mock.calls.map(([input]) => String(input)).sort()).toEqual([`${TEST_API_URL}/v1/admin/agencies`, `${TEST_API_URL}/v1/admin/feedback/counts`]),
    );
  });

  it("names the officer's agencies, each with its code on a small line, and shows the code alone when no name is known", async () => {
    const twoAgencies = { ...officer, agencyCodes: ["000.21.20.H27", "000.21.29.H27"] };
    const fetch = vi.fn<typeof globalThis.fetch>(async (input) =>
      String(input) === `${TEST_API_URL}/v1/admin/agencies`
        ? jsonResponse(200, { agencies: [{ code: "000.21.20.H27", name: "UBND phường Kinh Bắc" }, { code: "000.21.29.H27", name: null }] })
        : jsonResponse(404, {}),
    );
    renderApp("/admin", fetch, {}, { staffProfile: twoAgencies });
    await waitFor(() => expect(screen.getByTestId("my-agencies").textContent).toContain("UBND phường Kinh Bắc"));
    const labels = within(screen.getByTestId("my-agencies")).getAllByTestId("agency-label");
    expect(labels.map((label) => [...label.children].map((part) => part.textContent))).toEqual([["UBND phường Kinh Bắc", "000.21.20.H27"], ["000.21.29.H27"]]);
  });

  it("shows the late threads' count as a badge on the inbox card", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async (input) =>
      String(input) === `${TEST_API_URL}/v1/admin/feedback/counts` ? jsonResponse(200, { open: 5, late: 2 }) : jsonResponse(404, {}),
    );
    renderApp("/admin", fetch, {}, { staffProfile: officer });
    expect((await screen.findByTestId("inbox-late-badge")).textContent).toBe("2 quá hạn");
    expect(screen.getByTestId("inbox-late-badge").nextElementSibling?.textContent).toBe("5 đang chờ trả lời");
  });

  it("tells a citizen who opens the tab that it is for staff only", async () => {
    renderApp("/admin", vi.fn<typeof globalThis.fetch>());
    expect((await screen.findByText("Tài khoản Zalo này không có quyền cán bộ.")).className).toBe("admin-message");
    expect(screen.queryByTestId("staff-role")).toBeNull();
  });

  it("a staff page other than the tab answers a citizen the same way", async () => {
    renderApp("/admin/ratings", vi.fn<typeof globalThis.fetch>());
    expect((await screen.findByText("Tài khoản Zalo này không có quyền cán bộ.")).className).toBe("admin-message");
  });

  it("an admin-only page answers an officer with its own reason and asks the server nothing", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => jsonResponse(404, {}));
    renderApp("/admin/announcements", fetch, {}, { staffProfile: officer });
    expect((await screen.findByText("Chỉ quản trị viên được gửi thông báo cho công dân.")).className).toBe("admin-message");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("the home page shows the staff link to staff only", async () => {
    renderApp("/", vi.fn<typeof globalThis.fetch>(), {}, { staffProfile: officer });
    expect((await screen.findByRole("link", { name: "Dành cho cán bộ: mở trang quản trị" })).getAttribute("href")).toBe("/admin");
  });

  it("a citizen's home page has no staff link", async () => {
    renderApp("/", vi.fn<typeof globalThis.fetch>());
    await screen.findByRole("button", { name: "Tra cứu" });
    await waitFor(() => expect(sessionStorage.getItem("motcua.staffProfile")).toContain("not_staff"));
    expect(screen.queryByText("Dành cho cán bộ: mở trang quản trị")).toBeNull();
  });
});
