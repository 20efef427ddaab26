import { buildCitizenProfileView, newCitizenProfile, type CitizenProfileView } from "../domain/citizen.js";
import { normalisePhoneNumber } from "../domain/phone-number.js";
import type { CitizenRepository } from "../ports/citizen-repository.js";
import type { Clock } from "../ports/clock.js";
import type { PhoneNumberExchange } from "../ports/phone-number-exchange.js";

export interface VerifyPhoneDeps {
  phoneExchange: PhoneNumberExchange;
  citizens: CitizenRepository;
  clock: Clock;
}

export interface VerifyPhoneRequest {
  zaloAppUserId: string;
  name: string;
  accessToken: string;
  phoneToken: string;
}

export type VerifyPhoneResult =
  | { kind: "verified"; profile: CitizenProfileView }
  | { kind: "invalid_phone_token" }
  | { kind: "invalid_access_token" }
  /** Zalo's number is not a Vietnamese mobile number, so it can never equal a dossier's. Nothing is stored. */
  | { kind: "unsupported_phone" };

/**
 * The citizen consented in the Mini App and sent the single-use phone token: Zalo exchanges it for the
 * number, which is stored normalised and indexed by its keyed hash. Sending the token is the act of
 * consent, so the consent time is the verification time.
 */
export function verifyPhoneUseCase(deps: VerifyPhoneDeps) {
  return async function verifyPhone(request: VerifyPhoneRequest): Promise<VerifyPhoneResult> {
    const exchanged = await deps.phoneExchange.exchange(request.accessToken, request.phoneToken);
    if (exchanged.kind !== "verified") return exchanged;
    const phone = normalisePhoneNumber(exchanged.phone);
    if (!phone) return { kind: "unsupported_phone" };
    const at = deps.clock.now().toISOString();
    await deps.citizens.recordVerifiedPhone({ zaloAppUserId: request.zaloAppUserId, phone, at });
    const profile = (await deps.citizens.get(request.zaloAppUserId)) ?? newCitizenProfile(request.zaloAppUserId, at);
    return { kind: "verified", profile: buildCitizenProfileView(profile, request.name) };
  };
}
