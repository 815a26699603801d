import { hostname } from 'node:os';
import { z } from 'zod';

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
export function describeHolder(record: LockRecord, lockFileName: string): string {
  const since = record.startedAt ? ` since ${clockTime(record.startedAt)}` : '';
  const elsewhere = record.hostname && record.hostname !== hostname();
  const process = record.pid
    ? ` (process ${record.pid}${elsewhere ? ` on the computer “${record.hostname}”` : ''})`
    : '';
  const held =
    record.kind === 'window' ? `is open in ${record.who}` : `is being changed by ${record.who || 'another program'}`;
  const advice = elsewhere
    ? `Close it there; if nothing has it open any more, delete “${lockFileName}” beside it.`
    : record.kind === 'window'
      ? 'Close it there, then try again.'
      : 'Wait until that has finished, then try again.';
  return `This workspace ${held}${since}${process}. ${advice}`;
}

/** The note when a lock left by a crash was cleared. */
export function describeStaleLock(record: LockRecord | null, lockFileName: string): string {
  if (!record) return `Cleared the unreadable lock file “${lockFileName}”, left behind by a crash.`;
  const since = record.startedAt ? `, since ${clockTime(record.startedAt)}` : '';
  return `Cleared a lock left behind by ${record.who} (process ${record.pid}${since}), which is no longer running.`;
}

/** "14:02" today, "3 Dec 14:02" on another day, in this computer's time zone. */
function clockTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (date.toDateString() === new Date().toDateString()) return time;
  return `${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} ${time}`;
}
