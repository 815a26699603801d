/**
 * The part of sql.js that core uses, declared here so core compiles without sql.js's typings
 * (they pull in Node's). The worker and the Node loader hand in the real sql.js, which fits.
 */
export type SqlValue = number | string | Uint8Array | null;

export interface Statement {
  bind(values?: SqlValue[]): boolean;
  step(): boolean;
  get(params?: SqlValue[]): SqlValue[];
  getAsObject(params?: SqlValue[]): Record<string, SqlValue>;
  run(values?: SqlValue[]): void;
  reset(): void;
  free(): boolean;
}

export interface QueryExecResult {
  columns: string[];
  values: SqlValue[][];
}

export interface Database {
  run(sql: string, params?: SqlValue[]): Database;
  exec(sql: string, params?: SqlValue[]): QueryExecResult[];
  prepare(sql: string, params?: SqlValue[]): Statement;
  getRowsModified(): number;
  export(): Uint8Array;
  close(): void;
}

export interface SqlJsStatic {
  Database: new (data?: ArrayLike<number> | null) => Database;
}

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
  // Functions with side effects may not run from a file's own views or triggers.
  db.run('PRAGMA trusted_schema = OFF');
}
