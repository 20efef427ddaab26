import { checkDossierCode } from "./dossier-code";

/** A code in a URL path: its "/" written "~" (outside the code alphabet, so reversible), the rest encoded. */
export function dossierCodeToPathSegment(code: string): string {
  return code.split("/").map(encodeURIComponent).join("~");
}

export function dossierCodeFromPathSegment(segment: string): string {
  return segment.replace(/~/g, "/");
}

/** The Mini App route of a dossier; `k` (the receipt signature) opens the owner view. */
export function dossierRoute(code: string, receiptSignature?: string): string {
  const path = `/dossiers/${dossierCodeToPathSegment(code)}`;
  return receiptSignature ? `${path}?${new URLSearchParams({ k: receiptSignature }).toString()}` : path;
}

/**
 * The route a receipt QR deep link (`?hs=<code>&k=<sig>`) leads to, or undefined when the params hold no
 * valid code. `hs` may carry the code with "/" or with "~".
 */
export function dossierRouteFromDeepLink(params: URLSearchParams): string | undefined {
  const hs = params.get("hs");
  if (!hs) return undefined;
  const check = checkDossierCode(dossierCodeFromPathSegment(hs));
  if (!check.ok) return undefined;
  return dossierRoute(check.code, params.get("k") ?? undefined);
}
