import type { FieldName, ImportKind } from './kinds';
import { normaliseHeader } from './synonyms';

/** The fields of plain order lines: all a layout maps when the file is imported as plain lines. */
const LINE_FIELDS: readonly FieldName[] = [
  'order_id',
  'product_id',
  'product_name',
  'quantity',
  'unit_price',
  'discount',
];

/** Whether the file has every one of these columns (matched as mappings match names). */
export function hasColumns(headers: readonly string[], names: readonly string[]): boolean {
  const keys = new Set(headers.map(normaliseHeader));
  return names.every((name) => keys.has(normaliseHeader(name)));
}

/**
 * A layout's built-in mapping of an order-line export: each field from the first of its columns
 * the file has (as the file spells it). For plain order lines, only the line's own fields.
 */
export function orderLineColumns(
  kind: ImportKind,
  headers: readonly string[],
  fields: Partial<Record<FieldName, readonly string[]>>,
): Partial<Record<FieldName, string>> | null {
  if (kind !== 'order_lines_flat' && kind !== 'order_lines') return null;
  return fieldColumns(headers, fields, (field) => kind === 'order_lines_flat' || LINE_FIELDS.includes(field));
}

/** Each field mapped to the first of its columns the file has, as the file spells it. */
export function fieldColumns(
  headers: readonly string[],
  fields: Partial<Record<FieldName, readonly string[]>>,
  keep: (field: FieldName) => boolean = () => true,
): Partial<Record<FieldName, string>> {
  const keys = headers.map(normaliseHeader);
  const columns: Partial<Record<FieldName, string>> = {};
  for (const [field, names] of Object.entries(fields) as [FieldName, readonly string[]][]) {
    const found = names.map((name) => keys.indexOf(normaliseHeader(name))).find((index) => index >= 0);
    if (found !== undefined && keep(field)) columns[field] = headers[found];
  }
  return columns;
}
