import type { Database } from '../store/sqlite';
import { queryAll } from '../store/sqlite';

/**
 * A counter per data table, raised whenever an import (or its undo) changes that table. Cached
 * analyses remember the counters of the tables they read, so a new import invalidates exactly the
 * results that depend on what it changed.
 */

export type DataTable = 'customers' | 'products' | 'orders' | 'order_lines' | 'events' | 'baskets';
export const ALL_DATA_TABLES: readonly DataTable[] = [
  'customers',
  'products',
  'orders',
  'order_lines',
  'events',
  'baskets',
];

const KEY_PREFIX = 'data_version:';

/** The tables an import of each kind can write: directly, derived from its rows, or by replacing. */
export const TABLES_WRITTEN_BY_KIND: Record<string, readonly DataTable[]> = {
  customers: ['customers'],
  products: ['products'],
  orders: ['orders', 'customers'],
  order_lines: ['order_lines', 'products'],
  order_lines_flat: ['order_lines', 'orders', 'customers', 'products'],
  events: ['events'],
  baskets: ['baskets'],
  set: ALL_DATA_TABLES,
};

export function bumpDataVersions(db: Database, tables: readonly DataTable[]): void {
  for (const table of tables) {
    db.run(
      `INSERT INTO meta(key, value) VALUES (?, '1')
       ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`,
      [KEY_PREFIX + table],
    );
  }
}

/** The counters of the given tables as one comparable text, e.g. "order_lines:3 products:1". */
export function dataVersionOf(db: Database, tables: readonly DataTable[]): string {
  const stored = new Map(
    queryAll<{ key: string; value: string }>(db, `SELECT key, value FROM meta WHERE key LIKE '${KEY_PREFIX}%'`).map(
      (r) => [r.key, r.value],
    ),
  );
  return [...tables]
    .sort()
    .map((table) => `${table}:${stored.get(KEY_PREFIX + table) ?? '0'}`)
    .join(' ');
}
