import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fake-platform";
import { renderApp } from "../../test/render-app";

const admin = { zaloAppUserId: "1", name: "Lê Minh Quân", role: "admin", agencyCodes: [], allAgencies: true };
const counts = {
  pending: { count: 1204, atLeast: false },
  sending: { count: 2, atLeast: false },
  failed: { count: 0, atLeast: false },
  undeliverable: { count: 1000, atLeast: true },
  unconfirmed: { count: 3, atLeast: false },
};
const pendingEntry = {
  id: "o1",
  kind: "dossier_overdue",
  state: "pending",
  channel: "zns",
  attempts: 0,
  zaloMessageId: null,
  reason: "quiet_hours",
  dossierCode: "000.21.20.H27-261102-0001",
  subject: "Đăng ký khai sinh",
  createdAt: "2026-11-20T15:30:00.000Z",
  updatedAt: "2026-11-20T15:30:00.000Z",
};

const unconfirmedEntry = {
  ...pendingEntry,
  id: "o2",
  kind: "dossier_status_changed",
  state: "unconfirmed",
  attempts: 1,
  reason: "sender_stopped_during_send",
};

function deliveryApi() {
  const listed: (string | null)[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input) => {
    const url = new URL(String(input));
    if (url.pathname === "/v1/admin/notifications/counts") return jsonResponse(200, { counts });
    if (url.pathname === "/v1/admin/notifications") {
      listed.push(url.searchParams.get("state"));
      const entries: Record<string, unknown[]> = { pending: [pendingEntry], unconfirmed: [unconfirmedEntry] };
      return jsonResponse(200, { notifications: entries[url.searchParams.get("state") ?? ""] ?? [], nextCursor: null });
    }
    return jsonResponse(404, {});
  });
  return { fetch, listed };
}

describe("the delivery log's counts", () => {
  it("shows every unsent state's count at once, a bounded one as 'at least'", async () => {
    const { fetch } = deliveryApi();
    renderApp("/admin/notifications", fetch, {}, { staffProfile: admin });
    const chips = await screen.findByTestId("log-counts");
    expect(within(chips).getAllByRole("button").map((chip) => chip.textContent)).toEqual([
      "Đang chờ gửi 1.204",
      "Đang gửi 2",
      "Gửi lỗi 0",
      "Không gửi được 1.000+",
      "Không rõ đã gửi hay chưa 3",
    ]);
    expect(screen.getByTestId("log-count-failed").getAttribute("aria-pressed")).toBe("true");
  });

  it("says so when no message failed while others wait, and 'xem' lists the waiting ones in Vietnamese", async () => {
    const { fetch, listed } = deliveryApi();
    renderApp("/admin/notifications", fetch, {}, { staffProfile: admin });
    const hint = await screen.findByTestId("log-empty-hint");
    expect(hint.textContent).toBe("Không có tin gửi lỗi. 1.204 tin đang chờ gửi — xem");
    expect(screen.queryByText("Không có tin nhắn nào.")).toBeNull();
    fireEvent.click(within(hint).getByRole("button", { name: "xem" }));
    await waitFor(() => expect(listed).toEqual(["failed", "pending"]));
    const entry = await screen.findByTestId("log-entry");
    expect(entry.textContent).toContain("Đang chờ gửi");
    expect(entry.textContent).toContain("Hồ sơ quá hạn");
    expect(entry.textContent).toContain("Lý do: Đang chờ hết giờ nghỉ đêm");
    expect(entry.textContent).not.toMatch(/quiet_hours|dossier_overdue|pending/u);
    expect(screen.getByTestId("log-count-pending").getAttribute("aria-pressed")).toBe("true");
  });

  it("a count chip opens its state's list", async () => {
    const { fetch, listed } = deliveryApi();
    renderApp("/admin/notifications", fetch, {}, { staffProfile: admin });
    fireEvent.click(await screen.findByTestId("log-count-undeliverable"));
    await waitFor(() => expect(listed.at(-1)).toBe("undeliverable"));
    expect((screen.getByLabelText("Trạng thái") as HTMLSelectElement).value).toBe("undeliverable");
    // No hint about waiting messages under another state's empty list.
    await waitFor(() => expect(screen.getByText("Không có tin nhắn nào.")).toBeTruthy());
    expect(screen.queryByTestId("log-empty-hint")).toBeNull();
  });

  it("a message in doubt says so in Vietnamese, why, and offers to send it anyway", async () => {
    const { fetch, listed } = deliveryApi();
    renderApp("/admin/notifications", fetch, {}, { staffProfile: admin });
    fireEvent.click(await screen.findByTestId("log-count-unconfirmed"));
    await waitFor(() => expect(listed.at(-1)).toBe("unconfirmed"));
    const entry = await screen.findByTestId("log-entry");
    expect(entry.textContent).toContain("Không rõ đã gửi hay chưa");
    expect(entry.textContent).toContain("Lý do: Hệ thống dừng đúng lúc đang gửi tin này");
    expect(entry.textContent).not.toMatch(/unconfirmed|sender_stopped/u);
    expect(within(entry).getByRole("button", { name: "Vẫn gửi lại" })).toBeTruthy();
  });
});
