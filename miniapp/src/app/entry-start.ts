import { entryTargetRoute, parseEntryParams, type EntryTarget } from "./entry-link";

/** The entry link the app was opened with (`?hs=…&k=…`, `?pakn=…`, `?tb=…`), read from the page's own URL. */
export function entryTargetOfPage(search: string): EntryTarget | undefined {
  return parseEntryParams(new URLSearchParams(search));
}

/**
 * A cold open by an entry link goes straight to the page it leads to, before the router starts: the router's first
 * location is that page (no home page drawn and left at once); a dossier link's lookup was already asked for when the
 * session started (start-session.ts). The link's URL is replaced, as AppLayout's own redirect would (no back step);
 * AppLayout still handles a link that only Zalo's route parameters carry, and links that re-open a running app.
 */
export function startAtEntryLink(target: EntryTarget, { basename, history }: { basename: string; history: Pick<History, "replaceState"> }): void {
  history.replaceState(null, "", `${basename}${entryTargetRoute(target)}`);
}
