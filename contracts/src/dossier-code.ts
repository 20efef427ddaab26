/**
 * Dossier codes (mã hồ sơ). The official form is TT 01/2018/TT-VPCP Điều 19:
 * `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX`. Other systems print other receipt numbers
 * (`03706/2026/07906`, `1897C359`), so any 4–64 characters of `[A-Z0-9./_-]` are accepted too,
 * always as a whole code: a partial code never matches anything.
 */
export type DossierCodeKind = "official" | "other";

export type DossierCodeParse =
  | { ok: true; code: string; kind: DossierCodeKind }
  | { ok: false; reason: "empty" | "length" | "characters" | "official_date" };

export const dossierCodeLimits = { minLength: 4, maxLength: 64 } as const;

const allowedCharacters = /^[A-Z0-9./_-]+$/;
const officialShape = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-(\d{2})(\d{2})(\d{2})-\d{4}$/;
/** Starts like an official code (its agency part `000.00.`): a reader who types this means the official form. */
const officialPrefix = /^\d{3}\.\d{2}\./;

/** Only `A–Z`, `0–9` and `. / _ -` (after normalising). */
export function hasDossierCodeCharacters(code: string): boolean {
  return allowedCharacters.test(code);
}

/** The official shape, whatever its date says. */
export function hasOfficialDossierCodeShape(code: string): boolean {
  return officialShape.test(code);
}

/** Begins like an official code; with {@link hasOfficialDossierCodeShape} false it is an official code cut short. */
export function startsLikeOfficialDossierCode(code: string): boolean {
  return officialPrefix.test(code);
}

/** Upper-cases, trims and removes stray whitespace anywhere, as people type codes from a receipt. */
export function normaliseDossierCode(input: string): string {
  return input.replace(/\s+/gu, "").toUpperCase();
}

export function parseDossierCode(input: string): DossierCodeParse {
  const code = normaliseDossierCode(input);
  if (code.length === 0) return { ok: false, reason: "empty" };
  if (code.length < dossierCodeLimits.minLength || code.length > dossierCodeLimits.maxLength) {
    return { ok: false, reason: "length" };
  }
  if (!allowedCharacters.test(code)) return { ok: false, reason: "characters" };
  const official = officialShape.exec(code);
  if (!official) return { ok: true, code, kind: "other" };
  const [, , month, day] = official;
  if (!isCalendarMonthDay(Number(month), Number(day))) return { ok: false, reason: "official_date" };
  return { ok: true, code, kind: "official" };
}

/**
 * Codes the one-stop system may create: the official form, or a legacy receipt number made of letters and digits
 * in groups joined by single `.`, `-`, `/` or `_` (`03706/2026/07906`, `1897C359`). Never `../../x` or `__proto__`.
 */
const legacyShape = /^[A-Z0-9]+(?:[./_-][A-Z0-9]+)*$/;

export function isIssuableDossierCode(parsed: { code: string; kind: DossierCodeKind }): boolean {
  return parsed.kind === "official" || legacyShape.test(parsed.code);
}

function isCalendarMonthDay(month: number, day: number): boolean {
  const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const max = daysInMonth[month - 1];
  return max !== undefined && day >= 1 && day <= max;
}

/**
 * In URL paths a code's `/` is written `~`: API Gateway decodes `%2F` before routing, and `~` is
 * outside the code alphabet, so the mapping is reversible.
 */
export function dossierCodeToPathSegment(code: string): string {
  return encodeURIComponent(code.replaceAll("/", "~"));
}

export function dossierCodeFromPathSegment(segment: string): string {
  return segment.replaceAll("~", "/");
}
