import type { FieldName } from './kinds';

/**
 * A customer's order count ("order_number" 1, 2, 3 … per customer, as in a grocery app's export)
 * restarts for every customer, so its values repeat down the file; a shop's own order number
 * never does. The proposal keeps a column as the sequence only when its sampled values repeat.
 */
export function keepSequenceIfItRepeats(
  columns: Partial<Record<FieldName, string>>,
  headers: readonly string[],
  sampleRows: readonly string[][],
): Partial<Record<FieldName, string>> {
  const column = columns.sequence;
  if (column === undefined) return columns;
  const index = headers.indexOf(column);
  const values = sampleRows.map((row) => row[index]?.trim() ?? '').filter((value) => value !== '');
  if (new Set(values).size < values.length) return columns;
  const { sequence: _notASequence, ...rest } = columns;
  return rest;
}
