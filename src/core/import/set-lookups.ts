import { queryAll, type Database } from '../store/sqlite';
import { BatchedInsert } from './batched-insert';
import { VALUE_LIMITS, withinLimit } from './field-limits';
import type { LabelledField } from './file-set';
import { RowReader } from './read-rows';
import type { FileFormat } from './preview';
import type { ByteSource } from './source';

/**
 * The id → name files of a set (aisles, departments, a category translation): read into a
 * temporary table each, then applied to the products of the set, or, without a products file
 * carrying their codes, to the workspace's products.
 */

export interface LookupOutcome {
  /** Products that took a name from the lookup. */
  labelled: number;
  /** Codes on the set's products that the lookup does not name, with the products carrying them. */
  unknownCodes: string[];
  productsWithUnknownCodes: number;
}

export const lookupTable = (position: number) => `temp.set_lookup_${position}`;

/** A lookup's names read, and how many codes or names were longer than the workspace keeps and shortened. */
export interface LookupRead {
  rows: number;
  shortened: number;
}

export async function readLookup(
  db: Database,
  table: string,
  source: ByteSource,
  format: FileFormat,
): Promise<LookupRead> {
  db.run(`CREATE TABLE ${table} (code TEXT PRIMARY KEY, name TEXT NOT NULL)`);
  const insert = new BatchedInsert(db, `INSERT INTO ${table}(code, name)`, 2, 'ON CONFLICT(code) DO NOTHING');
  let shortened = 0;
  const kept = (value: string, limit: number) => {
    const within = withinLimit(value, limit);
    if (within.shortened) shortened++;
    return within.value;
  };
  try {
    const reader = new RowReader(source, format.encoding, format.delimiter);
    for await (const batch of reader.batches()) {
      for (const { row, cells, problem } of batch.rows) {
        if (problem || (format.hasHeader && row === 1)) continue;
        const code = (cells[0] ?? '').trim();
        const name = (cells[1] ?? '').trim();
        if (code !== '' && name !== '') insert.add(kept(code, VALUE_LIMITS.id), kept(name, VALUE_LIMITS.text));
      }
    }
    insert.flush();
    return { rows: insert.modified, shortened };
  } finally {
    insert.free();
  }
}

/** Names the codes the set's products carry in one field. */
export function applyLookup(db: Database, table: string, field: LabelledField, importId: number): LookupOutcome {
  const unknown = queryAll<{ code: string; products: number }>(
    db,
    `SELECT ${field} AS code, count(*) AS products FROM products
      WHERE import_id = ? AND ${field} IS NOT NULL AND ${field} NOT IN (SELECT code FROM ${table})
      GROUP BY ${field} ORDER BY ${field}`,
    [importId],
  );
  db.run(
    `UPDATE products SET ${field} = (SELECT name FROM ${table} WHERE code = products.${field})
      WHERE import_id = ? AND ${field} IN (SELECT code FROM ${table})`,
    [importId],
  );
  return {
    labelled: db.getRowsModified(),
    unknownCodes: unknown.map((u) => u.code),
    productsWithUnknownCodes: unknown.reduce((sum, u) => sum + u.products, 0),
  };
}

/**
 * Names the workspace's products: a field holding the codes (categories to translate), or, where
 * the field is empty, the code an earlier file kept among the extra columns under the lookup's
 * column name (aisle_id). Returns the products named.
 */
export function applyWorkspaceLookup(db: Database, table: string, field: LabelledField, key: string): number {
  db.run(
    `UPDATE products SET ${field} = (SELECT name FROM ${table} WHERE code = products.${field})
      WHERE ${field} IN (SELECT code FROM ${table})`,
  );
  let labelled = db.getRowsModified();
  const path = `$."${key.replace(/"/g, '')}"`;
  db.run(
    `UPDATE products SET ${field} = (SELECT name FROM ${table} WHERE code = json_extract(products.extra, ?))
      WHERE ${field} IS NULL AND extra IS NOT NULL AND json_extract(extra, ?) IN (SELECT code FROM ${table})`,
    [path, path],
  );
  labelled += db.getRowsModified();
  return labelled;
}
