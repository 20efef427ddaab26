import { newFeedbackThread, type FeedbackThread, type FeedbackType } from "../domain/feedback.js";
import type { HolidayCalendar } from "../domain/working-days.js";
import type { Clock } from "../ports/clock.js";
import type { FeedbackRepository } from "../ports/feedback-repository.js";
import type { IdGenerator } from "../ports/id-generator.js";

export interface FeedbackDeps {
  feedback: FeedbackRepository;
  clock: Clock;
  ids: IdGenerator;
  calendar: HolidayCalendar;
}

/** `POST /v1/feedback`: a new thread (question, complaint or suggestion) with its first message. */
export function submitFeedbackUseCase(deps: FeedbackDeps) {
  return async function submitFeedback(request: {
    zaloAppUserId: string;
    type: FeedbackType;
    text: string;
    dossierCode: string | null;
  }): Promise<FeedbackThread> {
    const { thread, message } = newFeedbackThread({
      id: deps.ids.newId(),
      messageId: deps.ids.newId(),
      ...request,
      channel: "mini_app",
      now: deps.clock.now(),
      calendar: deps.calendar,
    });
    if ((await deps.feedback.create(thread, message)) === "duplicate") throw new Error(`feedback id ${thread.id} already used`);
    return thread;
  };
}
