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
 * as `?token=` (kept for the session), else a guest user created on first use. There is no camera yet.
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
    getRouteParams() {
      return searchParamsToRecord(win.location.search);
    },
    onOpenApp() {
      // A browser tab is never re-opened by Zalo.
      return () => {};
    },
    scanQrCode: unsupported,
    getPhoneToken: unsupported,
    followOa: unsupported,
    openChat: unsupported,
  };
}

/** Moves `?token=` into session storage and out of the visible URL, keeping the other params. */
function adoptTokenFromUrl(win: Pick<Window, "location" | "history">, storage: Storage): void {
  const url = new URL(win.location.href);
  const token = url.searchParams.get(TOKEN_PARAM);
  if (token === null) return;
  if (token) storage.setItem(TOKEN_STORAGE_KEY, token);
  url.searchParams.delete(TOKEN_PARAM);
  win.history.replaceState(win.history.state, "", `${url.pathname}${url.search}${url.hash}`);
}
