import type { ApiClient } from "../../../shared/api/api-client";

export interface LateDossier {
  code: string;
  procedureName: string;
  agencyName: string;
  /** The due date on the receipt. */
  dueAt: string;
  /** The date it must now be returned by (moved by supplements or an apology); the list is sorted by it. */
  promisedDueAt: string;
  daysLate: number;
  apology: { newDueAt: string } | null;
}

export interface LateDossierPage {
  dossiers: LateDossier[];
  nextCursor: string | null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Checks the shape of `GET /v1/admin/late-dossiers`. */
export function parseLateDossierPage(body: unknown): LateDossierPage {
  if (!isObject(body) || !Array.isArray(body.dossiers) || !(body.nextCursor === null || typeof body.nextCursor === "string")) {
    throw new Error("unexpected late-dossier list");
  }
  const dossiers = body.dossiers.map((row: unknown): LateDossier => {
    if (
      !isObject(row) ||
      typeof row.code !== "string" ||
      typeof row.procedureName !== "string" ||
      typeof row.agencyName !== "string" ||
      typeof row.dueAt !== "string" ||
      typeof row.promisedDueAt !== "string" ||
      typeof row.daysLate !== "number"
    ) {
      throw new Error("unexpected late dossier");
    }
    const apology = isObject(row.apology) && typeof row.apology.newDueAt === "string" ? { newDueAt: row.apology.newDueAt } : null;
    return { code: row.code, procedureName: row.procedureName, agencyName: row.agencyName, dueAt: row.dueAt, promisedDueAt: row.promisedDueAt, daysLate: row.daysLate, apology };
  });
  return { dossiers, nextCursor: body.nextCursor };
}

export function fetchLateDossiers(client: ApiClient, query: { agency?: string; cursor?: string }, signal?: AbortSignal): Promise<LateDossierPage> {
  return client.getJson("/v1/admin/late-dossiers", {
    query: { agency: query.agency, cursor: query.cursor },
    parse: parseLateDossierPage,
    ...(signal ? { signal } : {}),
  });
}
