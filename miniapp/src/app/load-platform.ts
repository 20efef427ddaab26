import type { ZaloPlatform } from "../platform";
import { appConfig, isZaloBuild } from "./config";

/**
 * The adapter is chosen by the build flag, never by sniffing the host. Both sit behind dynamic imports
 * so that each flavour's bundle carries only its own adapter.
 */
export async function loadPlatform(): Promise<ZaloPlatform> {
  if (isZaloBuild) {
    const { createZmpSdkPlatform } = await import("../platform/zmp-sdk-platform");
    return createZmpSdkPlatform();
  }
  const { createBrowserPlatform } = await import("../platform/browser-platform");
  return createBrowserPlatform({ zaloEmulatorUrl: appConfig.zaloEmulatorUrl });
}
