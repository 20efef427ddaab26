import type { DeadLetter, DeadLetterQueue } from "../../ports/dead-letter-queue.js";

/**
 * The SQS dead-letter queue, with the SQS client loaded and built on the first dead letter: most cold starts of
 * the notify function never send one, and loading a second AWS SDK client costs them start time.
 */
export function sqsDeadLetterQueueOnFirstSend(region: string, queueUrl: string): DeadLetterQueue {
  let queue: Promise<DeadLetterQueue> | undefined;
  return {
    async send(letter: DeadLetter) {
      queue ??= Promise.all([import("@aws-sdk/client-sqs"), import("./sqs-dead-letter-queue.js")]).then(
        ([sdk, adapter]) => new adapter.SqsDeadLetterQueue(new sdk.SQSClient({ region }), queueUrl),
      );
      await (await queue).send(letter);
    },
  };
}
