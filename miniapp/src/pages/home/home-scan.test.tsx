import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { PlatformError } from "../../platform";
import { renderApp } from "../../test/render-app";

const pending = () => vi.fn<typeof globalThis.fetch>().mockReturnValue(new Promise(() => {}));

describe("home page: Quét mã QR", () => {
  it("scans through the platform and opens the receipt's dossier with its signature", async () => {
    const scanQrCode = vi.fn().mockResolvedValue("https://zalo.me/s/3141592653589793/?hs=03706~2026~07906&k=abcdEFGH12345678");
    const { router } = renderApp("/", pending(), { scanQrCode });
    fireEvent.click(await screen.findByRole("button", { name: "Quét mã QR" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/dossiers/03706~2026~07906"));
    expect(router.state.location.search).toBe("?k=abcdEFGH12345678");
    expect(scanQrCode).toHaveBeenCalledTimes(1);
  });

  it("explains a QR without a dossier code and looks nothing up", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const { router } = renderApp("/", fetch, { scanQrCode: vi.fn().mockResolvedValue("https://www.facebook.com/ubnd") });
    fireEvent.click(await screen.findByRole("button", { name: "Quét mã QR" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/không chứa mã hồ sơ/);
    expect(router.state.location.pathname).toBe("/");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("says nothing when the citizen backs out, and shows the platform's message otherwise", async () => {
    const scanQrCode = vi.fn().mockRejectedValueOnce(new PlatformError("refused")).mockRejectedValueOnce(new PlatformError("unsupported"));
    renderApp("/", pending(), { scanQrCode });
    const button = await screen.findByRole("button", { name: "Quét mã QR" });
    fireEvent.click(button);
    await waitFor(() => expect(scanQrCode).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.click(button);
    expect((await screen.findByRole("alert")).textContent).toMatch(/chưa được hỗ trợ/);
  });
});
