import { addCitizenMessage, addStaffReply, type FeedbackMessage, type FeedbackThread } from "../domain/feedback.js";
import { feedbackReplyExcerptLength, truncate } from "../domain/notification-message.js";
import type { NewOutboxItem } from "../ports/outbox-repository.js";
import type { FeedbackDeps } from "./submit-feedback.js";

export type AddMessageResult =
  | { kind: "not_found" }
  | { kind: "closed" }
  | { kind: "duplicate" }
  | { kind: "saved"; thread: FeedbackThread; message: FeedbackMessage };

const maxAttempts = 3;

type Change = (
  thread: FeedbackThread,
  now: Date,
) => { ok: true; thread: FeedbackThread; message: FeedbackMessage } | { ok: false; reason: "closed" };

async function appendWithRetry(
  deps: FeedbackDeps,
  id: string,
  mayWrite: (thread: FeedbackThread) => boolean,
  change: Change,
  outboxFor?: (thread: FeedbackThread, message: FeedbackMessage) => NewOutboxItem,
): Promise<AddMessageResult> {
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    const found = await deps.feedback.get(id, { consistent: true });
    if (!found || !mayWrite(found.thread)) return { kind: "not_found" };
    const changed = change(found.thread, deps.clock.now());
    if (!changed.ok) return { kind: "closed" };
    const saved = await deps.feedback.append(changed.thread, found.thread.version, changed.message, outboxFor?.(changed.thread, changed.message));
    if (saved === "saved") return { kind: "saved", thread: changed.thread, message: changed.message };
    if (saved === "duplicate") return { kind: "duplicate" };
  }
  throw new Error(`feedback thread ${id} kept changing`);
}

/** `POST /v1/feedback/{id}/messages`: the author writes again in their thread. */
export function addFeedbackMessageUseCase(deps: FeedbackDeps) {
  return function addFeedbackMessage(request: {
    id: string;
    zaloAppUserId: string;
    text: string;
    /** Given for a message that came from elsewhere (the OA chat): its own id and time make a redelivery a duplicate. */
    messageId?: string;
    at?: Date;
  }) {
    const messageId = request.messageId ?? deps.ids.newId();
    return appendWithRetry(
      deps,
      request.id,
      (thread) => thread.zaloAppUserId === request.zaloAppUserId,
      (thread, now) => addCitizenMessage(thread, { messageId, text: request.text, now: request.at ?? now, calendar: deps.calendar }),
    );
  };
}

/**
 * A staff answer, stored in the thread together with its outbox item (the answer reaches the citizen in Zalo,
 * `feedback_reply`) in one transaction. The admin inbox (`POST /v1/admin/feedback/{id}/replies`) passes its
 * scope check as `mayReply`; a thread the caller may not answer answers as missing.
 */
export function replyToFeedbackUseCase(deps: FeedbackDeps) {
  return function replyToFeedback(request: { id: string; staffName: string; text: string; mayReply?: (thread: FeedbackThread) => boolean }) {
    const messageId = deps.ids.newId();
    const outboxId = deps.ids.newId();
    return appendWithRetry(
      deps,
      request.id,
      request.mayReply ?? (() => true),
      (thread, now) => addStaffReply(thread, { messageId, text: request.text, staffName: request.staffName, now, calendar: deps.calendar }),
      (thread, message) => ({
        id: outboxId,
        agencyCode: thread.agencyCode,
        notification: {
          kind: "feedback_reply",
          threadId: thread.id,
          zaloAppUserId: thread.zaloAppUserId,
          excerpt: truncate(message.text, feedbackReplyExcerptLength),
          dossierCode: thread.dossierCode,
        },
      }),
    );
  };
}
