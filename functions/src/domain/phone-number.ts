/**
 * Vietnamese mobile numbers, stored normalised as `84xxxxxxxxx` (the form Zalo's APIs return and ZNS takes).
 * Accepts `0912345678`, `84912345678`, `+84 912 345 678`; returns null for anything else.
 */
export function normalisePhoneNumber(input: string): string | null {
  const digits = input.replace(/[\s.\-()]/gu, "");
  const national = /^(?:\+?84|0)([35789]\d{8})$/u.exec(digits);
  return national ? `84${national[1]}` : null;
}
