/**
 * The API masks a phone in its stored international form ("84******678"); a Vietnamese reader knows their number
 * as 0xxxxxxxxx, so "0******678" (as many characters as the number has digits). Anything else is shown as given.
 */
export function localPhoneMask(masked: string): string {
  return /^84[*\d]{9}$/u.test(masked) ? `0${masked.slice(2)}` : masked;
}
