import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import * as z from "zod/mini";
import type { QuotaReading } from "../../domain/daily-quota.js";
import type { DeliveryChannel } from "../../domain/outbox.js";
import type { SendQuotaStore } from "../../ports/send-quota-store.js";
import { itemTypes, keys } from "./keys.js";

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
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(channel: DeliveryChannel): Promise<QuotaReading | null> {
    const result = await this.client.send(new GetCommand({ TableName: this.tableName, Key: keys.sendQuota(channel) }));
    if (!result.Item) return null;
    const { type: _type, ...reading } = sendQuotaItemSchema.parse(result.Item);
    return reading;
  }

  async record(reading: QuotaReading): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.sendQuota(reading.channel), type: itemTypes.sendQuota, ...reading },
          ConditionExpression:
            "attribute_not_exists(PK) OR #day < :day OR (#day = :day AND (dailyQuota <> :daily OR remainingQuota > :remaining))",
          ExpressionAttributeNames: { "#day": "day" },
          ExpressionAttributeValues: { ":day": reading.day, ":daily": reading.dailyQuota, ":remaining": reading.remainingQuota },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
