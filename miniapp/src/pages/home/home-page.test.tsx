import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { addRecentLookup, readRecentLookups } from "../../features/dossier/recent-lookups";
import { renderApp } from "../../test/render-app";

function typeCode(value: string) {
  fireEvent.change(screen.getByLabelText("Mã hồ sơ"), { target: { value } });
  fireEvent.click(screen.getByRole("button", { name: "Tra cứu" }));
}

describe("home page", () => {
  it("explains where to find the code", async () => {
    renderApp("/", vi.fn());
    expect((await screen.findByRole("textbox", { name: "Mã hồ sơ" })).getAttribute("aria-describedby")).toBe("dossier-code-help");
    expect(document.getElementById("dossier-code-help")?.closest("form")?.textContent).toMatch(/Giấy tiếp nhận hồ sơ và hẹn trả kết quả/u);
    expect(screen.getAllByText("Tra cứu hồ sơ").length).toBeGreaterThan(0);
  });

  it("shows a message under the input for a malformed code, and sends nothing", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const { router } = renderApp("/", fetch);
    await screen.findByLabelText("Mã hồ sơ");

    // The message is the field's own description and an alert, and the field is marked invalid.
    typeCode("HS#1");
    expect((await screen.findByRole("alert")).textContent).toMatch(/Mã hồ sơ chỉ gồm chữ cái không dấu/u);
    expect(screen.getByRole("alert").id).toBe("dossier-code-help");
    expect(screen.getByRole("textbox", { name: "Mã hồ sơ" }).getAttribute("aria-invalid")).toBe("true");
    typeCode("000.00.20.H06-190802");
    await waitFor(() => expect(screen.getByRole("alert").textContent).toMatch(/Mã đầy đủ có dạng 000.00.20.H06-190802-0001/u));
    typeCode("  ");
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("Vui lòng nhập mã hồ sơ."));

    expect(router.state.location.pathname).toBe("/");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("opens the dossier for a valid code, normalised", async () => {
    const { router } = renderApp("/", vi.fn<typeof globalThis.fetch>().mockReturnValue(new Promise(() => {})));
    await screen.findByLabelText("Mã hồ sơ");
    typeCode(" 03706/2026/07906 ");
    await waitFor(() => expect(router.state.location.pathname).toBe("/dossiers/03706~2026~07906"));
    expect(router.state.location.search).toBe("");
  });

  it("lists recent lookups, newest first, opens one and clears them", async () => {
    addRecentLookup({ code: "1897C359", procedureName: "Đăng ký khai sinh" }, new Date("2026-11-01T00:00:00Z"));
    addRecentLookup(
      { code: "03706/2026/07906", procedureName: "Cấp bản sao trích lục hộ tịch" },
      new Date("2026-11-02T00:00:00Z"),
    );
    const { router } = renderApp("/", vi.fn<typeof globalThis.fetch>().mockReturnValue(new Promise(() => {})));

    const recent = await screen.findByRole("region", { name: "Tra cứu gần đây" });
    expect(within(recent).getAllByRole("link").map((link) => [link.getAttribute("href"), link.textContent])).toEqual([
      ["/dossiers/03706~2026~07906", "03706/2026/07906Cấp bản sao trích lục hộ tịch"],
      ["/dossiers/1897C359", "1897C359Đăng ký khai sinh"],
    ]);

    fireEvent.click(screen.getByRole("button", { name: "Xoá lịch sử" }));
    await waitFor(() => expect(screen.queryByText("Tra cứu gần đây")).toBeNull());
    expect(readRecentLookups()).toEqual([]);

    addRecentLookup({ code: "1897C359", procedureName: "Đăng ký khai sinh" });
    fireEvent.click(await screen.findByText("1897C359"));
    await waitFor(() => expect(router.state.location.pathname).toBe("/dossiers/1897C359"));
  });

  it("keeps at most 10 recent lookups, without duplicates", () => {
    for (let i = 0; i < 12; i += 1) addRecentLookup({ code: `CODE${i}`, procedureName: "Thủ tục" });
    addRecentLookup({ code: "CODE5", procedureName: "Thủ tục" });
    const codes = readRecentLookups().map((lookup) => lookup.code);
    expect(codes).toHaveLength(10);
    expect(codes[0]).toBe("CODE5");
    expect(new Set(codes).size).toBe(10);
  });
});
