import type { OutboxNotification } from "../domain/outbox.js";

export interface DeadLetter {
  outboxId: string;
  reason: string;
  attempts: number;
  failedAt: string;
  notification: OutboxNotification;
}

/** Where messages that exhausted their retries go for an operator to look at (SQS in AWS). */
export interface DeadLetterQueue {
  send(letter: DeadLetter): Promise<void>;
}
