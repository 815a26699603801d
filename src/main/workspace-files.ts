import { access, readFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, resolve } from 'node:path';
import type { WorkspaceRef } from '../shared/host';
import { WORKSPACE_EXTENSION } from '../shared/host';
import { backupPathFor } from '../node/atomic-write';

/** A workspace read from disk. Reading never writes: a file that fails to open stays untouched. */
export interface WorkspaceFile {
  bytes: Uint8Array;
  hasBackup: boolean;
}

export function workspaceRefFor(path: string): WorkspaceRef {
  const name = basename(path, extname(path));
  return { id: path, name: name || basename(path) };
}

/** A file name that is valid on every platform, from a name the user or a demo chose. */
export function safeFileName(name: string, fallback = 'Workspace'): string {
  const cleaned = name
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned);
  return cleaned && !reserved ? cleaned.slice(0, 120) : fallback;
}

/** Adds the workspace extension when the user typed a name without it. */
export function withWorkspaceExtension(path: string): string {
  return extname(path).toLowerCase() === `.${WORKSPACE_EXTENSION}` ? path : `${path}.${WORKSPACE_EXTENSION}`;
}

export async function readWorkspaceFile(path: string): Promise<WorkspaceFile> {
  const bytes = await readOrExplain(path, 'workspace');
  return { bytes, hasBackup: await fileExists(backupPathFor(path)) };
}

export async function readWorkspaceBackup(path: string): Promise<WorkspaceFile> {
  const bytes = await readOrExplain(backupPathFor(path), 'backup');
  return { bytes, hasBackup: true };
}

async function readOrExplain(path: string, what: 'workspace' | 'backup'): Promise<Uint8Array> {
  try {
    const buffer = await readFile(path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const file = `“${basename(path)}”`;
    if (code === 'ENOENT') {
      throw new Error(
        what === 'backup'
          ? `There is no backup of this workspace in “${dirname(path)}”.`
          : `${file} is no longer in “${dirname(path)}”. It may have been moved, renamed or deleted.`,
      );
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new Error(`You do not have permission to open ${file}.`);
    }
    if (code === 'EISDIR') throw new Error(`${file} is a folder, not a file. Choose a workspace file inside it.`);
    throw new Error(`Could not open ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function fileExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * The workspace paths the page may read and save: ones the user picked in a dialog, opened, or
 * has in recent files, plus workspaces in the demo folder. Main refuses every other path, so a
 * compromised page cannot overwrite or read arbitrary files.
 */
export class WorkspaceAccess {
  readonly #granted = new Set<string>();
  readonly #demoFolder: string;

  constructor(demoFolder: string) {
    this.#demoFolder = resolve(demoFolder);
  }

  grant(path: string): void {
    this.#granted.add(resolve(path));
  }

  isGranted(path: string): boolean {
    if (!isAbsolute(path)) return false;
    const full = resolve(path);
    if (this.#granted.has(full)) return true;
    return dirname(full) === this.#demoFolder && extname(full).toLowerCase() === `.${WORKSPACE_EXTENSION}`;
  }
}
