import { indexProcedures, searchProcedures, type IndexedProcedure, type Procedure } from "../domain/procedure.js";
import type { Clock } from "../ports/clock.js";
import type { ProcedureRepository } from "../ports/procedure-repository.js";

export interface ProcedureCatalogueDeps {
  procedures: ProcedureRepository;
  clock: Clock;
  /** How long a Lambda instance keeps its copy of the catalogue before reading it again. */
  cacheSeconds: number;
}

export const procedureSearchLimit = 20;

/**
 * The catalogue is small (a few thousand procedures, a few MB) and changes a few times a day, so each
 * Lambda instance reads it whole (one paginated Query of one partition) and searches it in memory; an
 * update through the signed endpoint is seen by other instances within `cacheSeconds`, at once by this one.
 */
export function procedureCatalogue(deps: ProcedureCatalogueDeps) {
  let cached: { index: IndexedProcedure[]; loadedAt: number } | undefined;
  let loading: Promise<IndexedProcedure[]> | undefined;

  async function index(): Promise<IndexedProcedure[]> {
    const now = deps.clock.now().getTime();
    if (cached && now - cached.loadedAt < deps.cacheSeconds * 1000) return cached.index;
    loading ??= deps.procedures
      .listAll()
      .then((all) => {
        const built = indexProcedures(all);
        cached = { index: built, loadedAt: now };
        return built;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  }

  return {
    /** `GET /v1/procedures?q=`: diacritics and case do not matter; an empty query lists the first procedures by name. */
    async search(query: string): Promise<Procedure[]> {
      return searchProcedures(await index(), query, procedureSearchLimit);
    },
    /** `PUT /v1/ingest/procedures`: the one-stop system creates, updates or abolishes procedures. */
    async update(procedures: readonly Procedure[]): Promise<void> {
      await deps.procedures.upsertMany(procedures);
      cached = undefined;
    },
  };
}
