import { hostname } from 'node:os';
import { z } from 'zod';
import { clockTime, describeHolder } from '../core/util/lock-messages';

/** What a workspace's lock file holds, and the sentences that name its holder. */

/**
 * A lock file comes from whoever could write the folder, so what it says is checked before it is
 * believed or printed: a record that does not fit is treated as unreadable.
 */
export const lockRecordSchema = z.object({
  /** Who writes the workspace, as the refusal names them: "a window of Cross-Sell Planner", "the command `import`". */
  who: z.string().regex(/^[\p{L}\p{N} `.,'-]{1,80}$/u),
  kind: z.enum(['window', 'command']),
  /** Never 0 or negative: signalling those reaches a whole process group, which is always "running". */
  pid: z.number().int().positive(),
  hostname: z.string().regex(/^[\p{L}\p{N}._-]{1,255}$/u),
  startedAt: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
  /** Tells this holder's lock from a later one at the same path. */
  token: z.string().regex(/^[\w-]{1,64}$/),
});

export type LockRecord = z.infer<typeof lockRecordSchema>;
export type LockHolder = Pick<LockRecord, 'who' | 'kind'>;
/** Who holds a lock, as far as its file tells: an unreadable one names nobody. */
export type LockHolderInfo = Omit<LockRecord, 'token' | 'kind'> & { kind: LockRecord['kind'] | 'unknown' };

/** This computer's name as a lock file records it (only the characters a record may hold). */
export function thisHost(): string {
  return (
    hostname()
      .replace(/[^\p{L}\p{N}._-]/gu, '-')
      .slice(0, 255) || 'unknown'
  );
}

export const WINDOW_HOLDER: LockHolder = { who: 'a window of Cross-Sell Planner', kind: 'window' };

export function commandHolder(command: string): LockHolder {
  return { who: `the command \`${command}\``, kind: 'command' };
}

/** The refusal a second writer gets: who holds the workspace, since when, and what to do. */
export function describeLockHolder(holder: LockHolderInfo, lockFileName: string): string {
  const elsewhere = holder.hostname && holder.hostname !== thisHost() ? holder.hostname : null;
  return describeHolder({ ...holder, elsewhere, lockFileName });
}

/** The note when a lock left by a crash was cleared. */
export function describeStaleLock(record: LockRecord | null, lockFileName: string): string {
  if (!record) return `Cleared the unreadable lock file “${lockFileName}”, left behind by a crash.`;
  const since = record.startedAt ? `, since ${clockTime(record.startedAt)}` : '';
  return `Cleared a lock left behind by ${record.who} (process ${record.pid}${since}), which is no longer running.`;
}
