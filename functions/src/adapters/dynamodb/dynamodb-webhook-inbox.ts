import type { CitizenMessage, WebhookInbox } from "../../ports/webhook-inbox.js";
import { itemTypes, keys } from "./keys.js";
import { unlessConditionFails, type Table } from "./table.js";

/** Zalo retries for about two hours; markers live a week (TTL). */
const markerLifetimeSeconds = 7 * 24 * 60 * 60;

export class DynamoDbWebhookInbox implements WebhookInbox {
  constructor(private readonly table: Table) {}

  async wasProcessed(eventKey: string): Promise<boolean> {
    return (await this.table.get(keys.webhookMarker(eventKey), { ProjectionExpression: "PK" })) !== null;
  }

  async markProcessed(eventKey: string, at: Date): Promise<void> {
    await this.table.put({
      ...keys.webhookMarker(eventKey),
      type: itemTypes.webhookMarker,
      processedAt: at.toISOString(),
      expiresAt: Math.floor(at.getTime() / 1000) + markerLifetimeSeconds,
    });
  }

  async saveCitizenMessage(message: CitizenMessage): Promise<"saved" | "duplicate"> {
    const saved = await unlessConditionFails(
      this.table.put(
        { ...keys.citizenInboxMessage(message.zaloAppUserId, message.at, message.msgId), type: itemTypes.citizenInboxMessage, ...message },
        { ConditionExpression: "attribute_not_exists(PK)" },
      ),
    );
    return saved === null ? "duplicate" : "saved";
  }
}
