import type { SchemaDifference } from './schema-check';
import { applyConnectionSettings, inTransaction, type Database } from './sqlite';

// Triggers and views go first, so nothing of the file's own runs while the rest is dropped.
const DROP_ORDER = ['trigger', 'view', 'index', 'table'];

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Drops what the app did not build and builds afresh the built-in tables and indexes the file
 * lacks or changed, in the in-memory copy only. Changed built-in tables are refused before this runs.
 */
export function cleanSchema(db: Database, differences: SchemaDifference[]): void {
  const drops = differences
    .filter((d) => d.change !== 'missing')
    .sort((a, b) => DROP_ORDER.indexOf(a.object.type) - DROP_ORDER.indexOf(b.object.type));
  const builds = differences
    .map((d) => (d.change === 'missing' ? d.object : d.expected))
    .filter((object) => object !== undefined)
    .sort((a, b) => DROP_ORDER.indexOf(b.type) - DROP_ORDER.indexOf(a.type));
  // Dropping an extra table must not run foreign-key actions on the user's rows.
  db.run('PRAGMA foreign_keys = OFF');
  try {
    inTransaction(db, () => {
      for (const { object } of drops) db.run(`DROP ${object.type.toUpperCase()} IF EXISTS ${quoted(object.name)}`);
      for (const object of builds) if (object.sql) db.run(object.sql);
    });
  } finally {
    applyConnectionSettings(db);
  }
}
