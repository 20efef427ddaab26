import type { EntryTarget } from "./entry-link";

/** The dossier page: where most links citizens get lead (the receipt QR, every message). */
export const loadDossierPage = () => import("../pages/dossier/dossier-page");

/** Pages an entry link opens, already loaded: the router draws them in its first render (no lazy step). */
export interface LoadedEntryPages {
  DossierPage?: React.ComponentType;
}

/**
 * Starts fetching the chunk of the page an entry link opens, before the router enters it. Resolves with that page
 * once loaded (nothing if it failed to load: the router's own lazy import then tries again).
 */
export async function preloadEntryPage(target: EntryTarget): Promise<LoadedEntryPages> {
  if (target.kind !== "dossier") return {};
  try {
    return { DossierPage: (await loadDossierPage()).DossierPage };
  } catch {
    return {};
  }
}
