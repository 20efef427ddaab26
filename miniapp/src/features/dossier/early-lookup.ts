import type { ApiClient } from "../../shared/api/api-client";
import { fetchDossier } from "./dossier-api";
import type { DossierView } from "./dossier-view";

/** The key a dossier load is known by: the same code with the same receipt signature is the same answer. */
export function dossierLoadKey(code: string, receiptSignature: string | undefined): string {
  return `${code}|${receiptSignature ?? ""}`;
}

let early: { key: string; result: Promise<DossierView>; answer?: DossierView } | undefined;

/**
 * A link that opens a dossier (`?hs=…&k=…`) asks for it as soon as the app has its token, while the dossier page's
 * code is still on its way: the page then takes this answer instead of asking again (`takeEarlyLookup`).
 */
export function startEarlyLookup(client: ApiClient, code: string, receiptSignature: string | undefined): void {
  const result = fetchDossier(client, { code, receiptSignature });
  // A failure is the page's to show, when it takes the answer; until then it is not an unhandled rejection.
  result.catch(() => undefined);
  const started: NonNullable<typeof early> = { key: dossierLoadKey(code, receiptSignature), result };
  result.then((dossier) => (started.answer = dossier), () => undefined);
  early = started;
}

/**
 * The early lookup's answer for this key if it has already come (and was not yet used): the page can then draw the
 * dossier in its first render instead of a loading state first. It still takes the answer (`takeEarlyLookup`).
 */
export function arrivedEarlyLookup(key: string): DossierView | undefined {
  return early?.key === key ? early.answer : undefined;
}

/**
 * The early answer for this key, if one was started and not yet used: the first load of the page that settles with
 * it (not aborted) lets it go, so a retry or a later visit asks the API again.
 */
export function takeEarlyLookup(key: string): { result: Promise<DossierView>; release(): void } | undefined {
  const current = early;
  if (!current || current.key !== key) return undefined;
  return {
    result: current.result,
    release() {
      if (early === current) early = undefined;
    },
  };
}

