import { isFeedbackLate, type FeedbackThread } from "../domain/feedback.js";
import type { Clock } from "../ports/clock.js";
import type { FeedbackRepository, FeedbackThreadWithMessages } from "../ports/feedback-repository.js";

export interface ReadFeedbackDeps {
  feedback: Pick<FeedbackRepository, "get" | "listByCitizen">;
  clock: Clock;
}

export type ThreadSummary = FeedbackThread & { late: boolean };

export const myFeedbackLimit = 50;

/** `GET /v1/me/feedback`: the citizen's own threads, newest first, each flagged when past its deadline. */
export function listMyFeedbackUseCase(deps: ReadFeedbackDeps) {
  return async function listMyFeedback(zaloAppUserId: string): Promise<ThreadSummary[]> {
    const now = deps.clock.now();
    const threads = await deps.feedback.listByCitizen(zaloAppUserId, myFeedbackLimit);
    return threads.map((thread) => ({ ...thread, late: isFeedbackLate(thread, now) }));
  };
}

/** `GET /v1/feedback/{id}`: a thread with its messages, for its author only (staff read it in their inbox). */
export function getFeedbackThreadUseCase(deps: ReadFeedbackDeps) {
  return async function getFeedbackThread(
    request: { id: string; zaloAppUserId: string },
  ): Promise<{ kind: "not_found" } | ({ kind: "ok"; thread: ThreadSummary } & Pick<FeedbackThreadWithMessages, "messages">)> {
    const found = await deps.feedback.get(request.id);
    // Someone else's thread answers like a missing one: thread ids are not secret, their content is.
    if (!found || found.thread.zaloAppUserId !== request.zaloAppUserId) return { kind: "not_found" };
    return { kind: "ok", thread: { ...found.thread, late: isFeedbackLate(found.thread, deps.clock.now()) }, messages: found.messages };
  };
}
