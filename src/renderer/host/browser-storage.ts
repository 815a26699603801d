import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** The browser edition's file system: workspaces and their backups kept in IndexedDB. */

export interface StoredEntry {
  id: string;
  name: string;
  openedAt: string;
  savedAt: string;
  hidden: boolean;
}

export interface StoredFile {
  id: string;
  bytes: Uint8Array;
  backup: Uint8Array | null;
}

interface WorkspaceDbSchema extends DBSchema {
  entries: { key: string; value: StoredEntry };
  files: { key: string; value: StoredFile };
}

export const BROWSER_DB_NAME = 'cross-sell-planner';

export type WorkspaceStorage = IDBPDatabase<WorkspaceDbSchema>;

export function openWorkspaceStorage(): Promise<WorkspaceStorage> {
  return openDB<WorkspaceDbSchema>(BROWSER_DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('entries', { keyPath: 'id' });
      db.createObjectStore('files', { keyPath: 'id' });
    },
  });
}

/** Replaces a workspace's bytes and keeps the previous ones as its backup, in one transaction. */
export async function storeWorkspace(storage: WorkspaceStorage, id: string, name: string, bytes: Uint8Array) {
  const now = new Date().toISOString();
  const tx = storage.transaction(['entries', 'files'], 'readwrite');
  const files = tx.objectStore('files');
  const entries = tx.objectStore('entries');
  const previous = await files.get(id);
  const entry = await entries.get(id);
  await files.put({ id, bytes, backup: previous?.bytes ?? null });
  await entries.put({ id, name, openedAt: entry?.openedAt ?? now, savedAt: now, hidden: false });
  await tx.done;
  return now;
}

export async function touchEntry(storage: WorkspaceStorage, id: string): Promise<void> {
  const entry = await storage.get('entries', id);
  if (entry) await storage.put('entries', { ...entry, openedAt: new Date().toISOString(), hidden: false });
}
