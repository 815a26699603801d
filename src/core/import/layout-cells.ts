/**
 * Reading and rewriting the cells of one row of a known export layout, by column index (-1 for a
 * column the file lacks).
 */

/** A cell of a row, '' for a column the file lacks or a short row lacks. */
export const cellAt = (cells: readonly string[], index: number) => (index >= 0 ? (cells[index] ?? '') : '');

export function setAt(cells: string[], index: number, value: string): void {
  if (index >= 0 && index < cells.length) cells[index] = value;
}

/** An accountant's negative amount, "($1.00)", as a plain one, "-$1.00"; other text as it is. */
export function signedAmount(text: string): string {
  const value = text.trim();
  return value.startsWith('(') && value.endsWith(')') ? `-${value.slice(1, -1)}` : value;
}
