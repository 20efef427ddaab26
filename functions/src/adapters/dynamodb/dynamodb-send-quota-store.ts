import * as z from "zod/mini";
import type { QuotaReading } from "../../domain/daily-quota.js";
import type { DeliveryChannel } from "../../domain/outbox.js";
import type { SendQuotaStore } from "../../ports/send-quota-store.js";
import { itemTypes, keys } from "./keys.js";
import { unlessConditionFails, type Table } from "./table.js";

const sendQuotaItemSchema = z.lazy(() => z.object({
  type: z.literal(itemTypes.sendQuota),
  channel: z.enum(["oa_template", "zns"]),
  day: z.iso.date(),
  dailyQuota: z.number().check(z.int(), z.nonnegative()),
  remainingQuota: z.number().check(z.int(), z.nonnegative()),
  updatedAt: z.string().check(z.minLength(20)),
}));

/** `SEND_QUOTA#<channel>`: one item per channel, written only when a reading is worth it (domain/daily-quota.ts). */
export class DynamoDbSendQuotaStore implements SendQuotaStore {
  constructor(private readonly table: Table) {}

  async get(channel: DeliveryChannel): Promise<QuotaReading | null> {
    const item = await this.table.get(keys.sendQuota(channel));
    if (!item) return null;
    const { type: _type, ...reading } = sendQuotaItemSchema.parse(item);
    return reading;
  }

  async record(reading: QuotaReading): Promise<void> {
    // Refused when the stored reading is newer: a later day, or this day with no more remaining (never moved back).
    await unlessConditionFails(
      this.table.put({ ...keys.sendQuota(reading.channel), type: itemTypes.sendQuota, ...reading }, {
        ConditionExpression:
          "attribute_not_exists(PK) OR #day < :day OR (#day = :day AND (dailyQuota <> :daily OR remainingQuota > :remaining))",
        ExpressionAttributeNames: { "#day": "day" },
        ExpressionAttributeValues: { ":day": reading.day, ":daily": reading.dailyQuota, ":remaining": reading.remainingQuota },
      }),
    );
  }
}
