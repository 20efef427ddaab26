import {
  dossierCodeLimits,
  hasDossierCodeCharacters,
  hasOfficialDossierCodeShape,
  normaliseDossierCode,
  parseDossierCode,
  startsLikeOfficialDossierCode,
} from "@motcua/contracts/dossier-code";

export { normaliseDossierCode };

/**
 * Client-side check of a typed dossier code, on the API's own rules (`@motcua/contracts`), so the page never sends
 * a code the API would refuse. It names the problem for the reader, in the order a reader fixes it: characters first,
 * then length, then an official code cut short or with an impossible date.
 */
export type DossierCodeProblem = "empty" | "too_short" | "too_long" | "bad_characters" | "incomplete_official" | "impossible_date";

export type DossierCodeCheck = { ok: true; code: string } | { ok: false; problem: DossierCodeProblem };

export const isOfficialDossierCode = hasOfficialDossierCodeShape;

export function checkDossierCode(input: string): DossierCodeCheck {
  const code = normaliseDossierCode(input);
  if (code.length === 0) return { ok: false, problem: "empty" };
  if (!hasDossierCodeCharacters(code)) return { ok: false, problem: "bad_characters" };
  if (code.length < dossierCodeLimits.minLength) return { ok: false, problem: "too_short" };
  if (code.length > dossierCodeLimits.maxLength) return { ok: false, problem: "too_long" };
  if (startsLikeOfficialDossierCode(code) && !hasOfficialDossierCodeShape(code)) return { ok: false, problem: "incomplete_official" };
  const parsed = parseDossierCode(code);
  if (!parsed.ok) return { ok: false, problem: parsed.reason === "official_date" ? "impossible_date" : "bad_characters" };
  return { ok: true, code: parsed.code };
}
