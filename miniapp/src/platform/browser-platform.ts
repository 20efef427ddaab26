import { vi } from "../copy/vi";
import { PlatformError, searchParamsToRecord, type ZaloPlatform } from "./zalo-platform";

export const TOKEN_STORAGE_KEY = "motcua.zaloToken";
const TOKEN_PARAM = "token";

export interface BrowserPlatformOptions {
  zaloEmulatorUrl: string;
  fetch?: typeof fetch;
  storage?: Storage;
  window?: Pick<Window, "location" | "history">;
}

/**
 * The adapter for development and browser tests. Identity comes from the Zalo emulator: a token passed
 * as `?token=` (kept for the session), else a guest user created on first use. The QR scanner (camera or a
 * picked photo) loads on first use; phone tokens and following the OA go through the emulator.
 */
export function createBrowserPlatform(options: BrowserPlatformOptions): ZaloPlatform {
  const win = options.window ?? window;
  const storage = options.storage ?? window.sessionStorage;
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let pendingGuest: Promise<string> | undefined;

  adoptTokenFromUrl(win, storage);

  async function createGuestToken(): Promise<string> {
    const response = await fetchFn(`${options.zaloEmulatorUrl}/_emulator/users`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ name: vi.platform.guestName }),
    }).catch(() => {
      throw new PlatformError("unknown", vi.errors.network);
    });
    const body: unknown = response.ok ? await response.json().catch(() => undefined) : undefined;
    const token =
      typeof body === "object" && body !== null ? (body as { accessToken?: unknown }).accessToken : undefined;
    if (typeof token !== "string" || !token) throw new PlatformError("unknown", vi.platform.noToken);
    storage.setItem(TOKEN_STORAGE_KEY, token);
    return token;
  }

  const unsupported = () => Promise.reject(new PlatformError("unsupported"));

  async function emulatorJson(path: string, init: RequestInit): Promise<Record<string, unknown>> {
    const response = await fetchFn(`${options.zaloEmulatorUrl}${path}`, init).catch(() => {
      throw new PlatformError("unknown", vi.errors.network);
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok || typeof body !== "object" || body === null) throw new PlatformError("unknown");
    return body as Record<string, unknown>;
  }

  async function currentToken(): Promise<string> {
    const stored = storage.getItem(TOKEN_STORAGE_KEY);
    if (stored) return stored;
    return createGuestToken();
  }

  return {
    async getAccessToken() {
      const stored = storage.getItem(TOKEN_STORAGE_KEY);
      if (stored) return stored;
      pendingGuest ??= createGuestToken().finally(() => {
        pendingGuest = undefined;
      });
      return pendingGuest;
    },
    forgetAccessToken() {
      storage.removeItem(TOKEN_STORAGE_KEY);
    },
    async getRouteParams() {
      return searchParamsToRecord(win.location.search);
    },
    onOpenApp() {
      // A browser tab is never re-opened by Zalo.
      return () => {};
    },
    async scanQrCode() {
      // Loaded on first use: the decoder stays out of the entry bundle.
      const { scanWithBrowserCamera } = await import("./browser-qr-scanner");
      return scanWithBrowserCamera();
    },
    async getPhoneToken() {
      // Zalo asks the user in its own dialog; the emulator hands out the same single-use token.
      const body = await emulatorJson("/_emulator/phone-tokens", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ accessToken: await currentToken() }),
      });
      if (typeof body.token !== "string") throw new PlatformError("unknown");
      return body.token;
    },
    async followOa() {
      const me = await emulatorJson("/v2.0/me?fields=id", { headers: { access_token: await currentToken() } });
      if (typeof me.id !== "string") throw new PlatformError("unknown");
      await emulatorJson(`/_emulator/users/${encodeURIComponent(me.id)}/follow`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ follower: true }),
      });
    },
    async allowOaMessages() {
      // The emulator records the permission as an interaction with the OA (what interactOA grants in Zalo).
      const me = await emulatorJson("/v2.0/me?fields=id", { headers: { access_token: await currentToken() } });
      if (typeof me.id !== "string") throw new PlatformError("unknown");
      await emulatorJson(`/_emulator/users/${encodeURIComponent(me.id)}/interact`, { method: "POST" });
    },
    openChat: unsupported,
  };
}

/** Moves `?token=` into session storage and out of the visible URL, keeping the other params. */
function adoptTokenFromUrl(win: Pick<Window, "location" | "history">, storage: Storage): void {
  const url = new URL(win.location.href);
  const token = url.searchParams.get(TOKEN_PARAM);
  if (token === null) return;
  // Another user's token starts a new session: nothing remembered for the previous one (e.g. whether they are staff)
  // may carry over.
  if (token && token !== storage.getItem(TOKEN_STORAGE_KEY)) {
    storage.clear();
    storage.setItem(TOKEN_STORAGE_KEY, token);
  }
  url.searchParams.delete(TOKEN_PARAM);
  win.history.replaceState(win.history.state, "", `${url.pathname}${url.search}${url.hash}`);
}
