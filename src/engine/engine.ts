import { generateDemoWorkspace } from '../core/demo/generate-workspace';
import { createWorkspaceDb, openWorkspaceBytes } from '../core/store/open-workspace';
import { applyConnectionSettings, type Database, type SqlJsStatic } from '../core/store/sqlite';
import { summarizeWorkspace } from '../core/store/workspace-summary';
import type { EngineApi } from '../shared/engine-api';
import { fail, ok } from '../shared/result';

/**
 * The engine behind the worker's RPC surface. Platform-free: sql.js is handed in, so the same
 * code runs in the Web Worker, in the CLI and in Node specs.
 */
export function createEngine(SQL: SqlJsStatic): EngineApi {
  let db: Database | null = null;
  let revision = 0;

  const current = (): Database => {
    if (!db) throw new Error('No workspace is open.');
    return db;
  };
  const replace = (next: Database) => {
    db?.close();
    db = next;
    revision = 0;
    return summarizeWorkspace(next, revision);
  };

  return {
    async newWorkspace(name) {
      return replace(createWorkspaceDb(SQL, name));
    },
    async openWorkspace(bytes) {
      const opened = openWorkspaceBytes(SQL, bytes);
      return opened.ok ? ok(replace(opened.value)) : fail(opened.error);
    },
    async createDemo(industry, onProgress) {
      return replace(generateDemoWorkspace(SQL, industry, { onProgress }));
    },
    async summary() {
      return summarizeWorkspace(current(), revision);
    },
    async renameWorkspace(name) {
      const trimmed = name.trim();
      if (!trimmed) throw new Error('A workspace needs a name.');
      current().run("UPDATE meta SET value = ? WHERE key = 'name'", [trimmed]);
      revision++;
      return summarizeWorkspace(current(), revision);
    },
    async exportBytes() {
      const bytes = current().export();
      applyConnectionSettings(current());
      return bytes;
    },
    async closeWorkspace() {
      db?.close();
      db = null;
      revision = 0;
    },
  };
}
