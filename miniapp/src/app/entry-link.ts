import { parseEntryParams, type EntryTarget } from "@motcua/contracts/entry-link";
import { dossierRoute } from "../features/dossier";
import { pathWithId, routePaths } from "./route-paths";

export { parseEntryParams, type EntryTarget };

/**
 * Where a link that opens the Mini App leads. The links and their parameters (`hs` + `k`, `pakn`, `tb`) are
 * `@motcua/contracts/entry-link`, which the backend builds them with.
 *
 * How the query reaches the app (reference/zalo-platform.md §1.4): Zalo's docs give the link form
 * `https://zalo.me/s/{appId}/?variable=value` and read it with `getRouteParams()`, which parses
 * `location.search` [V]; when the app is re-opened from the background, the OpenApp event carries the path
 * (with its query). Both reach the router's location, which is what this module is given. UNCONFIRMED: the
 * exact rewrite of `zalo.me/s/<id>/?q` into the in-app URL (whether Zalo adds parameters of its own, or a
 * `/zapps/<id>` prefix). Hence: unknown parameters are ignored, and open-app-path.ts drops the prefix. With no
 * valid parameter the app stays where it is (the home page).
 */
export function entryTargetRoute(target: EntryTarget): string {
  switch (target.kind) {
    case "dossier":
      return dossierRoute(target.code, target.receiptSignature);
    case "feedback_thread":
      return pathWithId(routePaths.feedbackThread, target.id);
    case "announcement":
      return pathWithId(routePaths.announcement, target.id);
  }
}

/**
 * On a cold open: the parameters Zalo's `getRouteParams()` gives first (the official reader of the deep link's
 * query), then the location's query (the two may differ: whether Zalo puts them in `location.search` is open).
 */
export function entryRouteOnOpen(routeParams: Record<string, string>, search: string): string | undefined {
  const target = parseEntryParams(new URLSearchParams(routeParams));
  return target ? entryTargetRoute(target) : entryRouteFromSearch(search);
}

/** The route an entry URL's query (`?hs=…`, `?pakn=…`, `?tb=…`) leads to, or undefined to stay. */
export function entryRouteFromSearch(search: string): string | undefined {
  const target = parseEntryParams(new URLSearchParams(search));
  return target ? entryTargetRoute(target) : undefined;
}
