import { queryAll, type Database } from '../store/sqlite';

/**
 * Secondary indexes of the tables an import writes, put off while its rows go in: SQLite builds
 * an index from the loaded rows faster than it updates it row by row. Only indexes of tables
 * that are empty at the start are put off, so rebuilding never re-reads earlier data. Order
 * lines are looked up by order id for each order that is already in the workspace, so their
 * indexes wait only when there are no orders either. Both steps run inside the import's
 * transaction: a rollback brings the indexes back as they were.
 */
export function deferIndexes(db: Database, tables: readonly string[]): () => void {
  const isEmpty = (table: string) => db.exec(`SELECT 1 FROM ${table} LIMIT 1`).length === 0;
  const deferred = tables.filter((table) => isEmpty(table) && (table !== 'order_lines' || isEmpty('orders')));
  if (deferred.length === 0) return () => {};
  const indexes = queryAll<{ name: string; sql: string }>(
    db,
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
      AND tbl_name IN (${deferred.map(() => '?').join(', ')}) ORDER BY name`,
    deferred,
  );
  for (const { name } of indexes) db.run(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  return () => {
    for (const { sql } of indexes) db.run(sql);
  };
}
