import { hostname } from 'node:os';
import { z } from 'zod';
import { clockTime, describeHolder } from '../core/util/lock-messages';

/** What a workspace's lock file holds, and the sentences that name its holder. */

export const lockRecordSchema = z.object({
  /** Who writes the workspace, as the refusal names them: "a window of Cross-Sell Planner", "the command `import`". */
  who: z.string().max(200),
  kind: z.enum(['window', 'command', 'unknown']),
  pid: z.number().int().nonnegative(),
  hostname: z.string().max(255),
  startedAt: z.string().max(40),
  /** Tells this holder's lock from a later one at the same path. */
  token: z.string().max(64),
});

export type LockRecord = z.infer<typeof lockRecordSchema>;
export type LockHolder = Pick<LockRecord, 'who' | 'kind'>;

export const WINDOW_HOLDER: LockHolder = { who: 'a window of Cross-Sell Planner', kind: 'window' };

export function commandHolder(command: string): LockHolder {
  return { who: `the command \`${command}\``, kind: 'command' };
}

/** The refusal a second writer gets: who holds the workspace, since when, and what to do. */
export function describeLockHolder(record: LockRecord, lockFileName: string): string {
  const elsewhere = record.hostname && record.hostname !== hostname() ? record.hostname : null;
  return describeHolder({ ...record, elsewhere, lockFileName });
}

/** The note when a lock left by a crash was cleared. */
export function describeStaleLock(record: LockRecord | null, lockFileName: string): string {
  if (!record) return `Cleared the unreadable lock file “${lockFileName}”, left behind by a crash.`;
  const since = record.startedAt ? `, since ${clockTime(record.startedAt)}` : '';
  return `Cleared a lock left behind by ${record.who} (process ${record.pid}${since}), which is no longer running.`;
}
