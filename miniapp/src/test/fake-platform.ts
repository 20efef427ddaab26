import type { ZaloPlatform } from "../platform";

/** A platform that hands out "token-1", "token-2", … and records what it was asked. */
export function createFakePlatform(overrides: Partial<ZaloPlatform> = {}) {
  let issued = 0;
  let current: string | undefined;
  const openAppListeners = new Set<(path: string) => void>();
  const platform: ZaloPlatform & { openApp(path: string): void; forgotten: number } = {
    forgotten: 0,
    async getAccessToken() {
      current ??= `token-${++issued}`;
      return current;
    },
    forgetAccessToken() {
      current = undefined;
      platform.forgotten += 1;
    },
    getRouteParams: async () => ({}),
    onOpenApp(listener) {
      openAppListeners.add(listener);
      return () => openAppListeners.delete(listener);
    },
    openApp(path) {
      openAppListeners.forEach((listener) => listener(path));
    },
    scanQrCode: () => Promise.reject(new Error("not in tests")),
    getPhoneToken: () => Promise.reject(new Error("not in tests")),
    followOa: () => Promise.reject(new Error("not in tests")),
    allowOaMessages: () => Promise.reject(new Error("not in tests")),
    openChat: () => Promise.reject(new Error("not in tests")),
    ...overrides,
  };
  return platform;
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}
