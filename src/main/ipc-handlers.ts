import { BrowserWindow, ipcMain, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_CHANNELS } from '../shared/ipc-channels';
import { askExportPath, askNewWorkspacePath, askWorkspaceToOpen } from './dialogs';
import { createHostHandlers } from './host-handlers';
import { createIpcDispatcher } from './ipc-dispatch';
import { renderHtmlToPdf } from './pdf-export';
import type { RecentFiles } from './recent-files';
import { validateSender } from './security';
import type { WorkspaceAccess } from './workspace-files';
import type { WriteQueue } from '../node/write-queue';
import type { WindowLocks } from './window-locks';

export interface IpcContext {
  recent: RecentFiles;
  access: WorkspaceAccess;
  saves: WriteQueue;
  locks: WindowLocks;
  demoFolder: string;
  devServerUrl?: string;
  onQuitReady(contents: WebContents): void;
}

/** One ipcMain.handle per channel of the contract, each checked and answered by the dispatcher. */
export function registerIpcHandlers(context: IpcContext): void {
  const windowOf = (event: IpcMainInvokeEvent) => BrowserWindow.fromWebContents(event.sender);
  const handlers = createHostHandlers<IpcMainInvokeEvent>({
    askWorkspaceToOpen: (event) => askWorkspaceToOpen(windowOf(event)),
    askNewWorkspacePath: (event, suggestedName) => askNewWorkspacePath(windowOf(event), suggestedName),
    askExportPath: (event, suggestedName) => askExportPath(windowOf(event), suggestedName),
    renderPdf: renderHtmlToPdf,
    openExternal: (url) => shell.openExternal(url),
    setTitle: (event, title) => windowOf(event)?.setTitle(title),
    quitReady: (event) => context.onQuitReady(event.sender),
    recent: context.recent,
    access: context.access,
    saves: context.saves,
    locks: context.locks,
    ownerOf: (event) => event.sender.id,
    demoFolder: context.demoFolder,
  });
  const dispatch = createIpcDispatcher(handlers, (frameUrl) => validateSender(frameUrl, context.devServerUrl));
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatch(channel, event, payload));
  }
}
