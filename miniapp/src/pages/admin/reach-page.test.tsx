import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../../test/fake-platform";
import { renderApp } from "../../test/render-app";

const officer = { zaloAppUserId: "2", name: "Phạm Thu Hà", role: "officer", agencyCodes: ["000.21.20.H27"], allAgencies: false };

describe("the month-range filter of a staff report", () => {
  beforeEach(() => {
    // 1 December 2026, 00:30 in Vietnam: still 30 November in UTC.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-30T17:30:00.000Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("asks for the last six Vietnam months at first, refuses a range over 24 months, sends one of 24, and asks again on Xem", async () => {
    const asked: URLSearchParams[] = [];
    const fetch = vi.fn<typeof globalThis.fetch>(async (input) => {
      const url = new URL(String(input));
      if (url.pathname === "/v1/admin/reach") asked.push(url.searchParams);
      return jsonResponse(503, { error: { code: "UNAVAILABLE", message: "Tạm thời không xem được." } });
    });
    renderApp("/admin/reach", fetch, {}, { staffProfile: officer });
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(Object.fromEntries(asked[0]!)).toEqual({ from: "2026-07", to: "2026-12" });

    fireEvent.change(screen.getByTestId("reach-from"), { target: { value: "2024-11" } });
    fireEvent.click(screen.getByRole("button", { name: "Xem" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Tháng bắt đầu phải trước tháng kết thúc, tối đa 24 tháng.");
    expect(asked).toHaveLength(1);

    fireEvent.change(screen.getByTestId("reach-from"), { target: { value: "2025-01" } });
    fireEvent.change(screen.getByTestId("reach-agency"), { target: { value: "000.21.20.H27" } });
    fireEvent.click(screen.getByRole("button", { name: "Xem" }));
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(Object.fromEntries(asked[1]!)).toEqual({ from: "2025-01", to: "2026-12", agency: "000.21.20.H27" });
    expect((await screen.findByRole("alert")).textContent).toBe("Tạm thời không xem được.");

    // "Xem" again for the same months asks again: the figures may have moved since.
    fireEvent.click(screen.getByRole("button", { name: "Xem" }));
    await waitFor(() => expect(asked).toHaveLength(3));
    expect(Object.fromEntries(asked[2]!)).toEqual(Object.fromEntries(asked[1]!));
  });
});
