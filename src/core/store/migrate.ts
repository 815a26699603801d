import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './schema';
import { inTransaction, queryValue, type Database } from './sqlite';

export function schemaVersionOf(db: Database): number {
  return Number(queryValue(db, 'PRAGMA user_version'));
}

/** Brings a workspace from whatever version it is at up to `target`, one step per transaction. */
export function migrate(db: Database, target = SCHEMA_VERSION, steps: readonly string[] = MIGRATIONS): void {
  let version = schemaVersionOf(db);
  if (version > steps.length)
    throw new Error(`schema version ${version} is newer than this app knows (${steps.length})`);
  while (version < target) {
    const step = steps[version];
    const next = version + 1;
    inTransaction(db, () => {
      db.exec(step);
      db.run(`PRAGMA user_version = ${next}`);
      db.run(`PRAGMA application_id = ${APPLICATION_ID}`);
    });
    version = next;
  }
}
