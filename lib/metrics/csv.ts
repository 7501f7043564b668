// CSV that spreadsheets cannot turn into formulas: a cell starting with = + - @ tab or CR gets a
// leading apostrophe (OWASP's CSV-injection advice), and every cell is quoted.
const DANGEROUS = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  if (DANGEROUS.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
