import type { Host, OpenedWorkspace, RecentWorkspace, WorkspaceRef } from '../../shared/host';
import type { IpcChannel, IpcRequest, PreloadBridge } from '../../shared/ipc';
import { ok, type Result } from '../../core/util/result';
import { DATA_FILE_TYPES, PLAN_FILE_TYPES, pickFiles } from './pick-files';

/** The Host over Electron: every call is one IPC round trip through the preload bridge. */
export function createElectronHost(bridge: PreloadBridge): Host {
  const call = <T, C extends IpcChannel>(channel: C, payload: IpcRequest<C>) =>
    bridge.invoke(channel, payload) as Promise<Result<T>>;

  return {
    kind: 'electron',
    pickWorkspace: () => call<OpenedWorkspace | null, 'workspace:pick'>('workspace:pick', undefined),
    // A file input works in Electron's renderer too, and hands the engine a File it can read by range.
    pickDataFiles: async () => {
      const files = await pickFiles(DATA_FILE_TYPES, true);
      return ok(files.length > 0 ? files : null);
    },
    pickPlanFile: async () => ok((await pickFiles(PLAN_FILE_TYPES))[0] ?? null),
    openRecent: (ref) => call<OpenedWorkspace, 'workspace:open-recent'>('workspace:open-recent', { ref }),
    openBackup: (ref) => call<OpenedWorkspace, 'workspace:open-backup'>('workspace:open-backup', { ref }),
    chooseNewWorkspace: (suggestedName) =>
      call<WorkspaceRef | null, 'workspace:choose-new'>('workspace:choose-new', { suggestedName }),
    demoWorkspace: (suggestedName) =>
      call<WorkspaceRef, 'workspace:demo-location'>('workspace:demo-location', { suggestedName }),
    releaseWorkspace: (ref) => call<void, 'workspace:release'>('workspace:release', { ref }),
    saveWorkspace: (ref, bytes) => call<{ savedAt: string }, 'workspace:save'>('workspace:save', { ref, bytes }),
    listRecent: () => call<RecentWorkspace[], 'recent:list'>('recent:list', undefined),
    forgetRecent: (ref) => call<void, 'recent:forget'>('recent:forget', { ref }),
    saveExport: (request) => call<{ savedTo: string } | null, 'export:save'>('export:save', request),
    printToPdf: (html, suggestedName) =>
      call<{ savedTo: string } | null, 'export:pdf'>('export:pdf', { html, suggestedName }),
    openExternal: (url) => call<void, 'shell:open-external'>('shell:open-external', { url }),
    setTitle: (title) => void bridge.invoke('window:set-title', { title }),
    onMenuCommand: (listener) => void bridge.onMenuCommand(listener),
    onBeforeQuit: ({ flush }) =>
      bridge.onQuitRequested(() => {
        // Only a successful save lets the window close; on failure main asks the user what to do.
        flush().then(
          () => bridge.invoke('app:quit-ready', undefined),
          () => undefined,
        );
      }),
  };
}
