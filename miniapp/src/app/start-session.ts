// Not the feature's index: this module is in the small start script, which must not carry the feature's components.
import { startEarlyLookup } from "../features/dossier/early-lookup";
import type { ZaloPlatform } from "../platform";
import { createApiClient, type ApiClient } from "../shared/api/api-client";
import { appConfig } from "./config";
import { entryTargetOfPage } from "./entry-start";
import { loadPlatform } from "./load-platform";

export interface AppSession {
  platform: ZaloPlatform;
  apiClient: ApiClient;
}

export interface SessionParts {
  platform: Promise<ZaloPlatform>;
  apiUrl: string;
  fetch?: typeof globalThis.fetch;
}

/**
 * The API client on the platform's token; a cold open by a dossier link (`search` holds `hs=…`) also asks for that
 * dossier as soon as the platform is there, before any page is drawn.
 */
export async function openSession(search: string, parts: SessionParts): Promise<AppSession> {
  const entryTarget = entryTargetOfPage(search);
  const platform = await parts.platform;
  const apiClient = createApiClient({ baseUrl: parts.apiUrl, auth: platform, ...(parts.fetch ? { fetch: parts.fetch } : {}) });
  if (entryTarget?.kind === "dossier") startEarlyLookup(apiClient, entryTarget.code, entryTarget.receiptSignature);
  return { platform, apiClient };
}

let started: Promise<AppSession> | undefined;

/**
 * The page's one session. Inside Zalo the small start script that app-config.json has Zalo load beside the entry
 * (src/zalo-start.ts) calls this first, so the token exchange and an entry link's lookup travel while the entry is
 * still downloading; the entry then gets the same session. The link is read at the first call, before the entry
 * replaces the page's URL with the linked page's route.
 */
export function startSession(): Promise<AppSession> {
  started ??= openSession(window.location.search, { platform: loadPlatform(), apiUrl: appConfig.apiUrl });
  return started;
}
