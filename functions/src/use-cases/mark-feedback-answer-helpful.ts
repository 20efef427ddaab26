import type { FeedbackRepository } from "../ports/feedback-repository.js";

/** The citizen says whether a staff answer helped (it counts in the PAKN satisfaction ratio); they may change their mind. */
export function markFeedbackAnswerHelpfulUseCase(deps: { feedback: Pick<FeedbackRepository, "get" | "setHelpful"> }) {
  return async function markFeedbackAnswerHelpful(request: {
    id: string;
    messageId: string;
    zaloAppUserId: string;
    helpful: boolean;
  }): Promise<"saved" | "not_found" | "not_staff_message"> {
    const found = await deps.feedback.get(request.id);
    if (!found || found.thread.zaloAppUserId !== request.zaloAppUserId) return "not_found";
    const message = found.messages.find((m) => m.messageId === request.messageId);
    if (!message) return "not_found";
    if (message.author !== "staff") return "not_staff_message";
    return deps.feedback.setHelpful(message, request.helpful);
  };
}
