import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { LINK_RETURNS_SQL } from '../../src/core/import/link-returns';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import { queryAll } from '../../src/core/store/sqlite';

/**
 * A second baseline for the import: the native sqlite3 shell doing the storage work our import
 * does, on an empty workspace of our schema. It loads the file, writes the order lines, derives
 * orders, customers and products, builds every index of those tables and links returns with the
 * importer's own statement, in one transaction; the first line of an order, customer or product
 * wins (`ON CONFLICT DO NOTHING`, the cheapest way SQLite has). It does not validate, convert
 * dates or look for duplicates, so it is a lower bound for the same work, not a copy of it.
 */

/** Header names of one benchmark file for the fields the derived tables need. */
export interface FlatFileColumns {
  orderId: string;
  customerId: string;
  orderedAt: string;
  productId: string;
  productName: string | null;
  quantity: string;
  unitPrice: string;
  country: string | null;
}

const DATA_TABLES = ['order_lines', 'orders', 'customers', 'products'];

export async function nativeSameWorkSeconds(csv: string, columns: FlatFileColumns, workDir: string): Promise<number> {
  const database = join(workDir, 'sqlite3-same-work.db');
  rmSync(database, { force: true });
  const indexes = await writeEmptyWorkspace(database);
  const script = sameWorkScript(csv, columns, indexes);
  const started = performance.now();
  execFileSync('sqlite3', [database], { input: script });
  const seconds = (performance.now() - started) / 1000;
  rmSync(database, { force: true });
  return seconds;
}

async function writeEmptyWorkspace(path: string): Promise<{ name: string; sql: string }[]> {
  const db = createWorkspaceDb(await loadSqlJs(), 'benchmark');
  try {
    const indexes = queryAll<{ name: string; sql: string }>(
      db,
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${DATA_TABLES.map(() => '?').join(', ')})`,
      DATA_TABLES,
    );
    writeFileSync(path, db.export());
    return indexes;
  } finally {
    db.close();
  }
}

function sameWorkScript(csv: string, c: FlatFileColumns, indexes: { name: string; sql: string }[]): string {
  const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const orNull = (name: string | null) => (name === null ? 'NULL' : q(name));
  return `PRAGMA journal_mode = MEMORY;
PRAGMA cache_size = -262144;
PRAGMA foreign_keys = OFF;
.import --csv --schema temp '${csv.replace(/'/g, "''")}' staging
BEGIN;
INSERT INTO imports(import_id, file_name, kind, started_at) VALUES (1, 'benchmark', 'order_lines_flat', '2026-01-01');
${indexes.map((index) => `DROP INDEX ${q(index.name)};`).join('\n')}
INSERT INTO order_lines(order_id, product_id, quantity, unit_price, source_row, import_id)
  SELECT ${q(c.orderId)}, ${q(c.productId)}, CAST(${q(c.quantity)} AS REAL), CAST(${q(c.unitPrice)} AS REAL), rowid + 1, 1 FROM temp.staging;
INSERT INTO orders(order_id, customer_id, ordered_at, extra, import_id)
  SELECT ${q(c.orderId)}, nullif(${q(c.customerId)}, ''), ${q(c.orderedAt)}, json_object('country', ${orNull(c.country)}), 1
  FROM temp.staging WHERE true ON CONFLICT DO NOTHING;
INSERT INTO customers(customer_id, country, import_id)
  SELECT ${q(c.customerId)}, ${orNull(c.country)}, 1 FROM temp.staging WHERE ${q(c.customerId)} <> '' ON CONFLICT DO NOTHING;
INSERT INTO products(product_id, name, import_id)
  SELECT ${q(c.productId)}, ${orNull(c.productName)}, 1 FROM temp.staging WHERE true ON CONFLICT DO NOTHING;
${indexes.map((index) => `${index.sql};`).join('\n')}
${LINK_RETURNS_SQL.replace('?', '1')};
COMMIT;
`;
}
