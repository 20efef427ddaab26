import { PutCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { DeadLetter, DeadLetterQueue } from "../../ports/dead-letter-queue.js";
import { itemTypes, keys } from "./keys.js";

/**
 * The local dead-letter queue: one `DEAD_LETTER#<outboxId>` item per letter, listed on GSI2 `DEAD_LETTERS`.
 * Used where no SQS queue is configured (the local stack, tests); in AWS the SQS adapter takes its place.
 */
export class DynamoDbDeadLetterQueue implements DeadLetterQueue {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async send(letter: DeadLetter): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.deadLetter(letter.outboxId),
          ...keys.deadLetterList(letter.failedAt, letter.outboxId),
          type: itemTypes.deadLetter,
          ...letter,
        },
      }),
    );
  }
}
