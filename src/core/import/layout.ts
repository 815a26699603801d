import type { FieldName, ImportKind } from './kinds';
import { normaliseHeader } from './synonyms';
import type { DayMonthOrder } from './values';
import { WarningTally } from './warnings';

/**
 * A known export layout: the file a shop system writes when asked for its data, recognised by a
 * few column names no other file uses together. Its built-in mapping replaces the guess from
 * column names, and its rows can be prepared before they are read (blank cells filled in from
 * the row that holds them, codes taken from another column when blank).
 */

export const LAYOUT_IDS = [
  'shopify-orders',
  'square-item-sales',
  'etsy-order-items',
  'etsy-orders',
  'squarespace-orders',
  'wix-orders',
  'shopify-customers',
  'shopify-products',
  'woocommerce-order-items',
  'woocommerce-analytics-orders',
  'woocommerce-customers',
  'woocommerce-analytics-customers',
] as const;
export type LayoutId = (typeof LAYOUT_IDS)[number];

/** What the preview says about a recognised layout. */
export interface LayoutSummary {
  id: LayoutId;
  label: string;
}

/**
 * Turns the cells of one row as read into the cells the mapping reads (the file's columns, then
 * the layout's added ones). Usually one row; none skips a row that holds nothing of the file's
 * kind (an image-only row of a product export), which the preparer counts among the warnings;
 * several split a row that packs several order lines into one cell.
 */
export type RowPreparer = (cells: string[], row: number) => string[][];

export interface ExportLayout extends LayoutSummary {
  /** What the file holds. */
  kind: ImportKind;
  /** Whether the column names (as the file writes them) are this layout's. */
  recognise(headers: readonly string[]): boolean;
  /** The built-in mapping for a kind, or null when this layout does not hold that kind. */
  columnsFor(kind: ImportKind, headers: readonly string[]): Partial<Record<FieldName, string>> | null;
  /** How the export writes dates such as 03/04/25, when it always writes them one way. */
  dayMonthOrder?: DayMonthOrder;
  /** The preparation of each row, set up for one file's columns; null when rows are read as written. */
  rowPreparer(headers: readonly string[], warnings: WarningTally): RowPreparer | null;
  /** Columns the preparer adds after the file's own (a value the export lacks, such as a customer key). */
  addedColumns?: readonly string[];
}

/** The file's column names followed by those the layout adds. */
export function withAddedColumns(layout: ExportLayout | null, headers: readonly string[]): string[] {
  return [...headers, ...(layout?.addedColumns ?? [])];
}

/** Sampled rows as the import will read them: prepared, without the rows the layout skips, split where it splits. */
export function prepareSampleRows(
  layout: ExportLayout | null,
  headers: readonly string[],
  rows: readonly string[][],
): string[][] {
  const prepare = layout?.rowPreparer(headers, new WarningTally()) ?? null;
  if (!prepare) return rows.slice();
  return rows.flatMap((cells, i) => prepare(cells, i + 2));
}

/**
 * The index of each named column (matched as mappings match names: "Lineitem SKU" is
 * "lineitem_sku"), -1 when missing. A column a platform renamed over the years is given by all its
 * names, the first one found counts.
 */
export function columnIndexes<K extends string>(
  headers: readonly string[],
  names: Record<K, string | readonly string[]>,
): Record<K, number> {
  const keys = headers.map(normaliseHeader);
  const indexes = {} as Record<K, number>;
  for (const key of Object.keys(names) as K[]) {
    const found = [names[key]].flat().map((name) => keys.indexOf(normaliseHeader(name)));
    indexes[key] = found.find((index) => index >= 0) ?? -1;
  }
  return indexes;
}

/** The file's name of each column found, so a layout's mapping can name them. */
export function columnNamer<K extends string>(headers: readonly string[], at: Record<K, number>) {
  return (column: K): string | undefined => (at[column] === -1 ? undefined : headers[at[column]]);
}
