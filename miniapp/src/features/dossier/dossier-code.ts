// Client-side pre-check of a typed dossier code; the server stays authoritative.
const CODE_ALPHABET = /^[A-Z0-9./_-]+$/;
const OFFICIAL_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$/;
// Starts like an official code (agency part "000.00."), so it should be one in full.
const OFFICIAL_PREFIX = /^\d{3}\.\d{2}\./;
export const MIN_CODE_LENGTH = 4;
export const MAX_CODE_LENGTH = 64;

export type DossierCodeProblem = "empty" | "too_short" | "too_long" | "bad_characters" | "incomplete_official";

export type DossierCodeCheck = { ok: true; code: string } | { ok: false; problem: DossierCodeProblem };

/** Trims, removes all whitespace and upper-cases, as the receipt code may be typed with stray spaces. */
export function normaliseDossierCode(input: string): string {
  return input.replace(/\s+/g, "").toUpperCase();
}

export function isOfficialDossierCode(code: string): boolean {
  return OFFICIAL_CODE.test(code);
}

export function checkDossierCode(input: string): DossierCodeCheck {
  const code = normaliseDossierCode(input);
  if (code.length === 0) return { ok: false, problem: "empty" };
  if (!CODE_ALPHABET.test(code)) return { ok: false, problem: "bad_characters" };
  if (code.length < MIN_CODE_LENGTH) return { ok: false, problem: "too_short" };
  if (code.length > MAX_CODE_LENGTH) return { ok: false, problem: "too_long" };
  if (OFFICIAL_PREFIX.test(code) && !isOfficialDossierCode(code)) return { ok: false, problem: "incomplete_official" };
  return { ok: true, code };
}
