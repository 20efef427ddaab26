import { beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse } from "../test/fake-platform";
import { createBrowserPlatform, TOKEN_STORAGE_KEY } from "./browser-platform";

const EMULATOR = "http://emulator.test";

function guestResponse(accessToken: string) {
  return jsonResponse(201, { accessToken, zaloAppUserId: "app-1", zaloOaUserId: "oa-1" });
}

describe("createBrowserPlatform", () => {
  beforeEach(() => {
    window.history.replaceState(null, "", "/");
  });

  it("takes ?token= from the URL, keeps it for the session and removes it from the address", async () => {
    window.history.replaceState(null, "", "/?hs=03706~2026~07906&token=tok-url&k=sig");
    const fetch = vi.fn<typeof globalThis.fetch>();
    const platform = createBrowserPlatform({ zaloEmulatorUrl: EMULATOR, fetch });

    expect(window.location.search).toBe("?hs=03706%7E2026%7E07906&k=sig");
    expect(platform.getRouteParams()).toEqual({ hs: "03706~2026~07906", k: "sig" });
    await expect(platform.getAccessToken()).resolves.toBe("tok-url");
    expect(window.sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe("tok-url");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("uses the token kept in the session", async () => {
    window.sessionStorage.setItem(TOKEN_STORAGE_KEY, "tok-session");
    const fetch = vi.fn<typeof globalThis.fetch>();
    await expect(createBrowserPlatform({ zaloEmulatorUrl: EMULATOR, fetch }).getAccessToken()).resolves.toBe("tok-session");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("creates a guest user at the emulator once when there is no token", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(guestResponse("tok-guest"));
    const platform = createBrowserPlatform({ zaloEmulatorUrl: EMULATOR, fetch });

    const tokens = await Promise.all([platform.getAccessToken(), platform.getAccessToken()]);
    expect(tokens).toEqual(["tok-guest", "tok-guest"]);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`${EMULATOR}/_emulator/users`);
    expect(init?.method).toBe("POST");
    expect(JSON.parse(String(init?.body))).toEqual({ name: "Khách thử nghiệm" });
    expect(window.sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe("tok-guest");
  });

  it("gets a new guest token after forgetting a refused one", async () => {
    window.sessionStorage.setItem(TOKEN_STORAGE_KEY, "tok-stale");
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(guestResponse("tok-new"));
    const platform = createBrowserPlatform({ zaloEmulatorUrl: EMULATOR, fetch });
    platform.forgetAccessToken();
    await expect(platform.getAccessToken()).resolves.toBe("tok-new");
  });

  it("fails with a Vietnamese message when the emulator cannot be reached", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockRejectedValue(new TypeError("Failed to fetch"));
    await expect(createBrowserPlatform({ zaloEmulatorUrl: EMULATOR, fetch }).getAccessToken()).rejects.toMatchObject({
      kind: "unknown",
      message: expect.stringMatching(/kết nối/),
    });
  });

  it("has no camera yet", async () => {
    const platform = createBrowserPlatform({ zaloEmulatorUrl: EMULATOR, fetch: vi.fn() });
    await expect(platform.scanQrCode()).rejects.toMatchObject({ kind: "unsupported" });
  });
});
