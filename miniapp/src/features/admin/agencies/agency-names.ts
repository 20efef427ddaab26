import type { AgencyChoice } from "./agencies-api";

/** Names by code; a code without a name (or not in the list) is shown as the code itself. */
export interface AgencyNames {
  nameOf(code: string): string;
  /** True when the agency has a name, so a secondary line with its code adds something. */
  isNamed(code: string): boolean;
  /** Codes as a reader wants them listed: by name in Vietnamese order, unnamed ones after. */
  sortCodes(codes: readonly string[]): string[];
}

export function agencyNames(choices: readonly AgencyChoice[]): AgencyNames {
  const names = new Map(choices.flatMap((choice) => (choice.name ? [[choice.code, choice.name] as const] : [])));
  const nameOf = (code: string) => names.get(code) ?? code;
  return {
    nameOf,
    isNamed: (code) => names.has(code),
    sortCodes: (codes) =>
      [...new Set(codes)].sort((a, b) => Number(!names.has(a)) - Number(!names.has(b)) || nameOf(a).localeCompare(nameOf(b), "vi") || a.localeCompare(b)),
  };
}
