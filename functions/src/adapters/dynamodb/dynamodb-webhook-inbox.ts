import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { CitizenMessage, WebhookInbox } from "../../ports/webhook-inbox.js";
import { itemTypes, keys } from "./keys.js";

/** Zalo retries for about two hours; markers live a week (TTL). */
const markerLifetimeSeconds = 7 * 24 * 60 * 60;

export class DynamoDbWebhookInbox implements WebhookInbox {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async wasProcessed(eventKey: string): Promise<boolean> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: keys.webhookMarker(eventKey), ProjectionExpression: "PK" }),
    );
    return result.Item !== undefined;
  }

  async markProcessed(eventKey: string, at: Date): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.webhookMarker(eventKey),
          type: itemTypes.webhookMarker,
          processedAt: at.toISOString(),
          expiresAt: Math.floor(at.getTime() / 1000) + markerLifetimeSeconds,
        },
      }),
    );
  }

  async saveCitizenMessage(message: CitizenMessage): Promise<"saved" | "duplicate"> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.citizenInboxMessage(message.zaloAppUserId, message.at, message.msgId), type: itemTypes.citizenInboxMessage, ...message },
          ConditionExpression: "attribute_not_exists(PK)",
        }),
      );
      return "saved";
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return "duplicate";
      throw error;
    }
  }
}
