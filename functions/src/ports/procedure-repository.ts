import type { Procedure } from "../domain/procedure.js";

export interface ProcedureRepository {
  /** Creates or replaces procedures by code: BatchWriteItem, 25 at a time. */
  upsertMany(procedures: readonly Procedure[]): Promise<void>;
  /** The whole catalogue (a few thousand items): Query GSI1 `PROCEDURES`, paginated. */
  listAll(): Promise<Procedure[]>;
}
