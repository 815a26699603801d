import { createStore } from 'zustand/vanilla';
import type { Host, OpenedWorkspace, RecentWorkspace, WorkspaceRef } from '../../shared/host';
import type { Progress } from '../../core/util/progress';
import type { Readiness } from '../../core/analysis/readiness-types';
import type { Industry, OpenFailure, WorkspaceSummary } from '../../core/store/workspace-types';
import { progressChannel, type EngineClient } from '../engine-client';
import { createAutosave } from './autosave';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

export interface OpenProblem extends OpenFailure {
  ref: WorkspaceRef;
  hasBackup: boolean;
  /** The refused file's bytes, kept while a copy without what the app did not put there can be offered. */
  bytes?: Uint8Array;
}

export interface WorkspaceState {
  ref: WorkspaceRef | null;
  summary: WorkspaceSummary | null;
  /** What each strategy can be built on; reloaded whenever the data changes. */
  readiness: Readiness | null;
  saveState: SaveState;
  saveError: string | null;
  busy: Progress | null;
  /** The open under way can be cancelled (it runs in the worker, which is stopped and started afresh). */
  canCancel: boolean;
  openProblem: OpenProblem | null;
  notice: string | null;
  recent: RecentWorkspace[];
  /** The "New workspace" dialog is open (from the home screen or the File menu). */
  namingNewWorkspace: boolean;
}

export interface WorkspaceActions {
  refreshRecent(): Promise<void>;
  createWorkspace(name: string): Promise<void>;
  pickAndOpen(): Promise<void>;
  openRecent(ref: WorkspaceRef): Promise<void>;
  openBackup(problem: OpenProblem): Promise<void>;
  /** Opens a copy of a refused file without the objects the app did not put there, saved under a new name. */
  openCleanedCopy(problem: OpenProblem): Promise<void>;
  openDemo(industry: Industry, name: string): Promise<void>;
  forgetRecent(ref: WorkspaceRef): Promise<void>;
  renameWorkspace(name: string): Promise<void>;
  saveCopy(): Promise<void>;
  /** Takes the workspace as an import left it, and saves it. */
  adoptImport(summary: WorkspaceSummary): void;
  /** Takes a change that leaves the data as it was (e.g. a cached analysis), and saves it. */
  adoptChange(summary: WorkspaceSummary): void;
  /** An edit is on its way to the engine (e.g. a plan being typed): the workspace is not saved yet. */
  markUnsaved(): void;
  closeWorkspace(): Promise<void>;
  setNamingNewWorkspace(open: boolean): void;
  dismissProblem(): void;
  /** Stops the open under way: the app stays on the home screen and the file is left as it is. */
  cancelOpen(): void;
  dismissNotice(): void;
  /** Saves now if anything is unsaved; resolves once the bytes are on disk. */
  flush(): Promise<void>;
}

export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;

const initialState: WorkspaceState = {
  ref: null,
  summary: null,
  readiness: null,
  saveState: 'saved',
  saveError: null,
  busy: null,
  canCancel: false,
  openProblem: null,
  notice: null,
  recent: [],
  namingNewWorkspace: false,
};

export interface WorkspaceStoreOptions {
  /** Writes edits other stores hold back (e.g. a plan being typed) into the engine before a save or a close. */
  settlePendingEdits?: () => Promise<void>;
  /** Whether such edits are waiting: the workspace is not "saved" while they are. */
  hasPendingEdits?: () => boolean;
  /** Stops the engine's worker and starts a fresh one: how an open that cannot finish is cancelled. */
  restartEngine?: () => void;
}

const CANCELLED = Symbol('cancelled');

