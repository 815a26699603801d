/**
 * The sentences that name who holds a workspace, shared by the lock file beside a workspace on disk
 * and the web edition's lock between tabs.
 */

export interface HolderDescription {
  /** "a window of Cross-Sell Planner", "the command `import`", "another tab of Cross-Sell Planner"; empty when unknown. */
  who: string;
  kind: 'window' | 'command' | 'unknown';
  /** When the holder took the workspace (ISO 8601), or empty when unknown. */
  startedAt: string;
  /** The holder's process id, or 0 when there is none to name. */
  pid: number;
  /** The other computer the holder runs on, or null when it is this one. */
  elsewhere: string | null;
  /** The lock file to delete by hand when the holder cannot be checked from here. */
  lockFileName: string;
}

/** The refusal a second writer gets: who holds the workspace, since when, and what to do. */
export function describeHolder(holder: HolderDescription): string {
  const since = holder.startedAt ? ` since ${clockTime(holder.startedAt)}` : '';
  const where = holder.elsewhere ? ` on the computer “${holder.elsewhere}”` : '';
  const process = holder.pid ? ` (process ${holder.pid}${where})` : '';
  const held =
    holder.kind === 'window' ? `is open in ${holder.who}` : `is being changed by ${holder.who || 'another program'}`;
  const advice = holder.elsewhere
    ? `Close it there; if nothing has it open any more, delete “${holder.lockFileName}” beside it.`
    : holder.kind === 'window'
      ? 'Close it there, then try again.'
      : 'Wait until that has finished, then try again.';
  return `This workspace ${held}${since}${process}. ${advice}`;
}

/** "14:02" today, "3 Dec 14:02" on another day, in this computer's time zone. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'an unknown time';
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (date.toDateString() === new Date().toDateString()) return time;
  return `${date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} ${time}`;
}
