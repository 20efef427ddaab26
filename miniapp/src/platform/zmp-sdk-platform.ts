import type * as ZmpSdkApisModule from "zmp-sdk/apis";
import { vi } from "../copy/vi";
import { PlatformError, searchParamsToRecord, type ZaloPlatform } from "./zalo-platform";
import type * as ZmpSdkStartApisModule from "./zmp-sdk-start-apis";

type ZmpSdkApis = typeof ZmpSdkApisModule;
type ZmpSdkStartApis = typeof ZmpSdkStartApisModule;

export interface ZmpSdkLoaders {
  /** The token, route params and events: what a start needs, without the whole SDK. */
  startApis: () => Promise<ZmpSdkStartApis>;
  /** The whole SDK, for the rest (scan, phone, OA). */
  sdk: () => Promise<ZmpSdkApis>;
}

const sdkModules: ZmpSdkLoaders = {
  startApis: () => import("./zmp-sdk-start-apis"),
  sdk: () => import("zmp-sdk/apis"),
};

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
 * The adapter used inside Zalo. zmp-sdk is imported on first use, because importing `zmp-sdk/apis` calls login(); a
 * start (token, link, re-open events) takes only the per-API files it needs, the rest loads with the first other call.
 * Calls are awaited and never given success/fail callbacks: with callbacks the promise never settles.
 */
export function createZmpSdkPlatform(loaders: ZmpSdkLoaders = sdkModules): ZaloPlatform {
  let sdk: Promise<ZmpSdkApis> | undefined;
  let startSdk: Promise<ZmpSdkStartApis> | undefined;
  const apis = () => (sdk ??= loaders.sdk());
  const startApis = () => (startSdk ??= loaders.startApis());

  async function call<A, T>(load: () => Promise<A>, run: (apis: A) => Promise<T>): Promise<T> {
    try {
      return await run(await load());
    } catch (error) {
      throw toPlatformError(error);
    }
  }

  return {
    async getAccessToken() {
      const token = await call(startApis, (s) => s.getAccessToken());
      if (!token) throw new PlatformError("unsupported", vi.platform.noToken);
      return token;
    },
    forgetAccessToken() {
      // Zalo hands out its current token on every call; there is nothing cached on our side.
    },
    async getRouteParams() {
      // Zalo's documented reader of the deep link's query first (reference §9); the URL if the SDK cannot load.
      try {
        return (await startApis()).getRouteParams();
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
      void startApis().then((s) => {
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
      const { content } = await call(apis, (s) => s.scanQRCode());
      return content;
    },
    async getPhoneToken() {
      const { token } = await call(apis, (s) => s.getPhoneNumber());
      if (!token) throw new PlatformError("unsupported");
      return token;
    },
    async followOa(oaId) {
      await call(apis, (s) => s.followOA({ id: oaId }));
    },
    async allowOaMessages(oaId) {
      await call(apis, (s) => s.interactOA({ oaId }));
    },
    async openChat(oaId) {
      await call(apis, (s) => s.openChat({ id: oaId, type: "oa" }));
    },
  };
}
