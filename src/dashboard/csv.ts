// CSV cells and lines for the exports (audit trail, statistics): quoted where needed, and never
// read as a formula by a spreadsheet.

/** A spreadsheet reads a cell starting with these as a formula: such a cell is quoted as text. */
const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  const safe = formulaStart.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One line, ended with CRLF as spreadsheets expect. */
export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
