import { migrate } from './migrate';
import { applyConnectionSettings, queryAll, type Database, type SqlJsStatic } from './sqlite';

/** One row of a file's `sqlite_master`, with its SQL in a form that ignores layout. */
export interface SchemaObject {
  type: string;
  name: string;
  tableName: string;
  sql: string | null;
}

/** How a file's schema differs from the one the app builds at the file's own version. */
export interface SchemaDifference {
  change: 'unknown' | 'altered' | 'missing';
  /** The file's object; for a missing one, the app's. */
  object: SchemaObject;
  /** The app's own version of an altered object. */
  expected?: SchemaObject;
}

// SQLite keeps AUTOINCREMENT counters in sqlite_sequence and builds an autoindex for a table's own
// constraints: neither runs anything, and the table itself is compared.
const isIgnored = (row: { type: string; name: string; sql: string | null }) =>
  row.name === 'sqlite_sequence' ||
  (row.type === 'index' && row.sql === null && row.name.startsWith('sqlite_autoindex_'));

/** The objects of a database's main schema. Reads only `sqlite_master`, never a table or view. */
export function schemaObjectsOf(db: Database): SchemaObject[] {
  return queryAll<{ type: string; name: string; tbl_name: string; sql: string | null }>(
    db,
    'SELECT type, name, tbl_name, sql FROM main.sqlite_master',
  )
    .filter((row) => !isIgnored(row))
    .map((row) => ({ type: row.type, name: row.name, tableName: row.tbl_name, sql: normaliseSql(row.sql) }));
}

function normaliseSql(sql: string | null): string | null {
  return sql === null ? null : sql.replace(/\s+/g, ' ').trim();
}

const expectedByEngine = new WeakMap<SqlJsStatic, Map<number, SchemaObject[]>>();

/** The schema a fresh migration to `version` builds, worked out once per version. */
export function expectedSchema(SQL: SqlJsStatic, version: number): SchemaObject[] {
  let byVersion = expectedByEngine.get(SQL);
  if (!byVersion) expectedByEngine.set(SQL, (byVersion = new Map()));
  let objects = byVersion.get(version);
  if (!objects) {
    const fresh = new SQL.Database();
    try {
      applyConnectionSettings(fresh);
      migrate(fresh, version);
      objects = schemaObjectsOf(fresh);
    } finally {
      fresh.close();
    }
    byVersion.set(version, objects);
  }
  return objects;
}

/** Every object the file has that the app did not build, builds differently, or builds and the file lacks. */
export function compareSchema(actual: SchemaObject[], expected: SchemaObject[]): SchemaDifference[] {
  const key = (o: SchemaObject) => `${o.type}\u0000${o.name.toLowerCase()}`;
  const expectedByKey = new Map(expected.map((o) => [key(o), o]));
  const actualKeys = new Set(actual.map(key));
  const differences: SchemaDifference[] = [];
  for (const object of actual) {
    const wanted = expectedByKey.get(key(object));
    if (!wanted) differences.push({ change: 'unknown', object });
    else if (wanted.sql !== object.sql || wanted.tableName.toLowerCase() !== object.tableName.toLowerCase())
      differences.push({ change: 'altered', object, expected: wanted });
  }
  for (const object of expected) if (!actualKeys.has(key(object))) differences.push({ change: 'missing', object });
  return differences;
}

/** A built-in table changed in place holds the user's rows in a shape the app does not know: it cannot be cleaned away. */
export function canBeCleaned(differences: SchemaDifference[]): boolean {
  return differences.every((d) => !(d.change === 'altered' && d.object.type === 'table'));
}

/** “the trigger “x””, “a changed table “plans””, “no table “orders”” — as the open message lists them. */
export function describeDifference({ change, object }: SchemaDifference): string {
  const what = `${object.type} “${object.name}”`;
  if (change === 'unknown') return `the ${what}`;
  if (change === 'altered') return `a changed ${what}`;
  return `no ${what}`;
}
