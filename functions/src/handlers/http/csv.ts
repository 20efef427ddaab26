/**
 * A tiny CSV writer (RFC 4180): a field is quoted when it holds a comma, a quote, a line break or edge spaces,
 * with quotes doubled. Text that starts like a spreadsheet formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading
 * apostrophe, so a citizen's comment cannot run as a formula when staff open the file in Excel (OWASP CSV injection).
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(fields: readonly (string | number | null)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/** The byte order mark that makes Excel read the file as UTF-8 (Vietnamese diacritics). */
export const utf8Bom = "\uFEFF";

/** A CSV file the browser downloads under `fileName`; staff exports are never cached. */
export function csvAttachment(fileName: string, body: string) {
  return {
    statusCode: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
    body,
  };
}
