import { ConditionalCheckFailedException, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient, type UpdateCommandOutput } from "@aws-sdk/lib-dynamodb";
import type { OutboxItem } from "../../domain/outbox.js";
import type { OutboxFinish, OutboxRepository } from "../../ports/outbox-repository.js";
import { keys } from "./keys.js";
import { outboxFromItem, outboxItemSchema } from "./outbox-items.js";

export class DynamoDbOutboxRepository implements OutboxRepository {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async acquire(id: string, owner: string, now: Date, leaseUntil: Date): Promise<OutboxItem | null> {
    const until = leaseUntil.toISOString();
    const result = await this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.outboxItem(id),
        UpdateExpression:
          "SET #state = :sending, leaseOwner = :owner, leaseUntil = :until, GSI1PK = :waitingPk, GSI1SK = :waitingSk REMOVE notBefore",
        ConditionExpression:
          "attribute_exists(PK) AND ((#state = :pending AND (attribute_not_exists(notBefore) OR notBefore <= :now)) " +
          "OR (#state = :sending AND leaseUntil < :now))",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: {
          ":sending": "sending",
          ":pending": "pending",
          ":owner": owner,
          ":until": until,
          ":now": now.toISOString(),
          ":waitingPk": keys.outboxWaiting(until, id).GSI1PK,
          ":waitingSk": keys.outboxWaiting(until, id).GSI1SK,
        },
        ReturnValues: "ALL_NEW",
      }),
    );
    return result?.Attributes ? outboxFromItem(result.Attributes) : null;
  }

  async finish(id: string, owner: string, attempts: number, result: OutboxFinish, at: Date, tally?: { announcementId: string }): Promise<boolean> {
    const outcome =
      result.state === "sent"
        ? { set: "zaloMessageId = :detail", detail: result.zaloMessageId }
        : { set: "reason = :detail", detail: result.reason };
    const update = {
      TableName: this.tableName,
      Key: keys.outboxItem(id),
      UpdateExpression:
        `SET #state = :state, attempts = :attempts, finishedAt = :at, channel = :channel, recipient = :recipient, ${outcome.set} ` +
        "REMOVE leaseOwner, leaseUntil, GSI1PK, GSI1SK",
      ConditionExpression: "#state = :sending AND leaseOwner = :owner",
      ExpressionAttributeNames: { "#state": "state" },
      ExpressionAttributeValues: {
        ":state": result.state,
        ":attempts": attempts,
        ":at": at.toISOString(),
        ":channel": result.channel,
        ":recipient": result.recipient,
        ":detail": outcome.detail,
        ":sending": "sending",
        ":owner": owner,
      },
    };
    if (!tally) return (await this.conditional(new UpdateCommand(update))) !== null;
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: update },
            {
              Update: {
                TableName: this.tableName,
                Key: keys.announcementTally(tally.announcementId),
                UpdateExpression: "ADD #counter :one",
                ExpressionAttributeNames: { "#counter": result.state },
                ExpressionAttributeValues: { ":one": 1 },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === "ConditionalCheckFailed") return false;
      throw error;
    }
  }

  async postpone(id: string, owner: string, attempts: number, notBefore: Date, reason: string): Promise<boolean> {
    const at = notBefore.toISOString();
    const written = await this.conditional(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.outboxItem(id),
        UpdateExpression:
          "SET #state = :pending, attempts = :attempts, notBefore = :at, reason = :reason, GSI1PK = :waitingPk, GSI1SK = :waitingSk " +
          "REMOVE leaseOwner, leaseUntil",
        ConditionExpression: "#state = :sending AND leaseOwner = :owner",
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: {
          ":pending": "pending",
          ":sending": "sending",
          ":owner": owner,
          ":attempts": attempts,
          ":at": at,
          ":reason": reason,
          ":waitingPk": keys.outboxWaiting(at, id).GSI1PK,
          ":waitingSk": keys.outboxWaiting(at, id).GSI1SK,
        },
      }),
    );
    return written !== null;
  }

  async wakeDue(now: Date, limit: number): Promise<number> {
    const nowIso = now.toISOString();
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :pk AND GSI1SK < :bound",
        ExpressionAttributeValues: { ":pk": keys.outboxWaitingPartition, ":bound": `${nowIso}#` },
        Limit: limit,
      }),
    );
    let woken = 0;
    for (const raw of result.Items ?? []) {
      const item = outboxItemSchema.safeParse(raw);
      if (!item.success) continue;
      const { id, state } = item.data;
      // A pending item leaves the index and becomes due now; a `sending` one with an expired lease keeps its
      // entry (the next holder moves it). Either write puts a MODIFY record on the stream for the notify function.
      const update =
        state === "pending"
          ? new UpdateCommand({
              TableName: this.tableName,
              Key: keys.outboxItem(id),
              UpdateExpression: "SET wakeups = if_not_exists(wakeups, :zero) + :one REMOVE notBefore, GSI1PK, GSI1SK",
              ConditionExpression: "#state = :pending AND notBefore <= :now",
              ExpressionAttributeNames: { "#state": "state" },
              ExpressionAttributeValues: { ":pending": "pending", ":now": nowIso, ":zero": 0, ":one": 1 },
            })
          : new UpdateCommand({
              TableName: this.tableName,
              Key: keys.outboxItem(id),
              UpdateExpression: "SET wakeups = if_not_exists(wakeups, :zero) + :one",
              ConditionExpression: "#state = :sending AND leaseUntil < :now",
              ExpressionAttributeNames: { "#state": "state" },
              ExpressionAttributeValues: { ":sending": "sending", ":now": nowIso, ":zero": 0, ":one": 1 },
            });
      if ((await this.conditional(update)) !== null) woken += 1;
    }
    return woken;
  }

  private async conditional(command: UpdateCommand): Promise<UpdateCommandOutput | null> {
    try {
      return await this.client.send(command);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return null;
      throw error;
    }
  }
}
