import { buildCitizenProfileView, newCitizenProfile, type CitizenProfileView } from "../domain/citizen.js";
import type { CitizenRepository } from "../ports/citizen-repository.js";
import type { Clock } from "../ports/clock.js";

export interface WithdrawPhoneConsentDeps {
  citizens: CitizenRepository;
  clock: Clock;
}

/** Withdrawal of consent (Decree 13/2023): the stored phone and its index are deleted at once. Idempotent. */
export function withdrawPhoneConsentUseCase(deps: WithdrawPhoneConsentDeps) {
  return async function withdrawPhoneConsent(user: { zaloAppUserId: string; name: string }): Promise<CitizenProfileView> {
    const at = deps.clock.now().toISOString();
    const profile = (await deps.citizens.removeVerifiedPhone(user.zaloAppUserId, at)) ?? newCitizenProfile(user.zaloAppUserId, at);
    return buildCitizenProfileView(profile, user.name);
  };
}
