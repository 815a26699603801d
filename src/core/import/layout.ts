import type { FieldName, ImportKind } from './kinds';
import { normaliseHeader } from './synonyms';
import type { DayMonthOrder } from './values';
import type { WarningTally } from './warnings';

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
] as const;
export type LayoutId = (typeof LAYOUT_IDS)[number];

/** What the preview says about a recognised layout. */
export interface LayoutSummary {
  id: LayoutId;
  label: string;
}

/** Turns the cells of one row as read into the cells the mapping reads; may return the same array. */
export type RowPreparer = (cells: string[], row: number) => string[];

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
}

/** The index of each named column (matched as mappings match names: "Lineitem SKU" is "lineitem_sku"), -1 when missing. */
export function columnIndexes<K extends string>(
  headers: readonly string[],
  names: Record<K, string>,
): Record<K, number> {
  const keys = headers.map(normaliseHeader);
  const indexes = {} as Record<K, number>;
  for (const key of Object.keys(names) as K[]) indexes[key] = keys.indexOf(normaliseHeader(names[key]));
  return indexes;
}
