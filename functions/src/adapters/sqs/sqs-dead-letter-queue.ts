import { SendMessageCommand, type SQSClient } from "@aws-sdk/client-sqs";
import type { DeadLetter, DeadLetterQueue } from "../../ports/dead-letter-queue.js";

/** In AWS: the notify function's dead-letter queue (the same SQS queue the event source mapping fails to). */
export class SqsDeadLetterQueue implements DeadLetterQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(letter: DeadLetter): Promise<void> {
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: JSON.stringify({ kind: "outbox_item_failed", ...letter }),
      }),
    );
  }
}
