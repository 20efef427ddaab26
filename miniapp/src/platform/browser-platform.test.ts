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
    await expect(platform.getRouteParams()).resolves.toEqual({ hs: "03706~2026~07906", k: "sig" });
    await expect(platform.getAccessToken()).resolves.toBe("tok-url");
    expect(window.sessionStorage.getItem(TOKEN_STORAGE_KEY)).toBe("tok-url");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("starts a new session for another user's token: what the session remembered for the previous one is dropped", async () => {
    window.sessionStorage.setItem(TOKEN_STORAGE_KEY, "tok-citizen");
    window.sessionStorage.setItem("motcua.staffProfile", JSON.stringify({ status: "not_staff" }));
    window.history.replaceState(null, "", "/?token=tok-citizen");
    createBrowserPlatform({ zaloEmulatorUrl: EMULATOR, fetch: vi.fn<typeof globalThis.fetch>() });
    expect(window.sessionStorage.getItem("motcua.staffProfile")).not.toBeNull();

    window.history.replaceState(null, "", "/admin?token=tok-admin");
    const platform = createBrowserPlatform({ zaloEmulatorUrl: EMULATOR, fetch: vi.fn<typeof globalThis.fetch>() });
    await expect(platform.getAccessToken()).resolves.toBe("tok-admin");
    expect(window.sessionStorage.getItem("motcua.staffProfile")).toBeNull();
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

  it("gets a single-use phone token from the emulator for the current user", async () => {
    window.sessionStorage.setItem(TOKEN_STORAGE_KEY, "tok-1");
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(201, { token: "phone-1" }));
    await expect(createBrowserPlatform({ zaloEmulatorUrl: EMULATOR, fetch }).getPhoneToken()).resolves.toBe("phone-1");
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`${EMULATOR}/_emulator/phone-tokens`);
    expect(JSON.parse(String(init?.body))).toEqual({ accessToken: "tok-1" });
  });

  it("follows the OA at the emulator as the current user", async () => {
    window.sessionStorage.setItem(TOKEN_STORAGE_KEY, "tok-1");
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValueOnce(jsonResponse(200, { id: "app-7", error: 0 }))
      .mockResolvedValueOnce(jsonResponse(200, { follower: true }));
    await createBrowserPlatform({ zaloEmulatorUrl: EMULATOR, fetch }).followOa("oa-1");
    expect(fetch.mock.calls[0]?.[1]?.headers).toEqual({ access_token: "tok-1" });
    expect(fetch.mock.calls[1]?.[0]).toBe(`${EMULATOR}/_emulator/users/app-7/follow`);
    expect(JSON.parse(String(fetch.mock.calls[1]?.[1]?.body))).toEqual({ follower: true });
  });

  it("reports an emulator failure as unknown", async () => {
    window.sessionStorage.setItem(TOKEN_STORAGE_KEY, "tok-1");
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(404, { error: -404 }));
    await expect(createBrowserPlatform({ zaloEmulatorUrl: EMULATOR, fetch }).getPhoneToken()).rejects.toMatchObject({ kind: "unknown" });
  });
});
