import { buildCitizenApiHandler, type CitizenApiHandlerDeps } from "../../handlers/citizen-api.handler.js";
import { getMyProfileUseCase } from "../../use-cases/get-my-profile.js";
import { addFeedbackMessageUseCase } from "../../use-cases/add-feedback-message.js";
import { getAnnouncementUseCase, listAnnouncementsUseCase } from "../../use-cases/announcements.js";
import { limitFeedbackWritesUseCase } from "../../use-cases/limit-feedback-writes.js";
import { listMyDossiersUseCase } from "../../use-cases/list-my-dossiers.js";
import { lookUpDossierUseCase } from "../../use-cases/look-up-dossier.js";
import { markFeedbackAnswerHelpfulUseCase } from "../../use-cases/mark-feedback-answer-helpful.js";
import { getDossierRatingUseCase, rateDossierUseCase } from "../../use-cases/rate-dossier.js";
import { getFeedbackThreadUseCase, listMyFeedbackUseCase } from "../../use-cases/read-feedback.js";
import { setAnnouncementSubscriptionUseCase } from "../../use-cases/set-announcement-subscription.js";
import { submitFeedbackUseCase } from "../../use-cases/submit-feedback.js";
import { verifyPhoneUseCase } from "../../use-cases/verify-phone.js";
import { withdrawPhoneConsentUseCase } from "../../use-cases/withdraw-phone-consent.js";
import { errorBoundaryMessages, withErrorBoundary } from "../http-error-boundary.js";
import type { Base } from "../parts/base.js";
import { citizenProfilesOf, feedbackDepsOf, isDossierOwnerOf, ratingDepsOf } from "../parts/citizen-parts.js";
import { phoneExchangeOf, zaloGraphOf, zaloGraphUncachedOf } from "../parts/identity-parts.js";
import { announcementsOf, citizensOf, dossiersOf, rateLimiterOf, reachOf, staffRepositoryOf } from "../parts/repository-parts.js";
import { catalogueOf } from "../parts/use-case-parts.js";
import type { HttpHandler } from "./http-function.js";

/** What the citizen routes call, and nothing else. */
export function apiFunctionDeps(base: Base) {
  const { config, clock, log } = base;
  const citizens = citizensOf(base);
  const feedbackDeps = feedbackDepsOf(base);
  const ratingDeps = ratingDepsOf(base);
  const announcements = announcementsOf(base);
  return {
    zaloGraph: zaloGraphOf(base),
    zaloGraphUncached: zaloGraphUncachedOf(base),
    log,
    lookUpDossier: lookUpDossierUseCase({
      dossiers: dossiersOf(base),
      isDossierOwner: isDossierOwnerOf(base),
      rateLimiter: rateLimiterOf(base),
      clock,
      limits: config.rateLimits,
      reach: reachOf(base),
    }),
    verifyPhone: verifyPhoneUseCase({ phoneExchange: phoneExchangeOf(base), citizens: citizenProfilesOf(base), clock }),
    getMyProfile: getMyProfileUseCase({ citizens, staff: staffRepositoryOf(base), clock, firstAdminZaloAppUserId: config.firstAdminZaloAppUserId }),
    listMyDossiers: listMyDossiersUseCase({ dossiers: dossiersOf(base), citizens, clock }),
    withdrawPhoneConsent: withdrawPhoneConsentUseCase({ citizens: citizenProfilesOf(base), clock }),
    setAnnouncementSubscription: setAnnouncementSubscriptionUseCase({ citizens, clock }),
    getDossierRating: getDossierRatingUseCase(ratingDeps),
    rateDossier: rateDossierUseCase(ratingDeps),
    allowFeedbackWrite: limitFeedbackWritesUseCase({
      rateLimiter: rateLimiterOf(base),
      clock,
      limits: { perMinute: config.rateLimits.feedbackPerMinute, perHour: config.rateLimits.feedbackPerHour },
    }),
    submitFeedback: submitFeedbackUseCase(feedbackDeps),
    listMyFeedback: listMyFeedbackUseCase(feedbackDeps),
    getFeedbackThread: getFeedbackThreadUseCase(feedbackDeps),
    addFeedbackMessage: addFeedbackMessageUseCase(feedbackDeps),
    markFeedbackAnswerHelpful: markFeedbackAnswerHelpfulUseCase(feedbackDeps),
    listAnnouncements: listAnnouncementsUseCase({ announcements }),
    getAnnouncement: getAnnouncementUseCase({ announcements }),
    searchProcedures: catalogueOf(base).search,
  } satisfies CitizenApiHandlerDeps;
}

/** The citizen routes (Bearer Zalo token); Vietnamese error messages. */
export function apiFunctionHandlerFrom(deps: CitizenApiHandlerDeps): HttpHandler {
  return withErrorBoundary(buildCitizenApiHandler(deps), errorBoundaryMessages.vietnamese, deps.log);
}
