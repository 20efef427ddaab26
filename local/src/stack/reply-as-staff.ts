import { createDocumentClient } from "@motcua/functions/adapters/dynamodb/document-client";
import { DynamoDbFeedbackRepository } from "@motcua/functions/adapters/dynamodb/dynamodb-feedback-repository";
import { randomIds } from "@motcua/functions/adapters/system/random-ids";
import { systemClock } from "@motcua/functions/adapters/system/system-clock";
import { vietnamPublicHolidays } from "@motcua/functions/domain/vietnam-holidays";
import { holidayCalendar } from "@motcua/functions/domain/working-days";
import { replyToFeedbackUseCase } from "@motcua/functions/use-cases/add-feedback-message";
import { localDynamoDbClient } from "../dynamodb-local/local-dynamodb-client.js";
import type { StackInfo } from "./start-stack.js";

/**
 * Answers a feedback thread as staff, through the same use case the admin inbox (issue 6) will call, for
 * browser tests and demos until that route exists. Dev only: it talks to the local table directly.
 */
export async function replyAsStaff(
  stack: Pick<StackInfo, "dynamodbEndpoint" | "tableName" | "region">,
  request: { threadId: string; text: string; staffName: string },
) {
  const client = localDynamoDbClient(stack.dynamodbEndpoint, stack.region);
  try {
    const reply = replyToFeedbackUseCase({
      feedback: new DynamoDbFeedbackRepository(createDocumentClient({ region: stack.region, endpoint: stack.dynamodbEndpoint }, client), stack.tableName),
      clock: systemClock,
      ids: randomIds,
      calendar: holidayCalendar(vietnamPublicHolidays),
    });
    return await reply({ id: request.threadId, text: request.text, staffName: request.staffName });
  } finally {
    client.destroy();
  }
}
