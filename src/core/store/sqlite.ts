import type { Database, SqlJsStatic, SqlValue } from 'sql.js';

export type { Database, SqlJsStatic, SqlValue };

/** Runs a query and returns its rows as objects keyed by column name. */
export function queryAll<T = Record<string, SqlValue>>(db: Database, sql: string, params: SqlValue[] = []): T[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const rows: T[] = [];
    while (stmt.step()) rows.push(stmt.getAsObject() as T);
    return rows;
  } finally {
    stmt.free();
  }
}

/** The first column of the first row, or null. */
export function queryValue(db: Database, sql: string, params: SqlValue[] = []): SqlValue {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    return stmt.step() ? stmt.get()[0] : null;
  } finally {
    stmt.free();
  }
}

/** Runs `work` inside one transaction: all of it is committed, or none of it. */
export function inTransaction<T>(db: Database, work: () => T): T {
  db.run('BEGIN');
  try {
    const result = work();
    db.run('COMMIT');
    return result;
  } catch (error) {
    db.run('ROLLBACK');
    throw error;
  }
}

/**
 * Per-connection settings. sql.js closes and reopens the database inside db.export(), which
 * drops them, so this runs after every open and every export.
 */
export function applyConnectionSettings(db: Database): void {
  db.run('PRAGMA foreign_keys = ON');
}
