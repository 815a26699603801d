import { csvLine } from '../../../core/export/csv-cell';

/** A column of a results table: how to read its value from a row, and how to show it. */
export interface Column<T> {
  key: string;
  label: string;
  value: (row: T) => string | number | null;
  /** Shown text; defaults to the value, numbers with thousands separators. */
  format?: (value: string | number | null, row: T) => string;
  numeric?: boolean;
  /** CSS grid track, e.g. '2fr' or '7rem'. */
  width?: string;
  /** What the column means in general: the header's tooltip. */
  help?: string;
  /** What the cell says about its row, in the row's own numbers: the cell's tooltip. */
  explain?: (row: T) => string;
  /** The column holds a sentence about its row: shown up to a sentence's length, not clipped as a name. */
  sentence?: boolean;
}

export type SortOrder = { key: string; direction: 'ascending' | 'descending' } | null;

export function shownText<T>(column: Column<T>, row: T): string {
  const value = column.value(row);
  if (column.format) return column.format(value, row);
  if (value === null) return '–';
  return typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 3 }) : value;
}

/** Rows whose shown text in any column contains the query (case does not matter). */
export function filterRows<T>(rows: readonly T[], columns: readonly Column<T>[], query: string): T[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...rows];
  return rows.filter((row) => columns.some((column) => shownText(column, row).toLowerCase().includes(needle)));
}

/** Sorted copy; empty values always last, ties keep their original order. */
export function sortRows<T>(rows: readonly T[], columns: readonly Column<T>[], order: SortOrder): T[] {
  const column = order && columns.find((c) => c.key === order.key);
  if (!order || !column) return [...rows];
  const sign = order.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: column.value(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null)
        return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const compared =
        typeof a.value === 'number' && typeof b.value === 'number'
          ? a.value - b.value
          : String(a.value).localeCompare(String(b.value));
      return compared === 0 ? a.index - b.index : sign * compared;
    })
    .map((entry) => entry.row);
}

/** The rows as CSV with the columns' labels as header, raw values (not the shown text), formula-safe. */
export function rowsToCsv<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  return [csvLine(columns.map((c) => c.label)), ...rows.map((row) => csvLine(columns.map((c) => c.value(row))))].join(
    '',
  );
}
