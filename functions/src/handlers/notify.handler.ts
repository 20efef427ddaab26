import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { isDue } from "../domain/outbox.js";
import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import type { NotifyStreamDecoder } from "../ports/notify-stream.js";
import type { DeliveryResult } from "../use-cases/deliver-notification.js";

export interface NotifyHandlerDeps {
  /** Reads each record's new image (the table's item layout is the adapter's business). */
  decode: NotifyStreamDecoder;
  deliver: (outboxId: string) => Promise<DeliveryResult>;
  clock: Clock;
  /** Outbox items of one batch sent side by side (the pacer still spaces the calls to Zalo). */
  concurrency: number;
  log: Logger;
  /** Writes the next page of an announcement's fan-out (its job item's stream records drive it). */
  fanOutStep?: (announcementId: string) => Promise<unknown>;
}

/**
 * The table's stream → the notify function (in AWS an event source mapping with ReportBatchItemFailures;
 * locally the stream poller). Acts on outbox items that are due: new ones, ones woken after quiet hours,
 * and ones whose sender's lease expired. A record whose delivery throws is reported as a batch item failure.
 */
export function buildNotifyHandler(deps: NotifyHandlerDeps) {
  const { log } = deps;
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const now = deps.clock.now();
    type Work = { record: DynamoDBRecord; id: string; kind: "outbox" | "fanout" };
    const due: Work[] = event.Records.flatMap((record): Work[] => {
      const work = deps.decode(record);
      if (work?.kind === "outbox") return isDue(work.item, now) ? [{ record, id: work.item.id, kind: "outbox" }] : [];
      if (work?.kind === "fanout" && deps.fanOutStep) return [{ record, id: work.announcementId, kind: "fanout" }];
      return [];
    });
    const failed = new Set<DynamoDBRecord>();
    let next = 0;
    const worker = async () => {
      while (next < due.length) {
        const { record, id, kind } = due[next++]!;
        try {
          if (kind === "fanout") {
            await deps.fanOutStep!(id);
            continue;
          }
          const result = await deps.deliver(id);
          if (result !== "sent" && result !== "skipped") log.warn("outbox item not sent", { outboxId: id, result });
        } catch (error) {
          const subject = kind === "fanout" ? { announcementId: id } : { outboxId: id };
          log.error(`${kind === "fanout" ? "fan-out step" : "outbox delivery"} failed; the batch will be retried`, { ...subject, error: String(error) });
          failed.add(record);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(deps.concurrency, due.length) }, worker));
    return {
      batchItemFailures: event.Records.filter((record) => failed.has(record)).map((record) => ({
        itemIdentifier: record.dynamodb?.SequenceNumber ?? "",
      })),
    };
  };
}