export function createWorkspaceStore(host: Host, engine: EngineClient, options: WorkspaceStoreOptions = {}) {
  return createStore<WorkspaceState & WorkspaceActions>()((set, get) => {
    const autosave = createAutosave({
      save: async () => {
        const { ref } = get();
        if (!ref) return;
        const revision = get().summary?.revision ?? 0;
        set({ saveState: 'saving' });
        const bytes = await engine.workspace.toBytes();
        const result = await host.saveWorkspace(ref, bytes);
        if (!result.ok) {
          set({ saveState: 'failed', saveError: result.error });
          throw new Error(result.error);
        }
        // Edits made while the bytes were on their way keep the workspace unsaved.
        const latest = get().summary?.revision ?? 0;
        const settled = latest === revision && !options.hasPendingEdits?.();
        set({ saveState: settled ? 'saved' : 'unsaved', saveError: null });
        if (latest !== revision) autosave.schedule();
      },
    });

    const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: string }): T => {
      if (!result.ok) throw new Error(result.error);
      return result.value;
    };

    const withBusy = async (label: string, work: () => Promise<void>) => {
      set({ busy: { label, done: 0, total: 0 }, notice: null });
      try {
        await work();
      } catch (error) {
        set({ notice: error instanceof Error ? error.message : String(error) });
      } finally {
        set({ busy: null });
      }
    };

    // Readiness is advice: failing to compute it must never stand in the way of opening or saving.
    const refreshReadiness = () =>
      engine.workspace.readiness().then(
        (readiness) => set({ readiness }),
        (error: unknown) =>
          set({
            notice: `Data readiness could not be checked: ${error instanceof Error ? error.message : String(error)}`,
          }),
      );

    const adopt = async (ref: WorkspaceRef, summary: WorkspaceSummary, saveNow: boolean) => {
      set({
        ref,
        summary,
        readiness: null,
        openProblem: null,
        saveState: saveNow ? 'unsaved' : 'saved',
        saveError: null,
      });
      if (saveNow) {
        autosave.schedule();
        await autosave.flush();
      }
      await Promise.all([refreshReadiness(), get().refreshRecent()]);
    };

    let cancelOpen: (() => void) | null = null;
    /** The work, or CANCELLED as soon as the user cancels it (the work itself is stopped by restarting the engine). */
    const cancellable = <T>(work: Promise<T>) =>
      new Promise<T | typeof CANCELLED>((resolve, reject) => {
        const settle = () => {
          if (cancelOpen === cancel) cancelOpen = null;
          set({ canCancel: false });
        };
        const cancel = () => {
          settle();
          resolve(CANCELLED);
        };
        cancelOpen = cancel;
        set({ canCancel: true });
        work.then(resolve, reject).finally(settle);
      });

    const openBytes = async (opened: OpenedWorkspace) => {
      const result = await cancellable<Awaited<ReturnType<typeof engine.workspace.open>>>(
        engine.workspace.open(opened.bytes),
      );
      if (result === CANCELLED) {
        options.restartEngine?.();
        set({ notice: `Opening ${opened.ref.name} was cancelled. The file has not been changed.` });
        await host.releaseWorkspace(opened.ref);
        return;
      }
      if (!result.ok) {
        const bytes = result.failure.canClean ? opened.bytes : undefined;
        set({ openProblem: { ...result.failure, ref: opened.ref, hasBackup: opened.hasBackup, bytes } });
        await host.releaseWorkspace(opened.ref);
        return;
      }
      await adopt(opened.ref, result.value, Boolean(opened.needsFirstSave));
      if (result.warnings.length > 0) set({ notice: result.warnings.join(' ') });
    };

    const settleAndSave = async () => {
      await options.settlePendingEdits?.();
      await autosave.flush();
    };

    const leaveCurrent = async () => {
      await settleAndSave();
      autosave.cancel();
      await engine.workspace.close();
      const { ref } = get();
      set({ ref: null, summary: null, readiness: null, saveState: 'saved' });
      if (ref) await host.releaseWorkspace(ref);
    };

    return {
      ...initialState,

      refreshRecent: async () => {
        const result = await host.listRecent();
        if (result.ok) set({ recent: result.value });
      },

      createWorkspace: (name) =>
        withBusy('Creating workspace', async () => {
          const ref = unwrap(await host.chooseNewWorkspace(name));
          if (!ref) return;
          await leaveCurrent();
          await adopt(ref, await engine.workspace.create(ref.name), true);
        }),

      pickAndOpen: () =>
        withBusy('Opening workspace', async () => {
          const opened = unwrap(await host.pickWorkspace());
          if (!opened) return;
          await leaveCurrent();
          await openBytes(opened);
        }),

      openRecent: (ref) =>
        withBusy('Opening workspace', async () => {
          const result = await host.openRecent(ref);
          if (!result.ok) {
            set({ notice: `${ref.name} could not be opened: ${result.error}` });
            return;
          }
          await leaveCurrent();
          await openBytes(result.value);
        }),

      openBackup: (problem) =>
        withBusy('Opening backup', async () => {
          const opened = unwrap(await host.openBackup(problem.ref));
          const result = await engine.workspace.open(opened.bytes);
          if (!result.ok) {
            set({ openProblem: { ...result.failure, ref: problem.ref, hasBackup: false } });
            return;
          }
          // The recovered copy goes to a new file: neither the damaged file nor its backup is overwritten.
          const target = unwrap(await host.chooseNewWorkspace(`${problem.ref.name} (recovered)`));
          if (!target) return;
          await adopt(target, result.value, true);
          set({ notice: `Recovered ${problem.ref.name} from its backup into ${target.name}.` });
        }),

      openCleanedCopy: (problem) =>
        withBusy('Opening a cleaned copy', async () => {
          if (!problem.bytes) return;
          const result = await engine.workspace.openCleaned(problem.bytes);
          if (!result.ok) {
            set({ openProblem: { ...result.failure, ref: problem.ref, hasBackup: problem.hasBackup } });
            return;
          }
          // Like a recovered backup, the copy goes to a new file: the original keeps its bytes.
          const target = unwrap(await host.chooseNewWorkspace(`${problem.ref.name} (cleaned)`));
          if (!target) {
            await engine.workspace.close();
            return;
          }
          await adopt(target, result.value, true);
          set({
            notice: `Opened a copy of ${problem.ref.name} without ${result.removed.join(', ')}, saved as ${target.name}. The original file has not been changed.`,
          });
        }),

      openDemo: (industry, name) =>
        withBusy('Building demo workspace', async () => {
          const ref = unwrap(await host.demoWorkspace(name));
          await leaveCurrent();
          const summary = await engine.workspace.createDemo(
            industry,
            progressChannel((progress) => set({ busy: progress })),
          );
          await adopt(ref, summary, true);
        }),

      forgetRecent: async (ref) => {
        await host.forgetRecent(ref);
        await get().refreshRecent();
      },

      renameWorkspace: async (name) => {
        const summary = await engine.workspace.rename(name);
        const { ref } = get();
        // In the browser edition the workspace's name is all the file name there is.
        const renamedRef = ref && host.kind === 'browser' ? { ...ref, name: summary.name } : ref;
        set({ summary, ref: renamedRef, saveState: 'unsaved' });
        autosave.schedule();
      },

      adoptImport: (summary) => {
        get().adoptChange(summary);
        void refreshReadiness();
      },

      markUnsaved: () => {
        if (get().saveState === 'saved') set({ saveState: 'unsaved' });
      },

      adoptChange: (summary) => {
        set({ summary, saveState: 'unsaved' });
        autosave.schedule();
      },

      saveCopy: async () => {
        const { summary } = get();
        if (!summary) return;
        const bytes = await engine.workspace.toBytes();
        const result = await host.saveExport({
          suggestedName: `${summary.name}.xsell`,
          mimeType: 'application/vnd.sqlite3',
          data: bytes,
        });
        if (!result.ok) set({ notice: `The copy could not be saved: ${result.error}` });
        else if (result.value) set({ notice: `Saved a copy as ${result.value.savedTo}.` });
      },

      closeWorkspace: async () => {
        await leaveCurrent();
        await get().refreshRecent();
      },

      setNamingNewWorkspace: (open) => set({ namingNewWorkspace: open }),
      cancelOpen: () => cancelOpen?.(),

      dismissProblem: () => set({ openProblem: null }),
      dismissNotice: () => set({ notice: null }),
      flush: settleAndSave,
    };
  });
}
