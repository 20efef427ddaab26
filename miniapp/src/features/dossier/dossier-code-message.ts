import { vi } from "../../copy/vi";
import type { DossierCodeProblem } from "./dossier-code";

const messages: Record<DossierCodeProblem, string> = {
  empty: vi.lookup.codeErrors.empty,
  too_short: vi.lookup.codeErrors.tooShort,
  too_long: vi.lookup.codeErrors.tooLong,
  bad_characters: vi.lookup.codeErrors.badCharacters,
  incomplete_official: vi.lookup.codeErrors.incompleteOfficial,
  impossible_date: vi.lookup.codeErrors.impossibleDate,
};

export function dossierCodeMessage(problem: DossierCodeProblem): string {
  return messages[problem];
}
