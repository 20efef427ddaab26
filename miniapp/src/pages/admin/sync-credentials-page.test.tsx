import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fake-platform";
import { renderApp } from "../../test/render-app";

const admin = { zaloAppUserId: "1", name: "Lê Minh Quân", role: "admin", agencyCodes: [], allAgencies: true };
const credential = (username: string, disabled = false) => ({
  username,
  unitPatterns: ["000.00.*.H56"],
  statusOverrides: {},
  disabled,
  fromConfiguration: false,
  updatedAt: "2026-11-02T01:00:00.000Z",
  createdAt: "2026-11-02T01:00:00.000Z",
});

/** The admin routes as the server answers them, recording every change asked for. */
function server() {
  const state = { "igate-h56": credential("igate-h56"), "opencps-h22": credential("opencps-h22") } as Record<string, ReturnType<typeof credential>>;
  const changes: string[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const url = new URL(String(input));
    if (url.pathname === "/v1/admin/sync-credentials" && (init?.method ?? "GET") === "GET") return jsonResponse(200, { credentials: Object.values(state) });
    const match = /^\/v1\/admin\/sync-credentials\/([^/]+)\/(password|disable|enable)$/u.exec(url.pathname);
    if (!match || init?.method !== "POST") return jsonResponse(404, {});
    const [, username, change] = match as unknown as [string, string, string];
    changes.push(`${change} ${username}`);
    if (change !== "password") state[username] = credential(username, change === "disable");
    return jsonResponse(200, { credential: state[username], ...(change === "password" ? { password: "mat-khau-moi-0123456789ab" } : {}) });
  });
  return { fetch, changes };
}

const rowOf = async (username: string) => (await screen.findAllByTestId("sync-credential")).find((row) => row.textContent?.includes(username))!;

describe("the sync-credentials page of the staff tab", () => {
  it("asks before disabling: nothing is sent until the admin confirms, and cancelling sends nothing", async () => {
    const { fetch, changes } = server();
    renderApp("/admin/sync-credentials", fetch, {}, { staffProfile: admin });
    const row = await rowOf("igate-h56");

    fireEvent.click(within(row).getByRole("button", { name: "Khóa" }));
    const confirm = within(row).getByTestId("sync-confirm");
    expect(confirm.textContent).toContain("Bạn chắc chắn muốn khóa igate-h56?");
    expect(document.activeElement).toBe(confirm);
    expect(within(row).queryByRole("button", { name: "Khóa" })).toBeNull();
    // The other credential's actions are untouched.
    expect(within(await rowOf("opencps-h22")).getByRole("button", { name: "Khóa" }).hasAttribute("disabled")).toBe(false);
    fireEvent.click(within(confirm).getByRole("button", { name: "Hủy" }));
    expect(within(row).queryByTestId("sync-confirm")).toBeNull();
    expect(changes).toEqual([]);

    fireEvent.click(within(row).getByRole("button", { name: "Khóa" }));
    fireEvent.click(within(row).getByRole("button", { name: "Khóa tài khoản" }));
    await waitFor(() => expect(changes).toEqual(["disable igate-h56"]));
    await waitFor(async () => expect((await rowOf("igate-h56")).textContent).toContain("Đã khóa"));
    // Enabling again needs no confirmation.
    fireEvent.click(within(await rowOf("igate-h56")).getByRole("button", { name: "Mở khóa" }));
    await waitFor(() => expect(changes).toEqual(["disable igate-h56", "enable igate-h56"]));
  });

  it("asks before issuing a new password, then shows it once", async () => {
    const { fetch, changes } = server();
    renderApp("/admin/sync-credentials", fetch, {}, { staffProfile: admin });
    const row = await rowOf("opencps-h22");
    fireEvent.click(within(row).getByRole("button", { name: "Cấp mật khẩu mới" }));
    expect(within(row).getByTestId("sync-confirm").textContent).toMatch(/Mật khẩu cũ và các phiên đang mở hết hiệu lực ngay/u);
    expect(changes).toEqual([]);
    fireEvent.click(within(within(row).getByTestId("sync-confirm")).getByRole("button", { name: "Cấp mật khẩu mới" }));
    expect((await screen.findByTestId("sync-password")).textContent).toContain("mat-khau-moi-0123456789ab");
    expect(changes).toEqual(["password opencps-h22"]);
  });
});
