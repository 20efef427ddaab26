import type * as ZmpSdkApisModule from "zmp-sdk/apis";
import { vi } from "../copy/vi";
import { PlatformError, searchParamsToRecord, type ZaloPlatform } from "./zalo-platform";

type ZmpSdkApis = typeof ZmpSdkApisModule;

// zmp-sdk errors are plain {code, message} objects, not AppError instances.
const REFUSED_CODES = new Set([-201, -1401, -2002, -2003]);
const UNSUPPORTED_CODE = -1404;
const TOO_MANY_CALLS_CODE = -1409;

export function toPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  const code =
    typeof error === "object" && error !== null && "code" in error ? (error as { code: unknown }).code : undefined;
  if (typeof code !== "number") return new PlatformError("unknown");
  if (REFUSED_CODES.has(code)) return new PlatformError("refused");
  if (code === UNSUPPORTED_CODE) return new PlatformError("unsupported");
  if (code === TOO_MANY_CALLS_CODE) return new PlatformError("too_many_calls");
  return new PlatformError("unknown");
}

/**
 * The adapter used inside Zalo. zmp-sdk/apis is imported on first use, because importing it calls
 * login(). Calls are awaited and never given success/fail callbacks: with callbacks the promise never settles.
 */
export function createZmpSdkPlatform(
  loadSdk: () => Promise<ZmpSdkApis> = () => import("zmp-sdk/apis"),
): ZaloPlatform {
  let sdk: Promise<ZmpSdkApis> | undefined;
  const apis = () => (sdk ??= loadSdk());

  async function call<T>(run: (apis: ZmpSdkApis) => Promise<T>): Promise<T> {
    try {
      return await run(await apis());
    } catch (error) {
      throw toPlatformError(error);
    }
  }

  return {
    async getAccessToken() {
      const token = await call((s) => s.getAccessToken());
      if (!token) throw new PlatformError("unsupported", vi.platform.noToken);
      return token;
    },
    forgetAccessToken() {
      // Zalo hands out its current token on every call; there is nothing cached on our side.
    },
    async getRouteParams() {
      // Zalo's documented reader of the deep link's query first (reference §9); the URL if the SDK cannot load.
      try {
        return (await apis()).getRouteParams();
      } catch {
        return searchParamsToRecord(window.location.search);
      }
    },
    onOpenApp(listener) {
      let unsubscribe: (() => void) | undefined;
      let cancelled = false;
      const handler = (data: unknown) => {
        const path = typeof data === "object" && data !== null ? (data as { path?: unknown }).path : undefined;
        if (typeof path === "string" && path) listener(path);
      };
      void apis().then((s) => {
        if (cancelled) return;
        s.events.on(s.EventName.OpenApp, handler);
        unsubscribe = () => s.events.off(s.EventName.OpenApp, handler);
      });
      return () => {
        cancelled = true;
        unsubscribe?.();
      };
    },
    async scanQrCode() {
      const { content } = await call((s) => s.scanQRCode());
      return content;
    },
    async getPhoneToken() {
      const { token } = await call((s) => s.getPhoneNumber());
      if (!token) throw new PlatformError("unsupported");
      return token;
    },
    async followOa(oaId) {
      await call((s) => s.followOA({ id: oaId }));
    },
    async allowOaMessages(oaId) {
      await call((s) => s.interactOA({ oaId }));
    },
    async openChat(oaId) {
      await call((s) => s.openChat({ id: oaId, type: "oa" }));
    },
  };
}
