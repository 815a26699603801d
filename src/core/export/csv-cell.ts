/**
 * One cell of a CSV file we write, safe to open in a spreadsheet whatever its locale.
 *
 * A text starting with =, +, -, @ (or a tab or carriage return) would run as a formula there, so it
 * gets a leading apostrophe, which spreadsheets show as plain text. Plain numbers such as -5 or +3.5
 * cannot run and stay as they are.
 *
 * A spreadsheet may also split the line on another separator than ours: Excel in a semicolon
 * locale splits a comma file on “;”, and does not see a quote that is not at the start of what it
 * takes as a cell. So a cell holding any common separator (, ; tab |), a quote or a line break of
 * any kind is quoted, and each piece such a split would make is guarded like a cell of its own.
 */

const BREAKS = '\\r\\n\\v\\f\\u0085\\u2028\\u2029';
const NEEDS_QUOTES = new RegExp(`[",;\\t|${BREAKS}]`);
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)$/;
const FORMULA_CHARACTER = /[=+\-@]/;
/** A separator or line break followed (after spaces) by a formula character that is not the sign of a plain number. */
const FORMULA_AFTER_SEPARATOR = new RegExp(
  `([,;\\t|${BREAKS}] *)(?=[=+\\-@])(?![-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[,;\\t|${BREAKS}]|$))`,
  'g',
);

export function csvCell(value: string | number | null | undefined, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  const needsQuotes = NEEDS_QUOTES.test(text) || text.includes(delimiter);
  if (typeof value === 'string') {
    if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
    // Only a cell a spreadsheet could split has pieces to guard.
    if (needsQuotes && FORMULA_CHARACTER.test(text)) text = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  }
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of a CSV file, ending with CRLF as spreadsheets expect. */
export function csvLine(cells: readonly (string | number | null | undefined)[], delimiter = ','): string {
  return `${cells.map((cell) => csvCell(cell, delimiter)).join(delimiter)}\r\n`;
}
