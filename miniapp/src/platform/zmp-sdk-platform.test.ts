import { beforeEach, describe, expect, it, vi } from "vitest";
import { createZmpSdkPlatform, toPlatformError } from "./zmp-sdk-platform";
import { PlatformError } from "./zalo-platform";

const sdk = {
  getAccessToken: vi.fn(),
  scanQRCode: vi.fn(),
  getPhoneNumber: vi.fn(),
  followOA: vi.fn(),
  openChat: vi.fn(),
  interactOA: vi.fn(),
  getRouteParams: vi.fn(),
  events: { on: vi.fn(), off: vi.fn() },
  EventName: { OpenApp: "h5.event.open.mp" },
};

type Loaders = NonNullable<Parameters<typeof createZmpSdkPlatform>[0]>;
/** The adapter takes the SDK loaders: these tests hand it the fakes above instead of mocking the modules. */
const loaders: Loaders = {
  startApis: async () => sdk as unknown as Awaited<ReturnType<Loaders["startApis"]>>,
  sdk: async () => sdk as unknown as Awaited<ReturnType<Loaders["sdk"]>>,
};

function expectNoCallbacks(mock: { mock: { calls: unknown[][] } }) {
  for (const args of mock.mock.calls) {
    for (const arg of args) {
      if (typeof arg === "object" && arg !== null) {
        expect(arg).not.toHaveProperty("success");
        expect(arg).not.toHaveProperty("fail");
      }
    }
  }
}

describe("toPlatformError", () => {
  it.each([
    [-201, "refused"],
    [-1401, "refused"],
    [-2002, "refused"],
    [-2003, "refused"],
    [-1404, "unsupported"],
    [-1409, "too_many_calls"],
    [-2000, "unknown"],
    [-1400, "unknown"],
  ])("maps zmp-sdk code %i to %s with a Vietnamese message", (code, kind) => {
    const error = toPlatformError({ code, message: "Request limit exceeded", api: "getAccessToken" });
    expect(error).toBeInstanceOf(PlatformError);
    expect(error.kind).toBe(kind);
    expect(error.message).not.toMatch(/Request limit/);
  });

  it("maps anything without a numeric code to unknown", () => {
    expect(toPlatformError(new Error("boom")).kind).toBe("unknown");
    expect(toPlatformError(undefined).kind).toBe("unknown");
    expect(toPlatformError({ code: "-201" }).kind).toBe("unknown");
  });
});

