import type { QuotaReading } from "../domain/daily-quota.js";
import type { DeliveryChannel } from "../domain/outbox.js";

/** The latest daily quota reported per send channel: one small item each. */
export interface SendQuotaStore {
  /** 1 GetItem. */
  get(channel: DeliveryChannel): Promise<QuotaReading | null>;
  /**
   * 1 conditional Put: a reading replaces the recorded one only when it is of a later day, changes the daily quota,
   * or has less remaining (within a day the remaining quota only falls), so senders racing never move it back.
   */
  record(reading: QuotaReading): Promise<void>;
}
