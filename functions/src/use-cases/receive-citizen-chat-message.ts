import { isOpenThread, maxFeedbackTextLength, newFeedbackThread } from "../domain/feedback.js";
import type { FeedbackDeps } from "./submit-feedback.js";
import { addFeedbackMessageUseCase } from "./add-feedback-message.js";

/** How many recent threads are looked at for an open one (a citizen rarely has more). */
const recentThreads = 20;

export type ChatMessageResult =
  | { kind: "joined"; threadId: string }
  | { kind: "opened"; threadId: string }
  | { kind: "duplicate"; threadId: string };

/**
 * A text the citizen sent to the OA in Zalo (`user_send_text`, stored by the OA webhook) joins the
 * citizen's newest open thread, or opens a question (hỏi đáp), so the OA chat and the Mini App are one
 * conversation. Zalo may deliver a webhook twice: ids derived from Zalo's message id make it count once.
 */
export function receiveCitizenChatMessageUseCase(deps: FeedbackDeps) {
  const addMessage = addFeedbackMessageUseCase(deps);
  return async function receiveCitizenChatMessage(message: {
    zaloAppUserId: string;
    text: string;
    at: Date;
    zaloMessageId: string;
  }): Promise<ChatMessageResult> {
    const text = message.text.trim().slice(0, maxFeedbackTextLength);
    const messageId = `oa-${message.zaloMessageId}`;
    const threads = await deps.feedback.listByCitizen(message.zaloAppUserId, recentThreads);
    const open = threads.find(isOpenThread);
    if (open) {
      const result = await addMessage({ id: open.id, zaloAppUserId: message.zaloAppUserId, text, messageId, at: message.at });
      if (result.kind === "saved") return { kind: "joined", threadId: open.id };
      if (result.kind === "duplicate") return { kind: "duplicate", threadId: open.id };
      // Closed in between: fall through and open a new thread.
    }
    const threadId = `oa-${message.zaloMessageId}`;
    const { thread, message: first } = newFeedbackThread({
      id: threadId,
      messageId,
      zaloAppUserId: message.zaloAppUserId,
      type: "hoi_dap",
      text,
      dossierCode: null,
      channel: "zalo_oa",
      now: message.at,
      calendar: deps.calendar,
    });
    const created = await deps.feedback.create(thread, first);
    return created === "created" ? { kind: "opened", threadId } : { kind: "duplicate", threadId };
  };
}
