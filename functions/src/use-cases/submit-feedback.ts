import { newFeedbackThread, type FeedbackThread, type FeedbackType } from "../domain/feedback.js";
import type { HolidayCalendar } from "../domain/working-days.js";
import type { Clock } from "../ports/clock.js";
import type { DossierRepository } from "../ports/dossier-repository.js";
import type { FeedbackRepository } from "../ports/feedback-repository.js";
import type { IdGenerator } from "../ports/id-generator.js";

export interface FeedbackDeps {
  feedback: FeedbackRepository;
  clock: Clock;
  ids: IdGenerator;
  calendar: HolidayCalendar;
  /** To file a thread that names a dossier under the dossier's agency (its staff answer it). */
  dossiers?: Pick<DossierRepository, "findWithTimeline">;
}

/** `POST /v1/feedback`: a new thread (question, complaint or suggestion) with its first message. */
export function submitFeedbackUseCase(deps: FeedbackDeps) {
  return async function submitFeedback(request: {
    zaloAppUserId: string;
    type: FeedbackType;
    text: string;
    dossierCode: string | null;
  }): Promise<FeedbackThread> {
    const dossier = request.dossierCode && deps.dossiers ? await deps.dossiers.findWithTimeline(request.dossierCode) : null;
    const { thread, message } = newFeedbackThread({
      id: deps.ids.newId(),
      messageId: deps.ids.newId(),
      ...request,
      agencyCode: dossier?.dossier.agencyCode ?? null,
      channel: "mini_app",
      now: deps.clock.now(),
      calendar: deps.calendar,
    });
    if ((await deps.feedback.create(thread, message)) === "duplicate") throw new Error(`feedback id ${thread.id} already used`);
    return thread;
  };
}
