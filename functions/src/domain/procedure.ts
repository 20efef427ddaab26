import type { ProcedureView } from "@motcua/contracts/procedure";

/** One administrative procedure (thủ tục hành chính) of the catalogue, as the one-stop system describes it. */
export interface Procedure extends ProcedureView {
  abolished: boolean;
  updatedAt: string;
}

/** Lower case, without diacritics, đ → d, runs of anything else folded to one space: "Hộ tịch" → "ho tich". */
export function foldVietnamese(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\u0111\u0110]/gu, "d") // đ Đ, escaped: see infra's check that each Lambda bundle is ASCII
    .toLowerCase()
    .replace(/[^a-z0-9.]+/gu, " ")
    .trim();
}

export function procedureSearchText(procedure: Pick<Procedure, "code" | "name" | "field">): string {
  return foldVietnamese(`${procedure.name} ${procedure.field} ${procedure.code}`);
}

export interface IndexedProcedure {
  procedure: Procedure;
  searchText: string;
  foldedName: string;
}

export function indexProcedures(procedures: readonly Procedure[]): IndexedProcedure[] {
  return procedures
    .filter((procedure) => !procedure.abolished)
    .map((procedure) => ({ procedure, searchText: ` ${procedureSearchText(procedure)} `, foldedName: foldVietnamese(procedure.name) }));
}

/**
 * Every word of the query must start a word of the name, field or code ("ho tich" finds "Hộ tịch",
 * "khai sinh" finds "Đăng ký khai sinh"); names that start with the query come first, then by name.
 */
export function searchProcedures(index: readonly IndexedProcedure[], query: string, limit: number): Procedure[] {
  const words = foldVietnamese(query).split(" ").filter((word) => word.length > 0);
  const folded = words.join(" ");
  const matches = index.filter((entry) => words.every((word) => entry.searchText.includes(` ${word}`)));
  return matches
    .sort((a, b) => {
      const aStarts = a.foldedName.startsWith(folded) ? 0 : 1;
      const bStarts = b.foldedName.startsWith(folded) ? 0 : 1;
      return aStarts - bStarts || a.procedure.name.localeCompare(b.procedure.name, "vi");
    })
    .slice(0, limit)
    .map((entry) => entry.procedure);
}
