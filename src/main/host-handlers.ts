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
import type { WindowLocks } from './window-locks';

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
  locks: WindowLocks;
  /** The window a request came from, which holds the workspaces it opened. */
  ownerOf(event: E): number;
  demoFolder: string;
}

export const NOT_GRANTED_ERROR =
  'Cross-Sell Planner only opens and saves workspaces you chose in it. Open the workspace again with File > Open.';

/** The main-process side of every Host call. */
export function createHostHandlers<E>(services: HostServices<E>): IpcHandlers<E> {
  const { recent, access, saves, locks } = services;

  const requireGranted = (ref: WorkspaceRef) => {
    if (!access.isGranted(ref.id)) throw new Error(NOT_GRANTED_ERROR);
  };

  /** A recent-files list that cannot be saved must not stop the workspace itself from opening. */
  const remember = (ref: WorkspaceRef) =>
    recent.add(ref).catch((error: unknown) => console.warn('The recent workspaces list was not updated:', error));

  /** Takes the workspace for the window before anything is read, so two windows never write one file. */
  const open = async (path: string, event: E): Promise<OpenedWorkspace> => {
    const owner = services.ownerOf(event);
    await locks.take(owner, path);
    const file = await readWorkspaceFile(path).catch(async (error: unknown) => {
      await locks.release(owner, path);
      throw error;
    });
    const ref = workspaceRefFor(path);
    access.grant(path);
    await remember(ref);
    return { ref, ...file };
  };

  return {
    'workspace:pick': async (_payload, event) => {
      const path = await services.askWorkspaceToOpen(event);
      return path === null ? null : open(path, event);
    },
    'workspace:open-recent': async ({ ref }, event) => {
      requireGranted(ref);
      return open(ref.id, event);
    },
    'workspace:open-backup': async ({ ref }): Promise<OpenedWorkspace> => {
      requireGranted(ref);
      return { ref: workspaceRefFor(ref.id), ...(await readWorkspaceBackup(ref.id)) };
    },
    'workspace:choose-new': async ({ suggestedName }, event) => {
      const chosen = await services.askNewWorkspacePath(event, suggestedName);
      if (chosen === null) return null;
      const path = withWorkspaceExtension(chosen);
      await locks.take(services.ownerOf(event), path);
      access.grant(path);
      const ref = workspaceRefFor(path);
      await remember(ref);
      return ref;
    },
    'workspace:demo-location': async ({ suggestedName }, event) => {
      await mkdir(services.demoFolder, { recursive: true });
      const ref = workspaceRefFor(
        withWorkspaceExtension(join(services.demoFolder, safeFileName(suggestedName, 'Demo workspace'))),
      );
      await locks.take(services.ownerOf(event), ref.id);
      await remember(ref);
      return ref;
    },
    'workspace:save': async ({ ref, bytes }, event) => {
      requireGranted(ref);
      const owner = services.ownerOf(event);
      if (!locks.holds(owner, ref.id)) await locks.take(owner, ref.id);
      // The window is the workspace's only writer, so temp files beside it are a crash's leftovers.
      await saves.save(ref.id, bytes, { strayTemps: 'all' });
      return { savedAt: new Date().toISOString() };
    },
    'workspace:release': ({ ref }, event) => locks.release(services.ownerOf(event), ref.id),
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
