import { routePaths } from "../../app/route-paths";

/** A code in a URL path: its "/" written "~" (outside the code alphabet, so reversible), the rest encoded. */
export function dossierCodeToPathSegment(code: string): string {
  return code.split("/").map(encodeURIComponent).join("~");
}

export function dossierCodeFromPathSegment(segment: string): string {
  return segment.replace(/~/g, "/");
}

/** The Mini App route of a dossier; `k` (the receipt signature) opens the owner view. */
export function dossierRoute(code: string, receiptSignature?: string): string {
  const path = routePaths.dossier.replace(":code", dossierCodeToPathSegment(code));
  return receiptSignature ? `${path}?${new URLSearchParams({ k: receiptSignature }).toString()}` : path;
}
