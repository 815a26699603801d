/**
 * Undo and redo over whole plan documents. Each edit pushes the document before it; edits that
 * follow each other quickly in the same field (typing) merge into one step, so undo takes back a
 * word or a sentence, not a keystroke.
 */

export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** The field of the last edit and when it was made, to merge typing into one step. */
  lastEdit: { field: string; at: number } | null;
}

const MERGE_WITHIN_MS = 1000;
const MAX_STEPS = 200;

export const startHistory = <T>(present: T): History<T> => ({ past: [], present, future: [], lastEdit: null });

export function record<T>(history: History<T>, next: T, field: string, now: number): History<T> {
  if (next === history.present) return history;
  const merge =
    history.lastEdit !== null && history.lastEdit.field === field && now - history.lastEdit.at < MERGE_WITHIN_MS;
  return {
    past: merge ? history.past : [...history.past, history.present].slice(-MAX_STEPS),
    present: next,
    future: [],
    lastEdit: { field, at: now },
  };
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    lastEdit: null,
  };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, lastEdit: null };
}
