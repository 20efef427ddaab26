import { createContext, useContext, type ReactNode } from "react";
import type { ZaloPlatform } from "./zalo-platform";

const PlatformContext = createContext<ZaloPlatform | undefined>(undefined);

export function PlatformProvider({ platform, children }: { platform: ZaloPlatform; children: ReactNode }) {
  return <PlatformContext.Provider value={platform}>{children}</PlatformContext.Provider>;
}

export function usePlatform(): ZaloPlatform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error("usePlatform must be used inside PlatformProvider");
  return platform;
}