describe("createZmpSdkPlatform", () => {
  beforeEach(() => {
    vi.resetAllMocks();
  });

  it("awaits getAccessToken without callbacks", async () => {
    sdk.getAccessToken.mockResolvedValue("zalo-token");
    await expect(createZmpSdkPlatform(loaders).getAccessToken()).resolves.toBe("zalo-token");
    expect(sdk.getAccessToken).toHaveBeenCalledTimes(1);
    expectNoCallbacks(sdk.getAccessToken);
  });

  it("treats an empty token (zmp-sdk's localhost mock) as unsupported", async () => {
    sdk.getAccessToken.mockResolvedValue("");
    await expect(createZmpSdkPlatform(loaders).getAccessToken()).rejects.toMatchObject({ kind: "unsupported" });
  });

  it("turns a rejection into our error kind", async () => {
    sdk.getAccessToken.mockRejectedValue({ code: -1409, message: "Request limit exceeded" });
    await expect(createZmpSdkPlatform(loaders).getAccessToken()).rejects.toMatchObject({ kind: "too_many_calls" });
  });

  it("calls the other APIs with plain arguments and maps their errors", async () => {
    const platform = createZmpSdkPlatform(loaders);
    sdk.scanQRCode.mockResolvedValue({ content: "https://zalo.me/s/1/?hs=1897C359" });
    sdk.getPhoneNumber.mockResolvedValue({ token: "phone-token" });
    sdk.followOA.mockRejectedValue({ code: -201, message: "User refused" });
    sdk.openChat.mockResolvedValue(undefined);

    await expect(platform.scanQrCode()).resolves.toBe("https://zalo.me/s/1/?hs=1897C359");
    await expect(platform.getPhoneToken()).resolves.toBe("phone-token");
    await expect(platform.followOa("oa-1")).rejects.toMatchObject({ kind: "refused" });
    await expect(platform.openChat("oa-1")).resolves.toBeUndefined();

    expect(sdk.followOA).toHaveBeenCalledWith({ id: "oa-1" });
    expect(sdk.openChat).toHaveBeenCalledWith({ id: "oa-1", type: "oa" });
    for (const api of [sdk.scanQRCode, sdk.getPhoneNumber, sdk.followOA, sdk.openChat]) expectNoCallbacks(api);
  });

  it("starts (token, link params, re-open events) without loading the whole SDK, and loads it for the first scan", async () => {
    const wholeSdk = vi.fn(loaders.sdk);
    const platform = createZmpSdkPlatform({ startApis: loaders.startApis, sdk: wholeSdk });
    sdk.getAccessToken.mockResolvedValue("zalo-token");
    sdk.getRouteParams.mockReturnValue({});
    await platform.getAccessToken();
    await platform.getRouteParams();
    platform.onOpenApp(() => undefined);
    await vi.waitFor(() => expect(sdk.events.on).toHaveBeenCalled());
    expect(wholeSdk).not.toHaveBeenCalled();
    sdk.scanQRCode.mockResolvedValue({ content: "1897C359" });
    await platform.scanQrCode();
    expect(wholeSdk).toHaveBeenCalledTimes(1);
  });

  it("reports a phone number without token as unsupported", async () => {
    sdk.getPhoneNumber.mockResolvedValue({ number: "" });
    await expect(createZmpSdkPlatform(loaders).getPhoneToken()).rejects.toMatchObject({ kind: "unsupported" });
  });

  it("forwards OpenApp paths and unsubscribes", async () => {
    const listener = vi.fn();
    const unsubscribe = createZmpSdkPlatform(loaders).onOpenApp(listener);
    await vi.waitFor(() => expect(sdk.events.on).toHaveBeenCalledWith("h5.event.open.mp", expect.any(Function)));
    const handler = sdk.events.on.mock.calls[0]?.[1] as (data: unknown) => void;
    handler({ path: "/?hs=1897C359&k=sig" });
    handler({});
    expect(listener).toHaveBeenCalledExactlyOnceWith("/?hs=1897C359&k=sig");
    unsubscribe();
    expect(sdk.events.off).toHaveBeenCalledWith("h5.event.open.mp", handler);
  });

  it("reads route params with zmp-sdk's getRouteParams, and from the URL when the SDK cannot load", async () => {
    window.history.replaceState(null, "", "/?hs=1897C359&k=sig");
    sdk.getRouteParams.mockReturnValueOnce({ tb: "from-sdk" });
    await expect(createZmpSdkPlatform(loaders).getRouteParams()).resolves.toEqual({ tb: "from-sdk" });
    await expect(createZmpSdkPlatform({ startApis: () => Promise.reject(new Error("no bridge")), sdk: loaders.sdk }).getRouteParams()).resolves.toEqual({ hs: "1897C359", k: "sig" });
  });

  it("asks for permission to message with interactOA (no callbacks) and maps a refusal", async () => {
    sdk.interactOA.mockResolvedValueOnce({});
    await createZmpSdkPlatform(loaders).allowOaMessages("4321");
    expect(sdk.interactOA).toHaveBeenCalledWith({ oaId: "4321" });
    expectNoCallbacks(sdk.interactOA);
    sdk.interactOA.mockRejectedValueOnce({ code: -201, message: "User refused" });
    await expect(createZmpSdkPlatform(loaders).allowOaMessages("4321")).rejects.toMatchObject({ kind: "refused" });
  });
});
