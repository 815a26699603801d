import { assessReadiness } from '../core/analysis/readiness';
import { generateDemoWorkspace } from '../core/demo/generate-workspace';
import { createWorkspaceDb, openCleanedWorkspaceBytes, openWorkspaceBytes } from '../core/store/open-workspace';
import { applyConnectionSettings } from '../core/store/sqlite';
import { unreadableValues } from '../core/store/unreadable-values';
import { MAX_WORKSPACE_NAME } from '../core/store/workspace-summary';
import type { WorkspaceApi } from '../shared/engine-api';
import { failed, wrote, type EngineContext } from './context';

export function workspaceApi(context: EngineContext): WorkspaceApi {
  const { SQL } = context;
  return {
    create: (name) => context.exclusive(async () => context.replace(createWorkspaceDb(SQL, name))),
    open: (bytes) =>
      context.exclusive(async () => {
        const opened = openWorkspaceBytes(SQL, bytes);
        // An open failure already has the engine's failure shape.
        if (!opened.ok) return { ok: false, failure: opened.error };
        return { ok: true, value: context.replace(opened.value), warnings: unreadableValues(opened.value) };
      }),
    openCleaned: (bytes) =>
      context.exclusive(async () => {
        const opened = openCleanedWorkspaceBytes(SQL, bytes);
        if (!opened.ok) return { ok: false, failure: opened.error };
        const { db, removed } = opened.value;
        return { ok: true, value: context.replace(db), removed, warnings: unreadableValues(db) };
      }),
    createDemo: (industry, onProgress, size) =>
      context.exclusive(async () => context.replace(generateDemoWorkspace(SQL, industry, { ...size, onProgress }))),
    summary: () => context.read(() => context.summary()),
    readiness: () => context.read(assessReadiness),
    rename: async (name) => {
      const renamed = await context.write((db) => {
        const trimmed = name.trim();
        if (!trimmed) return failed('workspace', 'A workspace needs a name.');
        db.run("UPDATE meta SET value = ? WHERE key = 'name'", [trimmed.slice(0, MAX_WORKSPACE_NAME)]);
        return wrote({});
      });
      // A nameless workspace is the caller's mistake, not an outcome to show.
      if (!renamed.ok) throw new Error(renamed.failure.message);
      return renamed.summary;
    },
    toBytes: () =>
      context.read((db) => {
        const bytes = db.export();
        applyConnectionSettings(db);
        return bytes;
      }),
    close: () => context.exclusive(async () => context.close()),
  };
}
