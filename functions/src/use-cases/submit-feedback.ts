import { newFeedbackThread, type FeedbackThread, type FeedbackType } from "../domain/feedback.js";
import type { HolidayCalendar } from "../domain/working-days.js";
import type { Clock } from "../ports/clock.js";
import type { DossierRepository } from "../ports/dossier-repository.js";
import type { FeedbackRepository } from "../ports/feedback-repository.js";
import type { IdGenerator } from "../ports/id-generator.js";
import type { IsDossierOwner, OwnerClaim } from "./is-dossier-owner.js";

export interface FeedbackDeps {
  feedback: FeedbackRepository;
  clock: Clock;
  ids: IdGenerator;
  calendar: HolidayCalendar;
  /** To file a thread that names a dossier under the dossier's agency (its staff answer it). */
  dossiers?: Pick<DossierRepository, "findWithTimeline">;
  /** Only the dossier's owner files under its agency. */
  isDossierOwner?: IsDossierOwner;
}

/** `POST /v1/feedback`: a new thread (question, complaint or suggestion) with its first message. */
export function submitFeedbackUseCase(deps: FeedbackDeps) {
  return async function submitFeedback(request: {
    zaloAppUserId: string;
    type: FeedbackType;
    text: string;
    dossierCode: string | null;
    receiptSignature?: string | undefined;
  }): Promise<FeedbackThread> {
    const { receiptSignature, ...threadRequest } = request;
    const agencyCode = await ownedDossierAgency(deps, { zaloAppUserId: request.zaloAppUserId, receiptSignature }, request.dossierCode);
    const { thread, message } = newFeedbackThread({
      id: deps.ids.newId(),
      messageId: deps.ids.newId(),
      ...threadRequest,
      agencyCode,
      channel: "mini_app",
      now: deps.clock.now(),
      calendar: deps.calendar,
    });
    if ((await deps.feedback.create(thread, message)) === "duplicate") throw new Error(`feedback id ${thread.id} already used`);
    return thread;
  };
}

/**
 * The agency of the named dossier when the citizen owns it (verified phone); otherwise null, and the thread goes to
 * the general inbox with the code as the citizen wrote it. The answer is the same either way, so the route tells
 * nobody whether a code exists or whose it is.
 */
async function ownedDossierAgency(deps: FeedbackDeps, claim: OwnerClaim, dossierCode: string | null): Promise<string | null> {
  if (!dossierCode || !deps.dossiers || !deps.isDossierOwner) return null;
  const found = await deps.dossiers.findWithTimeline(dossierCode);
  if (!found) return null;
  return (await deps.isDossierOwner(found.dossier, claim)) ? found.dossier.agencyCode : null;
}
