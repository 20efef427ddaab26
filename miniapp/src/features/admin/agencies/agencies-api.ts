import type { ApiClient } from "../../../shared/api/api-client";

export interface AgencyChoice {
  code: string;
  /** Null for an agency no dossier has named yet: shown by its code. */
  name: string | null;
}

/** Checks the shape of `GET /v1/admin/agencies`. */
export function parseAgencyChoices(body: unknown): AgencyChoice[] {
  const agencies = (body as { agencies?: unknown } | null)?.agencies;
  if (!Array.isArray(agencies)) throw new Error("not an agency list");
  return agencies.map((agency: unknown) => {
    const { code, name } = (agency ?? {}) as { code?: unknown; name?: unknown };
    if (typeof code !== "string" || !(name === null || typeof name === "string")) throw new Error("not an agency");
    return { code, name };
  });
}

export function fetchAgencyChoices(client: ApiClient, signal?: AbortSignal): Promise<AgencyChoice[]> {
  return client.getJson("/v1/admin/agencies", { parse: parseAgencyChoices, ...(signal ? { signal } : {}) });
}
