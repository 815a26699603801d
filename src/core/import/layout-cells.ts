import { parseYesNo } from './values';

/** Small readings and rewritings of a row's cells, shared by the known export layouts. */

/** A cell of a row, '' for a column the file lacks or a short row lacks. */
export const cellAt = (cells: readonly string[], index: number) => (index >= 0 ? (cells[index] ?? '') : '');

export function setAt(cells: string[], index: number, value: string): void {
  if (index >= 0 && index < cells.length) cells[index] = value;
}

/** Spreadsheets drop leading zeros and read "+1…" as a formula, so shop systems write zips and phones as '02134. */
export function withoutTextQuote(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

/** Consent as newer exports write it ("subscribed", "not_subscribed" …); unknown words become blank. */
const CONSENT_WORDS: Record<string, string> = {
  subscribed: 'yes',
  not_subscribed: 'no',
  unsubscribed: 'no',
  pending: 'no',
  invalid: 'no',
  redacted: 'no',
};

/** A consent cell as a yes/no answer the import reads, or blank when it says neither. */
export function consentAnswer(text: string): string {
  if (parseYesNo(text) !== null) return text;
  return CONSENT_WORDS[text.trim().toLowerCase()] ?? '';
}

/**
 * A copy of a row's cells with a layout's added values after the file's columns. Blank cells a
 * trailing separator leaves past the last column are dropped first (the row checker drops them
 * too); a row of the wrong width otherwise stays wrong, so it is still refused as such.
 */
export function withAddedCells(cells: readonly string[], width: number, added: readonly string[]): string[] {
  const trailingBlanks = cells.length > width && cells.slice(width).every((cell) => cell.trim() === '');
  return [...(trailingBlanks ? cells.slice(0, width) : cells), ...added];
}

/** An accountant's negative amount, "($1.00)", as a plain one, "-$1.00"; other text as it is. */
export function signedAmount(text: string): string {
  const value = text.trim();
  return value.startsWith('(') && value.endsWith(')') ? `-${value.slice(1, -1)}` : value;
}
