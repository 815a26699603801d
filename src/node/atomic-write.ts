import { constants } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { removeStrayTemps, tempPathFor, type StrayTemps } from './temp-names';

/**
 * Replaces a file so that, whatever happens (error, crash, power cut after the final rename),
 * the path holds either the complete old content or the complete new content.
 */

/** The steps of one write, in order; a step hook runs before each one. */
export const WRITE_STEPS = [
  'open-temp',
  'write',
  'fsync',
  'close',
  'backup-copy',
  'backup-fsync',
  'backup-rename',
  'rename',
  'dir-fsync',
] as const;
export type WriteStep = (typeof WRITE_STEPS)[number];

/** The file-system calls a write makes; node:fs/promises by default, replaceable to inject faults. */
export type AtomicWriteFs = Pick<typeof nodeFs, 'open' | 'copyFile' | 'rename' | 'rm' | 'stat' | 'access' | 'readdir'>;

export interface AtomicWriteOptions {
  /** Keep the replaced version as `<path>.bak` (default true). */
  keepBackup?: boolean;
  /** Runs before each step; if it throws, the write fails at that step. */
  beforeStep?: (step: WriteStep) => void | Promise<void>;
  fs?: AtomicWriteFs;
  /**
   * Temp files that earlier writes of this path left behind (a crash) are removed after a write:
   * 'old' ones only, as another writer may still be using a new one, or 'all' for a writer that
   * holds the workspace's lock. Default 'old'.
   */
  strayTemps?: StrayTemps;
}

export class FileWriteError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly step: WriteStep,
    options: { cause: unknown },
  ) {
    super(message, options);
    this.name = 'FileWriteError';
  }
}

export function backupPathFor(path: string): string {
  return `${path}.bak`;
}

export async function writeFileAtomic(
  path: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs;
  const keepBackup = options.keepBackup ?? true;
  let step: WriteStep = 'open-temp';
  const run = async <T>(next: WriteStep, action: () => Promise<T>): Promise<T> => {
    step = next;
    await options.beforeStep?.(next);
    return action();
  };

  const temp = tempPathFor(path);
  const backupTemp = tempPathFor(path, 'backup');
  try {
    const mode = await existingMode(fs, path);
    // A file marked read-only is the user's choice: it is not replaced behind their back.
    if (mode !== undefined) await fs.access(path, constants.W_OK);
    const handle = await run('open-temp', () => fs.open(temp, 'wx', mode));
    let closed = false;
    try {
      await run('write', () => handle.writeFile(bytes));
      await run('fsync', () => handle.sync());
      await run('close', () => handle.close());
      closed = true;
    } finally {
      if (!closed) await handle.close().catch(() => undefined);
    }
    if (keepBackup && mode !== undefined) {
      await run('backup-copy', () => fs.copyFile(path, backupTemp));
      await run('backup-fsync', () => syncFile(fs, backupTemp));
      await run('backup-rename', () => fs.rename(backupTemp, backupPathFor(path)));
    }
    await run('rename', () => fs.rename(temp, path));
  } catch (error) {
    await Promise.all([fs.rm(temp, { force: true }), fs.rm(backupTemp, { force: true })]).catch(() => undefined);
    throw new FileWriteError(await describeWriteFailure(fs, path, error), path, step, { cause: error });
  }

  try {
    await run('dir-fsync', () => syncDirectory(fs, dirname(path)));
  } catch (error) {
    throw new FileWriteError(await describeWriteFailure(fs, path, error), path, step, { cause: error });
  }
  // Tidying up is best effort: the new content is safely in place whatever happens here.
  await removeStrayTemps(fs, path, options.strayTemps ?? 'old').catch(() => undefined);
}

/** The mode of the file being replaced (so the new one keeps it), or undefined when there is none yet. */
async function existingMode(fs: AtomicWriteFs, path: string): Promise<number | undefined> {
  try {
    return (await fs.stat(path)).mode & 0o777;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

async function syncFile(fs: AtomicWriteFs, path: string): Promise<void> {
  const handle = await fs.open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the rename itself durable. Windows cannot open a folder for syncing, so there it is skipped. */
async function syncDirectory(fs: AtomicWriteFs, folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    if (!['EINVAL', 'ENOTSUP', 'EISDIR'].includes(errorCode(error) ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

async function describeWriteFailure(fs: AtomicWriteFs, path: string, error: unknown): Promise<string> {
  const file = `“${basename(path)}”`;
  const folder = `“${dirname(path)}”`;
  switch (errorCode(error)) {
    case 'ENOENT':
      return `Could not save ${file}: the folder ${folder} does not exist any more.`;
    case 'EACCES':
    case 'EPERM':
      return (await isReadOnlyFileInWritableFolder(fs, path))
        ? `Could not save ${file}: the file is read-only. Make it writable, or save a copy under another name.`
        : `Could not save ${file}: you do not have permission to write in the folder ${folder}.`;
    case 'EROFS':
      return `Could not save ${file}: the folder ${folder} is on a read-only disk.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `Could not save ${file}: the disk is full. Free some space and try again.`;
    case 'EISDIR':
      return `Could not save ${file}: a folder with that name is in the way.`;
    case 'EBUSY':
      return `Could not save ${file}: another program is using the file. Close it and try again.`;
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return `Could not save ${file} in ${folder}: ${reason}`;
    }
  }
}

async function isReadOnlyFileInWritableFolder(fs: AtomicWriteFs, path: string): Promise<boolean> {
  const writable = (target: string) =>
    fs.access(target, constants.W_OK).then(
      () => true,
      () => false,
    );
  const exists = await fs.stat(path).then(
    () => true,
    () => false,
  );
  return exists && !(await writable(path)) && (await writable(dirname(path)));
}
