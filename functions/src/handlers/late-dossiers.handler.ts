import type { Logger } from "../ports/logger.js";
import type { LateDossierRun } from "../use-cases/late-dossiers.js";

export interface LateDossiersHandlerDeps {
  detectLateDossiers: () => Promise<LateDossierRun>;
  log: Logger;
}

/**
 * Scheduled (daily at 07:00 Vietnam time in AWS; at start and then daily in the local stack): marks the
 * dossiers whose promised return date passed without a result and tells each citizen once.
 */
export function buildLateDossiersHandler(deps: LateDossiersHandlerDeps) {
  return async (): Promise<{ marked: number; notified: number; days: number }> => {
    const run = await deps.detectLateDossiers();
    const summary = { marked: run.marked, notified: run.notified, days: run.days.length };
    deps.log.info("late dossiers", { ...summary, from: run.days[0] ?? null, to: run.days.at(-1) ?? null });
    return summary;
  };
}
