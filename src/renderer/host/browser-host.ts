import type { Host, OpenedWorkspace, SaveExportRequest, WorkspaceRef } from '../../shared/host';
import { fail, ok, type Result } from '../../core/util/result';
import { WORKSPACE_EXTENSION } from '../../shared/host';
import { DATA_FILE_TYPES, PLAN_FILE_TYPES, pickFiles } from './pick-files';
import { printReport } from './print-report';
import { openWorkspaceStorage, storeWorkspace, touchEntry, type WorkspaceStorage } from './browser-storage';
import { createTabLocks } from './tab-locks';

const EXTERNAL_HOSTS = new Set(['cross-sell-planner.example.org']);

/**
 * The Host in a plain browser: workspaces live in IndexedDB, files come in through a file input
 * and leave as downloads. A picked file is only a copy; it is stored once it opened cleanly.
 */
export function createBrowserHost(): Host {
  let storage: Promise<WorkspaceStorage> | null = null;
  const db = () => (storage ??= openWorkspaceStorage());
  const locks = createTabLocks();
  /** A workspace this tab opens or creates is its own until released. */
  const taken = async <T extends { id: string }>(ref: T): Promise<T> => {
    await locks.take(ref.id);
    return ref;
  };

  const guard = async <T>(work: () => Promise<T>): Promise<Result<T>> => {
    try {
      return ok(await work());
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
  };

  const openStored = async (ref: WorkspaceRef): Promise<OpenedWorkspace> => {
    await locks.take(ref.id);
    try {
      return await readStored(ref, 'bytes');
    } catch (error) {
      locks.release(ref.id);
      throw error;
    }
  };

  const readStored = async (ref: WorkspaceRef, which: 'bytes' | 'backup'): Promise<OpenedWorkspace> => {
    const file = await (await db()).get('files', ref.id);
    const bytes = file?.[which];
    if (!bytes)
      throw new Error(
        which === 'backup'
          ? 'There is no backup of this workspace.'
          : 'This workspace is no longer stored in this browser.',
      );
    await touchEntry(await db(), ref.id);
    return { ref, bytes, hasBackup: Boolean(file.backup) };
  };

  return {
    kind: 'browser',
    pickWorkspace: () =>
      guard(async () => {
        const [file] = await pickFiles(`.${WORKSPACE_EXTENSION}`);
        if (!file) return null;
        const ref = await taken({ id: crypto.randomUUID(), name: baseName(file.name) });
        return { ref, bytes: new Uint8Array(await file.arrayBuffer()), hasBackup: false, needsFirstSave: true };
      }),
    pickDataFiles: () =>
      guard(async () => {
        const files = await pickFiles(DATA_FILE_TYPES, true);
        return files.length > 0 ? files : null;
      }),
    pickPlanFile: () => guard(async () => (await pickFiles(PLAN_FILE_TYPES))[0] ?? null),
    openRecent: (ref) => guard(() => openStored(ref)),
    openBackup: (ref) => guard(() => readStored(ref, 'backup')),
    chooseNewWorkspace: (suggestedName) => guard(() => taken({ id: crypto.randomUUID(), name: suggestedName })),
    demoWorkspace: (suggestedName) => guard(() => taken({ id: crypto.randomUUID(), name: suggestedName })),
    releaseWorkspace: (ref) => guard(async () => locks.release(ref.id)),
    saveWorkspace: (ref, bytes) =>
      guard(async () => {
        if (!locks.holds(ref.id)) await locks.take(ref.id);
        return { savedAt: await storeWorkspace(await db(), ref.id, ref.name, bytes) };
      }),
    listRecent: () =>
      guard(async () =>
        (await (await db()).getAll('entries'))
          .filter((entry) => !entry.hidden)
          .sort((a, b) => b.openedAt.localeCompare(a.openedAt))
          .map((entry) => ({ ref: { id: entry.id, name: entry.name }, openedAt: entry.openedAt })),
      ),
    forgetRecent: (ref) =>
      guard(async () => {
        const entry = await (await db()).get('entries', ref.id);
        if (entry) await (await db()).put('entries', { ...entry, hidden: true });
      }),
    saveExport: (request) => guard(async () => ({ savedTo: download(request) })),
    printToPdf: (html) => guard(async () => ({ printDialog: await printReport(html) })),
    openExternal: (url) =>
      guard(async () => {
        const parsed = new URL(url);
        if (parsed.protocol !== 'https:' || !EXTERNAL_HOSTS.has(parsed.hostname))
          throw new Error('That link is not allowed.');
        window.open(parsed.href, '_blank', 'noopener,noreferrer');
      }),
    setTitle: (title) => {
      document.title = title;
    },
    onMenuCommand: () => undefined,
    onBeforeQuit: ({ flush, hasUnsavedWork }) => {
      // A page cannot wait for a save while it unloads: it saves as soon as it is hidden, and
      // asks the browser to confirm leaving while a save is still due.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') flush().catch(() => undefined);
      });
      window.addEventListener('beforeunload', (event) => {
        if (!hasUnsavedWork()) return;
        event.preventDefault();
        flush().catch(() => undefined);
      });
    },
  };
}

function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '') || fileName;
}

function download({ suggestedName, mimeType, data }: SaveExportRequest): string {
  const blob = new Blob([data as BlobPart], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = suggestedName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return suggestedName;
}
