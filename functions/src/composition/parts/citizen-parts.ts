import { CachedCitizenProfiles } from "../../adapters/caching/cached-citizen-profiles.js";
import { randomIds } from "../../adapters/system/random-ids.js";
import { holidayCalendar } from "../../domain/working-days.js";
import { replyToFeedbackUseCase } from "../../use-cases/add-feedback-message.js";
import { isDossierOwnerCheck } from "../../use-cases/is-dossier-owner.js";
import { receiveCitizenChatMessageUseCase } from "../../use-cases/receive-citizen-chat-message.js";
import { shared, type Base } from "./base.js";
import { receiptSignerOf } from "./identity-parts.js";
import { citizensOf, dossiersOf, feedbackRepositoryOf, ratingsOf } from "./repository-parts.js";

/** Every lookup without `k` asks whether the citizen's verified phone is the dossier's: profiles remembered briefly. */
export function citizenProfilesOf(base: Base) {
  return shared(base, "citizenProfilesOf", (base) => new CachedCitizenProfiles(citizensOf(base), base.clock, 20));
}

export function isDossierOwnerOf(base: Base) {
  return shared(base, "isDossierOwnerOf", (base) => isDossierOwnerCheck({ receiptSigner: receiptSignerOf(base), citizens: citizenProfilesOf(base) }));
}

export function ratingDepsOf(base: Base) {
  return shared(base, "ratingDepsOf", (base) => ({ dossiers: dossiersOf(base), ratings: ratingsOf(base), isDossierOwner: isDossierOwnerOf(base), clock: base.clock }));
}

export function feedbackDepsOf(base: Base) {
  return shared(base, "feedbackDepsOf", (base) => ({
    feedback: feedbackRepositoryOf(base),
    clock: base.clock,
    ids: randomIds,
    calendar: holidayCalendar(base.config.holidays),
    dossiers: dossiersOf(base),
    isDossierOwner: isDossierOwnerOf(base),
  }));
}

export function replyToFeedbackOf(base: Base) {
  return shared(base, "replyToFeedbackOf", (base) => replyToFeedbackUseCase(feedbackDepsOf(base)));
}

/** For the OA webhook: a citizen's text in the OA chat joins their open thread. */
export function receiveCitizenChatMessageOf(base: Base) {
  return shared(base, "receiveCitizenChatMessageOf", (base) => receiveCitizenChatMessageUseCase(feedbackDepsOf(base)));
}
