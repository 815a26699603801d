import { mkdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { OpenedWorkspace, WorkspaceRef } from '../shared/host';
import { WORKSPACE_EXTENSION } from '../shared/host';
import { writeFileAtomic } from '../node/atomic-write';
import type { IpcHandlers } from './ipc-dispatch';
import type { RecentFiles } from './recent-files';
import { isAllowedExternalUrl } from './security';
import {
  readWorkspaceBackup,
  readWorkspaceFile,
  safeFileName,
  withWorkspaceExtension,
  workspaceRefFor,
  type WorkspaceAccess,
} from './workspace-files';
import type { WriteQueue } from '../node/write-queue';

/** What the handlers need from the desktop, given per request `E` (the IPC event in the app). */
export interface HostServices<E> {
  /** Each returns the chosen path, or null when the user cancels. */
  askWorkspaceToOpen(event: E): Promise<string | null>;
  askNewWorkspacePath(event: E, suggestedName: string): Promise<string | null>;
  askExportPath(event: E, suggestedName: string): Promise<string | null>;
  renderPdf(html: string): Promise<Uint8Array>;
  openExternal(url: string): Promise<void>;
  setTitle(event: E, title: string): void;
  quitReady(event: E): void;
  recent: RecentFiles;
  access: WorkspaceAccess;
  saves: WriteQueue;
  demoFolder: string;
}

export const NOT_GRANTED_ERROR =
  'Cross-Sell Planner only opens and saves workspaces you chose in it. Open the workspace again with File > Open.';

/** The main-process side of every Host call. */
export function createHostHandlers<E>(services: HostServices<E>): IpcHandlers<E> {
  const { recent, access, saves } = services;

  const requireGranted = (ref: WorkspaceRef) => {
    if (!access.isGranted(ref.id)) throw new Error(NOT_GRANTED_ERROR);
  };

  /** A recent-files list that cannot be saved must not stop the workspace itself from opening. */
  const remember = (ref: WorkspaceRef) =>
    recent.add(ref).catch((error: unknown) => console.warn('The recent workspaces list was not updated:', error));

  const open = async (path: string): Promise<OpenedWorkspace> => {
    const file = await readWorkspaceFile(path);
    const ref = workspaceRefFor(path);
    access.grant(path);
    await remember(ref);
    return { ref, ...file };
  };

  return {
    'workspace:pick': async (_payload, event) => {
      const path = await services.askWorkspaceToOpen(event);
      return path === null ? null : open(path);
    },
    'workspace:open-recent': async ({ ref }) => {
      requireGranted(ref);
      return open(ref.id);
    },
    'workspace:open-backup': async ({ ref }): Promise<OpenedWorkspace> => {
      requireGranted(ref);
      return { ref: workspaceRefFor(ref.id), ...(await readWorkspaceBackup(ref.id)) };
    },
    'workspace:choose-new': async ({ suggestedName }, event) => {
      const chosen = await services.askNewWorkspacePath(event, suggestedName);
      if (chosen === null) return null;
      const path = withWorkspaceExtension(chosen);
      access.grant(path);
      const ref = workspaceRefFor(path);
      await remember(ref);
      return ref;
    },
    'workspace:demo-location': async ({ suggestedName }) => {
      await mkdir(services.demoFolder, { recursive: true });
      const ref = workspaceRefFor(
        withWorkspaceExtension(join(services.demoFolder, safeFileName(suggestedName, 'Demo workspace'))),
      );
      await remember(ref);
      return ref;
    },
    'workspace:save': async ({ ref, bytes }) => {
      requireGranted(ref);
      await saves.save(ref.id, bytes);
      return { savedAt: new Date().toISOString() };
    },
    'recent:list': () => recent.list(),
    'recent:forget': async ({ ref }) => {
      await recent.forget(ref.id);
    },
    'export:save': async ({ suggestedName, data }, event) => {
      const path = await services.askExportPath(event, suggestedName);
      if (path === null) return null;
      if (extname(path).toLowerCase() === `.${WORKSPACE_EXTENSION}`) {
        throw new Error('An export cannot replace a workspace file. Choose another name.');
      }
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
      await writeFileAtomic(path, bytes, { keepBackup: false });
      return { savedTo: path };
    },
    'export:pdf': async ({ html, suggestedName }, event) => {
      const name = extname(suggestedName).toLowerCase() === '.pdf' ? suggestedName : `${suggestedName}.pdf`;
      const path = await services.askExportPath(event, name);
      if (path === null) return null;
      await writeFileAtomic(path, await services.renderPdf(html), { keepBackup: false });
      return { savedTo: path };
    },
    'shell:open-external': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new Error('Cross-Sell Planner only opens links to its own help pages.');
      await services.openExternal(url);
    },
    'window:set-title': ({ title }, event) => services.setTitle(event, title),
    'app:quit-ready': (_payload, event) => services.quitReady(event),
  };
}
