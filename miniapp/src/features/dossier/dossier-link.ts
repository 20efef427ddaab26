import { dossierCodeFromPathSegment, dossierCodeToPathSegment } from "@motcua/contracts/dossier-code";
import { routePaths } from "../../app/route-paths";

export { dossierCodeFromPathSegment, dossierCodeToPathSegment };

/** The Mini App route of a dossier; `k` (the receipt signature) opens the owner view. */
export function dossierRoute(code: string, receiptSignature?: string): string {
  const path = routePaths.dossier.replace(":code", dossierCodeToPathSegment(code));
  return receiptSignature ? `${path}?${new URLSearchParams({ k: receiptSignature }).toString()}` : path;
}
