/**
 * One cell of a CSV file we write, safe to open in a spreadsheet. A text starting with =, +, -, @
 * (or a tab or carriage return) would run as a formula there, so it gets a leading apostrophe,
 * which spreadsheets show as plain text. Plain numbers such as -5 or +3.5 cannot run and stay as
 * they are.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)$/;

export function csvCell(value: string | number | null | undefined, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  const needsQuotes = text.includes('"') || text.includes(delimiter) || text.includes('\n') || text.includes('\r');
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of a CSV file, ending with CRLF as spreadsheets expect. */
export function csvLine(cells: readonly (string | number | null | undefined)[], delimiter = ','): string {
  return `${cells.map((cell) => csvCell(cell, delimiter)).join(delimiter)}\r\n`;
}
