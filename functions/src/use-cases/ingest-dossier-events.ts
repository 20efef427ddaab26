import type { IncomingDossierEvent } from "../domain/dossier.js";
import type { ApplyEventResult } from "./apply-dossier-event.js";

export interface IncomingEventWithHash {
  event: IncomingDossierEvent;
  payloadHash: string;
}

/** Dossiers are independent, so a batch is applied a few dossiers at a time; one dossier's events in order. */
const dossiersInParallel = 8;

/**
 * Applies a batch of events. Events of the same dossier are applied one after another in the order sent;
 * results come back in the order of the batch.
 */
export function ingestDossierEventsUseCase(
  applyEvent: (event: IncomingDossierEvent, payloadHash: string) => Promise<ApplyEventResult>,
) {
  return async function ingest(batch: readonly IncomingEventWithHash[]): Promise<ApplyEventResult[]> {
    const results: ApplyEventResult[] = new Array(batch.length);
    const byDossier = new Map<string, number[]>();
    batch.forEach((item, index) => {
      const positions = byDossier.get(item.event.code) ?? [];
      positions.push(index);
      byDossier.set(item.event.code, positions);
    });
    const queues = [...byDossier.values()];
    const worker = async () => {
      for (let positions = queues.shift(); positions; positions = queues.shift()) {
        for (const index of positions) {
          const item = batch[index]!;
          results[index] = await applyEvent(item.event, item.payloadHash);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(dossiersInParallel, queues.length) }, worker));
    return results;
  };
}
