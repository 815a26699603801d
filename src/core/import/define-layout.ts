import type { FieldName } from './kinds';
import type { ExportLayout, RowPreparer } from './layout';
import { normaliseHeader } from './synonyms';
import type { WarningTally } from './warnings';

/**
 * What a known export layout holds of its own; `defineLayout` makes the ExportLayout from it. A
 * layout names the columns it reads by keys of its own (`order`, `sku` …), each with the file's
 * name for it, or all its names when the platform renamed it over the years (the first one found
 * counts); its mapping and its row preparation speak of these keys.
 */
export interface LayoutDefinition<K extends string> extends Pick<
  ExportLayout,
  'id' | 'label' | 'kind' | 'dayMonthOrder' | 'addedColumns'
> {
  columns: Record<K, string | readonly string[]>;
  /** Columns written together by no other export: the file is this layout's when it has them all. */
  recognisedBy: readonly NoInfer<K>[];
  /**
   * The built-in mapping of the layout's own kind: each field from `name(column)`, the file's name
   * of a column (undefined when the file lacks it: the field is then left out), or from a column
   * the layout adds. An order-lines layout read as plain order lines keeps only the line's fields.
   */
  mapping(name: (column: NoInfer<K>) => string | undefined): Partial<Record<FieldName, string | undefined>>;
  /** Whether an order-lines layout also maps plain order lines; it does unless told not to. */
  mapsPlainLines?: boolean;
  /** Sets up the preparation of each row for one file's columns (each by its index, -1 when missing). */
  prepareRows?(at: Record<NoInfer<K>, number>, file: PreparedFile): RowPreparer;
  /** A column the preparation cannot do without: a file lacking it has its rows read as written. */
  rowsNeed?: NoInfer<K>;
}

export interface PreparedFile {
  /** How many columns the file has: added cells go after them. */
  width: number;
  headers: readonly string[];
  warnings: WarningTally;
}

/** The fields of plain order lines: all an order-lines layout maps when the file is read as plain lines. */
const LINE_FIELDS: readonly FieldName[] = [
  'order_id',
  'product_id',
  'product_name',
  'quantity',
  'unit_price',
  'discount',
];

export function defineLayout<K extends string>(layout: LayoutDefinition<K>): ExportLayout {
  const { columns, recognisedBy, mapping, prepareRows, rowsNeed } = layout;
  const mapsPlainLines = layout.kind === 'order_lines_flat' && layout.mapsPlainLines !== false;
  return {
    id: layout.id,
    label: layout.label,
    kind: layout.kind,
    dayMonthOrder: layout.dayMonthOrder,
    addedColumns: layout.addedColumns,

    recognise(headers) {
      const at = columnIndexes(headers, columns);
      return recognisedBy.every((column) => at[column] >= 0);
    },

    columnsFor(kind, headers) {
      const plainLines = kind === 'order_lines' && mapsPlainLines;
      if (kind !== layout.kind && !plainLines) return null;
      const at = columnIndexes(headers, columns);
      const fields = mapping((column) => (at[column] === -1 ? undefined : headers[at[column]]));
      const mapped: Partial<Record<FieldName, string>> = {};
      for (const [field, column] of Object.entries(fields) as [FieldName, string | undefined][]) {
        if (column !== undefined && (!plainLines || LINE_FIELDS.includes(field))) mapped[field] = column;
      }
      return mapped;
    },

    rowPreparer(headers, warnings) {
      if (!prepareRows) return null;
      const at = columnIndexes(headers, columns);
      if (rowsNeed !== undefined && at[rowsNeed] === -1) return null;
      return prepareRows(at, { width: headers.length, headers, warnings });
    },
  };
}

/**
 * The index of each named column (matched as mappings match names: "Lineitem SKU" is
 * "lineitem_sku"), -1 when missing; of a column given by several names, the first one found.
 */
function columnIndexes<K extends string>(
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

/** The indexes of those of these columns the file has. */
export function presentColumns<K extends string>(at: Record<K, number>, columns: readonly K[]): number[] {
  return columns.map((column) => at[column]).filter((index) => index >= 0);
}
