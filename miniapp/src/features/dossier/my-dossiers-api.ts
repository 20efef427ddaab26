import type { ApiClient } from "../../shared/api/api-client";
import type { DossierSummary } from "@motcua/contracts/dossier-view";
import { parseDossierView } from "./dossier-view";

export type { DossierSummary };

export interface MyDossiersPage {
  dossiers: DossierSummary[];
  nextCursor: string | null;
}

export function parseMyDossiersPage(body: unknown): MyDossiersPage {
  if (typeof body !== "object" || body === null) throw new TypeError("page: object expected");
  const { dossiers, nextCursor } = body as { dossiers?: unknown; nextCursor?: unknown };
  if (!Array.isArray(dossiers)) throw new TypeError("dossiers: array expected");
  if (nextCursor !== null && typeof nextCursor !== "string") throw new TypeError("nextCursor: string or null expected");
  return {
    dossiers: dossiers.map((item) => {
      const { timeline: _timeline, ...summary } = parseDossierView({ ...(item as object), timeline: [] });
      return summary;
    }),
    nextCursor,
  };
}

/** GET /v1/me/dossiers: the dossiers of the citizen's verified phone, newest first. */
export function fetchMyDossiers(client: ApiClient, cursor: string | null, signal?: AbortSignal): Promise<MyDossiersPage> {
  return client.getJson("/v1/me/dossiers", {
    query: { cursor: cursor ?? undefined },
    ...(signal ? { signal } : {}),
    parse: parseMyDossiersPage,
  });
}
