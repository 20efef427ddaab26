/**
 * Masks an applicant's name for the public view: the family name stays, every other word keeps
 * only its first letter (`Nguyễn Văn An` → `Nguyễn V** A*`), so a neighbour who typed the code
 * cannot read the full name.
 */
export function maskApplicantName(fullName: string): string {
  const words = fullName.trim().split(/\s+/u).filter((word) => word.length > 0);
  const [familyName, ...rest] = words;
  if (familyName === undefined) return "";
  return [familyName, ...rest.map(maskWord)].join(" ");
}

function maskWord(word: string): string {
  const letters = Array.from(word.normalize("NFC"));
  return letters[0] + "*".repeat(letters.length - 1);
}
