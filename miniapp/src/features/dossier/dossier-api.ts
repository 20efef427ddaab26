import type { ApiClient } from "../../shared/api/api-client";
import { dossierCodeToPathSegment } from "./dossier-link";
import { parseDossierView, type DossierView } from "./dossier-view";

export function fetchDossier(
  client: ApiClient,
  request: { code: string; receiptSignature?: string | undefined; signal?: AbortSignal },
): Promise<DossierView> {
  return client.getJson(`/v1/dossiers/${dossierCodeToPathSegment(request.code)}`, {
    query: { k: request.receiptSignature },
    ...(request.signal ? { signal: request.signal } : {}),
    parse: parseDossierView,
  });
}
