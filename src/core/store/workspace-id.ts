import { queryValue, type Database } from './sqlite';

/** The workspace's identity in `meta`, given to every workspace by a migration step. */
const WORKSPACE_ID_KEY = 'workspace_id';

export function workspaceIdOf(db: Database): string {
  const id = queryValue(db, 'SELECT value FROM meta WHERE key = ?', [WORKSPACE_ID_KEY]);
  if (typeof id !== 'string') throw new Error('The workspace has no identity: it was not migrated.');
  return id;
}

/** Replaces the random identity with a given one: a generated demo is the same workspace for the same seed and size. */
export function setWorkspaceId(db: Database, id: string): void {
  db.run('UPDATE meta SET value = ? WHERE key = ?', [id, WORKSPACE_ID_KEY]);
}
