import { fail, ok, type Result } from '../util/result';
import { inTransaction, queryAll, queryValue, type Database } from '../store/sqlite';
import type { SET_KIND } from './file-set';
import type { ImportKind } from './kinds';

/**
 * Undo of the last import. While an import runs, temporary triggers keep every row it changes or
 * deletes as it was before (table import_undo: the row's values as a JSON array in column order,
 * so a column added later by a migration reads as null); the rows it inserts carry its import_id.
 * Undoing deletes those rows and puts the kept ones back, in one transaction. Only the last
 * import keeps its rows' earlier state, so only the last import can be undone.
 */

const DATA_TABLES = ['customers', 'products', 'orders', 'order_lines', 'events', 'baskets'];
/** A replace-import marks the earlier imports of its kind undone: their records are kept too. */
const RECORDED_TABLES = [...DATA_TABLES, 'imports'];
const RUNNING_IMPORT = '(SELECT max(import_id) FROM imports)';
/** meta key naming the import whose earlier state is kept; an import by other means (the CLI) keeps none. */
const UNDOABLE_KEY = 'undoable_import';

export interface UndoneImport {
  importId: number;
  fileName: string;
  /** A set of files imported together is undone as one. */
  kind: ImportKind | typeof SET_KIND;
  rowsImported: number;
}

/**
 * Starts keeping the earlier state of rows for the import about to run (its record must be the
 * newest in `imports` while it runs); returns the function that stops it. The triggers are TEMP:
 * they are never saved with the workspace.
 */
export function recordUndoImages(db: Database): () => void {
  // The earlier import's records go once this import has its own record, in its transaction: a
  // failed import rolls the deletion back, and the freed pages take this import's records.
  db.run(
    `CREATE TEMP TRIGGER undo_imports_insert AFTER INSERT ON main.imports
     BEGIN
       DELETE FROM import_undo WHERE import_id <> NEW.import_id;
     END`,
  );
  const names = ['undo_imports_insert'];
  for (const table of RECORDED_TABLES) {
    const image = `json_array(${columnsOf(db, table)
      .map((column) => `OLD."${column}"`)
      .join(', ')})`;
    for (const event of ['UPDATE', 'DELETE']) {
      const name = `undo_${table}_${event.toLowerCase()}`;
      // Rows the running import wrote itself go with it; their later changes need no record.
      db.run(
        `CREATE TEMP TRIGGER ${name} BEFORE ${event} ON main.${table}
         WHEN OLD.import_id IS NOT ${RUNNING_IMPORT}
         BEGIN
           INSERT INTO import_undo(import_id, table_name, row_id, before_json)
           VALUES (${RUNNING_IMPORT}, '${table}', OLD.rowid, ${image});
         END`,
      );
      names.push(name);
    }
  }
  return () => {
    for (const name of names) db.run(`DROP TRIGGER IF EXISTS temp.${name}`);
  };
}

/** After a successful import: it becomes the one that can be undone. */
export function keepUndoOf(db: Database, importId: number): void {
  db.run('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [
    UNDOABLE_KEY,
    String(importId),
  ]);
}

/** The id of the import that can be undone: the newest one still in effect, when its earlier state was kept. */
export function undoableImportId(db: Database): number | null {
  const [row] = queryAll<{ import_id: number }>(
    db,
    `SELECT import_id FROM imports
      WHERE import_id = (SELECT max(import_id) FROM imports WHERE undone = 0)
        AND import_id = (SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?)`,
    [UNDOABLE_KEY],
  );
  return row?.import_id ?? null;
}

/** Kept rows that are not a JSON list of values for a table the undo restores: a file from elsewhere may hold anything. */
export function unreadableUndoImages(db: Database): number {
  return Number(
    queryValue(
      db,
      `SELECT count(*) FROM import_undo
        WHERE typeof(before_json) != 'text' OR NOT json_valid(before_json) OR json_type(before_json) != 'array'
           OR table_name NOT IN (${RECORDED_TABLES.map(() => '?').join(', ')})`,
      RECORDED_TABLES,
    ),
  );
}

/** Puts the workspace back exactly as it was before the last import. */
export function undoLastImport(db: Database): Result<UndoneImport, string> {
  const importId = undoableImportId(db);
  if (importId === null) return fail('There is no import to undo.');
  if (unreadableUndoImages(db) > 0)
    return fail(
      'What was kept to undo the last import is not in the shape the app writes, so it cannot be undone. The workspace is unchanged.',
    );
  const [undone] = queryAll<{ file_name: string; kind: UndoneImport['kind']; rows_imported: number }>(
    db,
    'SELECT file_name, kind, rows_imported FROM imports WHERE import_id = ?',
    [importId],
  );
  inTransaction(db, () => {
    for (const table of DATA_TABLES) db.run(`DELETE FROM ${table} WHERE import_id = ?`, [importId]);
    for (const table of DATA_TABLES) restoreRows(db, table, importId);
    restoreImportRecords(db, importId);
    db.run('UPDATE imports SET undone = 1 WHERE import_id = ?', [importId]);
    db.run('DELETE FROM import_undo');
    db.run('DELETE FROM meta WHERE key = ?', [UNDOABLE_KEY]);
  });
  return ok({ importId, fileName: undone.file_name, kind: undone.kind, rowsImported: undone.rows_imported });
}

/** The first record of each row is its state before the import; later ones are steps within it. */
const EARLIEST_IMAGES = `SELECT row_id, before_json FROM import_undo
  WHERE rowid IN (SELECT min(rowid) FROM import_undo WHERE import_id = ? AND table_name = ? GROUP BY row_id)`;

function restoreRows(db: Database, table: string, importId: number): void {
  const columns = columnsOf(db, table);
  // A table with an INTEGER PRIMARY KEY keeps its rowid in that column already.
  const rowid = hasRowidColumn(db, table) ? [] : ['rowid'];
  const values = columns.map((_, i) => `json_extract(u.before_json, '$[${i}]')`);
  db.run(
    `INSERT OR REPLACE INTO ${table} (${[...rowid, ...columns].join(', ')})
     SELECT ${[...rowid.map(() => 'u.row_id'), ...values].join(', ')} FROM (${EARLIEST_IMAGES}) AS u`,
    [importId, table],
  );
}

/** Import records are updated in place: data rows refer to them. */
function restoreImportRecords(db: Database, importId: number): void {
  const columns = columnsOf(db, 'imports');
  const updates = columns
    .map((column, i) => `${column} = json_extract(u.before_json, '$[${i}]')`)
    .filter((_, i) => columns[i] !== 'import_id');
  db.run(
    `UPDATE imports SET ${updates.join(', ')}
     FROM (${EARLIEST_IMAGES}) AS u WHERE imports.import_id = u.row_id`,
    [importId, 'imports'],
  );
}

function columnsOf(db: Database, table: string): string[] {
  return queryAll<{ name: string }>(db, `PRAGMA table_info(${table})`).map((column) => column.name);
}

function hasRowidColumn(db: Database, table: string): boolean {
  const keys = queryAll<{ type: string; pk: number }>(db, `PRAGMA table_info(${table})`).filter(
    (column) => column.pk > 0,
  );
  return keys.length === 1 && keys[0].type.toUpperCase() === 'INTEGER';
}
