import { startEarlyLookup } from "../features/dossier";
import type { ApiClient } from "../shared/api/api-client";
import { entryTargetRoute, parseEntryParams, type EntryTarget } from "./entry-link";

/** The entry link the app was opened with (`?hs=…&k=…`, `?pakn=…`, `?tb=…`), read from the page's own URL. */
export function entryTargetOfPage(search: string): EntryTarget | undefined {
  return parseEntryParams(new URLSearchParams(search));
}

/**
 * A cold open by an entry link goes straight to the page it leads to, before the router starts: the router's first
 * location is that page (no home page drawn and left at once), and a dossier link's lookup is asked for now, while
 * the page's code is still loading. The link's URL is replaced, as AppLayout's own redirect would (no back step);
 * AppLayout still handles a link that only Zalo's route parameters carry, and links that re-open a running app.
 */
export function startAtEntryLink(
  target: EntryTarget,
  { apiClient, basename, history }: { apiClient: ApiClient; basename: string; history: Pick<History, "replaceState"> },
): void {
  if (target.kind === "dossier") startEarlyLookup(apiClient, target.code, target.receiptSignature);
  history.replaceState(null, "", `${basename}${entryTargetRoute(target)}`);
}
