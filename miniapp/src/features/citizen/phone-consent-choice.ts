// The "Không đồng ý" choice is remembered on this phone so we do not ask again at every visit; an
// agreement is remembered by the backend (the verified phone on the profile).
const DECLINED_KEY = "motcua.phoneConsent.declinedAt";

export function readPhoneConsentDeclined(storage: Storage = window.localStorage): boolean {
  return storage.getItem(DECLINED_KEY) !== null;
}

export function rememberPhoneConsentDeclined(declined: boolean, storage: Storage = window.localStorage): void {
  if (declined) storage.setItem(DECLINED_KEY, new Date().toISOString());
  else storage.removeItem(DECLINED_KEY);
}
