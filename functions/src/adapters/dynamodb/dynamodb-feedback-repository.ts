import { ConditionalCheckFailedException, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { FeedbackMessage, FeedbackState, FeedbackThread } from "../../domain/feedback.js";
import type { FeedbackRepository, FeedbackThreadWithMessages } from "../../ports/feedback-repository.js";
import { messageFromItem, messageToItem, threadFromItem, threadToItem } from "./feedback-items.js";
import { itemTypes, keys } from "./keys.js";
import { queryAllPages } from "./query-all-pages.js";

const mustBeNew = { ConditionExpression: "attribute_not_exists(PK)" };

export class DynamoDbFeedbackRepository implements FeedbackRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(thread: FeedbackThread, message: FeedbackMessage): Promise<"created" | "duplicate"> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: threadToItem(thread), ...mustBeNew } },
            { Put: { TableName: this.tableName, Item: messageToItem(message), ...mustBeNew } },
          ],
        }),
      );
      return "created";
    } catch (error) {
      if (error instanceof TransactionCanceledException) return "duplicate";
      throw error;
    }
  }

  async get(id: string, options?: { consistent?: boolean }): Promise<FeedbackThreadWithMessages | null> {
    const items = await queryAllPages(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: { ":pk": keys.feedbackCollection(id) },
      ConsistentRead: options?.consistent ?? false,
    });
    const threadItem = items.find((item) => item.type === itemTypes.feedbackThread);
    if (!threadItem) return null;
    // `MSG#<at>#<id>` sort keys: the collection comes back oldest first.
    const messages = items.filter((item) => item.type === itemTypes.feedbackMessage).map(messageFromItem);
    return { thread: threadFromItem(threadItem), messages };
  }

  async append(thread: FeedbackThread, expectedVersion: number, message: FeedbackMessage): Promise<"saved" | "conflict" | "duplicate"> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: threadToItem(thread),
                ConditionExpression: "version = :expected",
                ExpressionAttributeValues: { ":expected": expectedVersion },
              },
            },
            { Put: { TableName: this.tableName, Item: messageToItem(message), ...mustBeNew } },
          ],
        }),
      );
      return "saved";
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const failed = (error.CancellationReasons ?? []).map((reason) => reason.Code === "ConditionalCheckFailed");
      if (failed[1]) return "duplicate";
      if (failed[0]) return "conflict";
      throw error;
    }
  }

  async listByCitizen(zaloAppUserId: string, limit: number): Promise<FeedbackThread[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk",
        ExpressionAttributeValues: { ":pk": keys.feedbackByCitizenPartition(zaloAppUserId) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map(threadFromItem);
  }

  async listByState(state: FeedbackState, limit: number): Promise<FeedbackThread[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: "GSI2",
        KeyConditionExpression: "GSI2PK = :pk",
        ExpressionAttributeValues: { ":pk": keys.feedbackByStatePartition(state) },
        ScanIndexForward: true,
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map(threadFromItem);
  }

  async setHelpful(message: Pick<FeedbackMessage, "threadId" | "messageId" | "at">, helpful: boolean): Promise<"saved" | "not_staff_message"> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.feedbackMessage(message.threadId, message.at, message.messageId),
          UpdateExpression: "SET helpful = :helpful",
          ConditionExpression: "attribute_exists(PK) AND author = :staff",
          ExpressionAttributeValues: { ":helpful": helpful, ":staff": "staff" },
        }),
      );
      return "saved";
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return "not_staff_message";
      throw error;
    }
  }
}
