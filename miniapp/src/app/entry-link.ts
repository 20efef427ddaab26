import { checkDossierCode, dossierCodeFromPathSegment, dossierRoute } from "../features/dossier";
import { pathWithId, routePaths } from "./route-paths";

/**
 * The one reader of the parameters a link opens the Mini App with. Every link the backend sends is
 * `https://zalo.me/s/<MINI_APP_ID>/?<one entry parameter>` (functions/src/composition/compose.ts):
 *
 * | parameter | sent in | opens |
 * |---|---|---|
 * | `hs=<code>&k=<sig>` | the receipt QR, every dossier message (updates, rating invitation, overdue) | the dossier (owner view with `k`) |
 * | `pakn=<threadId>` | a staff answer to the citizen's question (feedback_reply) | the citizen's thread (the API answers 404 for another's) |
 * | `tb=<announcementId>` | an announcement | the announcement |
 *
 * How the query reaches the app (reference/zalo-platform.md §1.4): Zalo's docs give the link form
 * `https://zalo.me/s/{appId}/?variable=value` and read it with `getRouteParams()`, which parses
 * `location.search` [V]; when the app is re-opened from the background, the OpenApp event carries the path
 * (with its query). Both reach the router's location, which is what this module is given. UNCONFIRMED: the
 * exact rewrite of `zalo.me/s/<id>/?q` into the in-app URL (whether Zalo adds parameters of its own, or a
 * `/zapps/<id>` prefix). Hence: unknown parameters are ignored, and open-app-path.ts drops the prefix.
 *
 * Precedence when several are present: `hs`, then `pakn`, then `tb` (the signed, personal link first; the
 * public announcement last). A value that is not valid counts as absent, so the next one is used; with none
 * valid the app stays where it is (the home page).
 */
export type EntryTarget =
  | { kind: "dossier"; code: string; receiptSignature?: string }
  | { kind: "feedback_thread"; id: string }
  | { kind: "announcement"; id: string };

/** Announcement and thread ids: the charset and length the API accepts (idPattern in the citizen routes). */
const entryIdPattern = /^[A-Za-z0-9_-]{1,100}$/u;

function entryId(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value !== null && entryIdPattern.test(value) ? value : undefined;
}

function dossierTarget(params: URLSearchParams): EntryTarget | undefined {
  const hs = params.get("hs");
  if (!hs) return undefined;
  const check = checkDossierCode(dossierCodeFromPathSegment(hs));
  if (!check.ok) return undefined;
  const k = params.get("k");
  return k ? { kind: "dossier", code: check.code, receiptSignature: k } : { kind: "dossier", code: check.code };
}

export function parseEntryParams(params: URLSearchParams): EntryTarget | undefined {
  const dossier = dossierTarget(params);
  if (dossier) return dossier;
  const threadId = entryId(params, "pakn");
  if (threadId) return { kind: "feedback_thread", id: threadId };
  const announcementId = entryId(params, "tb");
  if (announcementId) return { kind: "announcement", id: announcementId };
  return undefined;
}

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
