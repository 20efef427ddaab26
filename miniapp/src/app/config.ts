// The only module that reads import.meta.env. Checked once, when the app starts.
export type PlatformFlavour = "zalo" | "browser";

export interface AppConfig {
  apiUrl: string;
  zaloEmulatorUrl: string;
  platform: PlatformFlavour;
  isZaloBuild: boolean;
  miniAppId: string | undefined;
  /** The Official Account citizens follow to get messages (VITE_ZALO_OA_ID). */
  oaId: string | undefined;
}

function readUrl(name: string, value: string | undefined, fallback: string): string {
  const url = value?.trim() || fallback;
  if (!/^https?:\/\/[^/]+/.test(url)) throw new Error(`${name} must be an http(s) URL, got "${url}"`);
  return url.replace(/\/+$/, "");
}

function readPlatform(value: string | undefined): PlatformFlavour {
  const platform = value?.trim() || "browser";
  if (platform !== "zalo" && platform !== "browser") {
    throw new Error(`VITE_PLATFORM must be "zalo" or "browser", got "${platform}"`);
  }
  return platform;
}

// Compared as a literal so that the bundler drops the other flavour's adapter.
export const isZaloBuild = import.meta.env.VITE_PLATFORM === "zalo";

export const isProductionBuild = import.meta.env.PROD;

export const appConfig: AppConfig = {
  apiUrl: readUrl("VITE_API_URL", import.meta.env.VITE_API_URL, "http://localhost:8787"),
  zaloEmulatorUrl: readUrl("VITE_ZALO_EMULATOR_URL", import.meta.env.VITE_ZALO_EMULATOR_URL, "http://localhost:8788"),
  platform: readPlatform(import.meta.env.VITE_PLATFORM),
  isZaloBuild,
  miniAppId: import.meta.env.VITE_MINI_APP_ID?.trim() || undefined,
  oaId: import.meta.env.VITE_ZALO_OA_ID?.trim() || undefined,
};
