import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { uptime } from 'node:os';
import { basename } from 'node:path';
import {
  describeLockHolder,
  describeStaleLock,
  lockRecordSchema,
  type LockHolder,
  thisHost,
  type LockHolderInfo,
  type LockRecord,
} from './lock-record';

/**
 * One writer per workspace: a lock file beside the workspace (`<file>.lock`), created with an
 * exclusive create, names who may write the workspace and since when. Another process that finds it
 * is refused with that name; a lock whose process is gone (a crash) is cleared with a note.
 *
 * Written by hand rather than with proper-lockfile: that library keeps a lock alive by touching it on
 * a timer and treats a late touch as a lost lock, while our command line runs the engine on the same
 * thread, where one long step (an index build, an export) can hold the timer back; it also cannot
 * say who holds a lock. A process id checked on this computer answers both.
 */

export { commandHolder, WINDOW_HOLDER, type LockHolder } from './lock-record';

export function lockPathFor(workspace: string): string {
  return `${workspace}.lock`;
}

/** The workspace is being written by someone else; the message says who and what to do. */
export class WorkspaceInUseError extends Error {
  constructor(
    message: string,
    readonly holder: LockHolderInfo,
  ) {
    super(message);
    this.name = 'WorkspaceInUseError';
  }
}

export interface WorkspaceLock {
  /** A lock left by a crash that was cleared to take this one, in one sentence; null when there was none. */
  readonly clearedNote: string | null;
  release(): Promise<void>;
}

/** An unreadable lock younger than this may still be being written by the one who created it. */
const UNREADABLE_GRACE_MS = 10_000;

const held = new Map<string, string>();
let exitHookInstalled = false;

/**
 * Takes the workspace's lock for this process, or throws WorkspaceInUseError naming its holder.
 * A folder where no lock can be created (read-only, missing) gets none: nobody can write there
 * either, and the save reports why.
 */
export async function lockWorkspace(workspace: string, holder: LockHolder): Promise<WorkspaceLock> {
  const lockPath = lockPathFor(workspace);
  const record: LockRecord = {
    ...holder,
    pid: process.pid,
    hostname: thisHost(),
    startedAt: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  let clearedNote: string | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const created = await createLockFile(lockPath, record);
    if (created === 'created') {
      rememberHeld(lockPath, record.token);
      return { clearedNote, release: () => releaseLock(lockPath, record.token) };
    }
    if (created === 'cannot-create') return { clearedNote, release: async () => undefined };
    const found = await readLock(lockPath);
    if (found.kind === 'gone') continue;
    if (found.kind === 'live')
      throw new WorkspaceInUseError(describeLockHolder(found.holder, basename(lockPath)), found.holder);
    if (await setAside(lockPath, found.text)) clearedNote = describeStaleLock(found.record, basename(lockPath));
  }
  throw new Error(`Could not take the lock ${basename(lockPath)}: it keeps changing. Try again in a moment.`);
}

async function createLockFile(lockPath: string, record: LockRecord): Promise<'created' | 'exists' | 'cannot-create'> {
  let handle;
  try {
    handle = await open(lockPath, 'wx');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EEXIST') return 'exists';
    if (['EACCES', 'EPERM', 'EROFS', 'ENOENT'].includes(code ?? '')) return 'cannot-create';
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify(record)}\n`);
  } finally {
    await handle.close();
  }
  return 'created';
}

type FoundLock =
  | { kind: 'gone' }
  | { kind: 'live'; holder: LockHolderInfo }
  | { kind: 'stale'; record: LockRecord | null; text: string };

async function readLock(lockPath: string): Promise<FoundLock> {
  let text: string;
  let modifiedAt: number;
  try {
    [text, modifiedAt] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath).then((s) => s.mtimeMs)]);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { kind: 'gone' };
    throw error;
  }
  const record = parseRecord(text);
  if (!record) {
    if (Date.now() - modifiedAt < UNREADABLE_GRACE_MS) {
      const startedAt = new Date(modifiedAt).toISOString();
      return { kind: 'live', holder: { who: '', kind: 'unknown', pid: 0, hostname: '', startedAt } };
    }
    return { kind: 'stale', record: null, text };
  }
  return isRunning(record) ? { kind: 'live', holder: record } : { kind: 'stale', record, text };
}

function parseRecord(text: string): LockRecord | null {
  try {
    const parsed = lockRecordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A lock from another computer cannot be checked from here, so it counts as held. */
function isRunning(record: LockRecord): boolean {
  if (record.hostname !== thisHost()) return true;
  const bootedAt = Date.now() - uptime() * 1000;
  if (Date.parse(record.startedAt) < bootedAt) return false;
  try {
    process.kill(record.pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code !== 'ESRCH';
  }
}

/**
 * Moves a stale lock out of the way. Two processes may judge the same lock stale at once: the
 * rename lets only one of them take it, and a lock that turns out to be new by then is put back.
 */
async function setAside(lockPath: string, staleText: string): Promise<boolean> {
  const aside = `${lockPath}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return false;
    throw error;
  }
  const moved = await readFile(aside, 'utf8');
  if (moved !== staleText) await link(aside, lockPath).catch(() => undefined);
  await unlink(aside);
  return moved === staleText;
}

async function releaseLock(lockPath: string, token: string): Promise<void> {
  if (held.get(lockPath) !== token) return;
  held.delete(lockPath);
  const current = parseRecord(await readFile(lockPath, 'utf8').catch(() => ''));
  if (current?.token === token) await unlink(lockPath).catch(() => undefined);
}

/** A process that ends without releasing (an uncaught error, process.exit) still leaves no lock behind. */
function rememberHeld(lockPath: string, token: string): void {
  held.set(lockPath, token);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [path, ownToken] of held) {
      try {
        if (parseRecord(readFileSync(path, 'utf8'))?.token === ownToken) unlinkSync(path);
      } catch {
        // Already gone, or the folder went away: nothing is left to clean.
      }
    }
  });
}
