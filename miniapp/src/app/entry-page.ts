import type { EntryTarget } from "./entry-link";

/** The dossier page: where most links citizens get lead (the receipt QR, every message). */
export const loadDossierPage = () => import("../pages/dossier/dossier-page");

/**
 * Starts fetching the chunk of the page an entry link opens, before the router enters it: the router's own import of
 * that page then gets the same module, already on its way.
 */
export function preloadEntryPage(target: EntryTarget): void {
  if (target.kind === "dossier") void loadDossierPage().catch(() => undefined);
}
