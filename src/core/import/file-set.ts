import { KIND_LABELS, type ImportKind } from './kinds';
import type { ImportMapping } from './mapping';
import { proposeMapping, type ImportPreview } from './preview';
import { personColumn, purchaseTimeColumn, setFileRole, type SetFileRole } from './set-roles';
import { normaliseHeader } from './synonyms';

/**
 * Several files picked together are one set, planned as one import: what each file holds (or why
 * it is left out), the order they go in (a file's references first: lookups, products, customers,
 * orders, then the lines that point to them), and how the files fit together.
 */

/** The kind of the import record a set writes: its files share that one record. */
export const SET_KIND = 'set';

export type LabelledField = 'category' | 'family';

export interface PlannedFile {
  /** Where the file stands among the files picked. */
  index: number;
  fileName: string;
  role: SetFileRole;
  /** A data file's mapping, fitted to the set. */
  mapping?: ImportMapping;
  /** A lookup's field of the products it names; null when it renames the workspace's categories. */
  labels?: LabelledField;
  /** A lookup's column in the set's products file. */
  productColumn?: string | null;
}

export interface FileSetPlan {
  /** In import order; skipped files last. */
  files: PlannedFile[];
  /** The customer list names the customer of each order and the person behind them: orders go to the person. */
  person: { index: number; orderCustomerColumn: string } | null;
}

const ORDER: Record<ImportKind | 'lookup', number> = {
  lookup: 0,
  products: 1,
  customers: 2,
  orders: 3,
  order_lines_flat: 4,
  order_lines: 4,
  events: 5,
  baskets: 6,
};

export function planFileSet(previews: readonly ImportPreview[]): FileSetPlan {
  const files: PlannedFile[] = previews.map((preview, index) => ({
    index,
    fileName: preview.fileName,
    role: setFileRole(preview),
  }));
  const kinds = new Set(files.flatMap((file) => (file.role.role === 'data' ? [file.role.kind] : [])));
  let person: FileSetPlan['person'] = null;

  for (const file of files) {
    if (file.role.role !== 'data') continue;
    const preview = previews[file.index];
    // With an orders file in the set, the lines only point to its orders.
    if (file.role.kind === 'order_lines_flat' && kinds.has('orders')) file.role = { role: 'data', kind: 'order_lines' };
    const kind = file.role.kind;
    const mapping =
      preview.mapping?.kind === kind
        ? { ...preview.mapping, columns: { ...preview.mapping.columns } }
        : proposeMapping(kind, preview.headers, preview.sampleRows).mapping;
    if ((kind === 'orders' || kind === 'order_lines_flat') && !mapping.columns.ordered_at) {
      const time = purchaseTimeColumn(preview.headers);
      if (time) mapping.columns.ordered_at = time;
    }
    if (kind === 'customers') {
      const personId = personColumn(preview);
      if (personId && mapping.columns.customer_id) {
        person = { index: file.index, orderCustomerColumn: mapping.columns.customer_id };
        mapping.columns.customer_id = personId;
      }
    }
    file.mapping = mapping;
  }

  placeLookups(files, previews);
  const rank = (file: PlannedFile) =>
    file.role.role === 'skipped' ? 99 : file.role.role === 'lookup' ? ORDER.lookup : ORDER[file.role.kind];
  files.sort((a, b) => rank(a) - rank(b) || a.index - b.index);
  return { files, person };
}

/**
 * Each lookup labels the products column that carries its codes (aisle_id in the products file
 * and aisles.csv), or translates the category when that column is the category. Codes without a
 * field yet become the category, the next the family; the lookup with more rows is the finer one.
 * Without such a column, the lookups name the workspace's products the same way.
 */
function placeLookups(files: PlannedFile[], previews: readonly ImportPreview[]): void {
  const products = files.find((file) => file.role.role === 'data' && file.role.kind === 'products');
  const lookups = files
    .filter((file) => file.role.role === 'lookup')
    .sort((a, b) => previews[b.index].sampleRows.length - previews[a.index].sampleRows.length);
  for (const [place, lookup] of lookups.entries()) {
    if (lookup.role.role !== 'lookup') continue;
    const key = normaliseHeader(lookup.role.key);
    const column = products ? previews[products.index].headers.find((h) => normaliseHeader(h) === key) : undefined;
    lookup.productColumn = column ?? null;
    const columns = products?.mapping?.columns;
    if (!column || !columns) {
      lookup.labels = place === 1 ? 'family' : 'category';
      continue;
    }
    const mapped = (['category', 'family'] as const).find((field) => columns[field] === column);
    const field = mapped ?? (['category', 'family'] as const).find((f) => columns[f] === undefined);
    lookup.labels = field ?? 'category';
    if (!field) lookup.productColumn = null;
    else if (!mapped) columns[field] = column;
  }
}

/** How a planned file is described: its kind, a lookup, or why it is left out. */
export function describePlannedFile(file: PlannedFile): string {
  switch (file.role.role) {
    case 'data':
      return KIND_LABELS[file.role.kind];
    case 'lookup':
      return `names for the ${file.labels === 'family' ? 'product families' : 'categories'} (${file.role.key} → ${file.role.label})`;
    case 'skipped':
      return file.role.unreadable
        ? `cannot be imported: ${file.role.reason}`
        : `not used for cross-selling: ${file.role.reason}`;
  }
}
