import type { DeadLetter, DeadLetterQueue } from "../../ports/dead-letter-queue.js";
import { itemTypes, keys } from "./keys.js";
import type { Table } from "./table.js";

/**
 * The local dead-letter queue: one `DEAD_LETTER#<outboxId>` item per letter, listed on GSI2 `DEAD_LETTERS`.
 * Used where no SQS queue is configured (the local stack, tests); in AWS the SQS adapter takes its place.
 */
export class DynamoDbDeadLetterQueue implements DeadLetterQueue {
  constructor(private readonly table: Table) {}

  async send(letter: DeadLetter): Promise<void> {
    await this.table.put({ ...keys.deadLetter(letter.outboxId), ...keys.deadLetterList(letter.failedAt, letter.outboxId), type: itemTypes.deadLetter, ...letter });
  }
}
