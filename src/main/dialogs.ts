import {
  app,
  dialog,
  type BrowserWindow,
  type FileFilter,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { extname, join } from 'node:path';
import { WORKSPACE_EXTENSION } from '../shared/host';
import { safeFileName } from './workspace-files';

/** The native dialogs main shows. Each file question returns the chosen path, or null on cancel. */

const WORKSPACE_FILTER: FileFilter = { name: 'Cross-Sell Planner workspace', extensions: [WORKSPACE_EXTENSION] };

const EXPORT_KINDS: Record<string, string> = {
  csv: 'CSV table',
  md: 'Markdown document',
  html: 'Web page',
  json: 'JSON data',
  pdf: 'PDF document',
  txt: 'Text file',
  zip: 'ZIP archive',
};

export async function askWorkspaceToOpen(window: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Open a workspace',
    properties: ['openFile'],
    filters: [WORKSPACE_FILTER],
  };
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

export function askNewWorkspacePath(window: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  return askSavePath(window, {
    title: 'Create a workspace',
    buttonLabel: 'Create',
    defaultPath: join(app.getPath('documents'), `${safeFileName(suggestedName)}.${WORKSPACE_EXTENSION}`),
    filters: [WORKSPACE_FILTER],
  });
}

export function askExportPath(window: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  const extension = extname(suggestedName).slice(1).toLowerCase();
  const kind = EXPORT_KINDS[extension];
  return askSavePath(window, {
    title: 'Save the export',
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters: kind ? [{ name: kind, extensions: [extension] }] : [],
  });
}

async function askSavePath(window: BrowserWindow | null, options: SaveDialogOptions): Promise<string | null> {
  const full: SaveDialogOptions = { ...options, properties: ['createDirectory', 'showOverwriteConfirmation'] };
  const result = window ? await dialog.showSaveDialog(window, full) : await dialog.showSaveDialog(full);
  return result.canceled || !result.filePath ? null : result.filePath;
}

export async function askQuitWithoutSaving(window: BrowserWindow): Promise<boolean> {
  const { response } = await dialog.showMessageBox(window, {
    type: 'warning',
    title: 'Unsaved changes',
    message: 'Your latest changes may not be saved yet.',
    detail:
      'Cross-Sell Planner did not get confirmation that your workspace was saved. If you quit now, changes since the last save can be lost.',
    buttons: ['Keep the App Open', 'Quit Without Saving'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return response === 1;
}
