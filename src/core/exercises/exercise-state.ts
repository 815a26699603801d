import { queryAll, type Database } from '../store/sqlite';
import type { ExerciseCheck } from './exercise';

/** Attempts and the last result of each exercise, kept in the workspace's meta table so a handed-out file carries them. */

export interface ExerciseProgress {
  attempts: number;
  solved: boolean;
  /** The feedback on the last check; null before the first one. */
  feedback: string | null;
}

const KEY_PREFIX = 'exercise:';
const progressKey = (id: string) => `${KEY_PREFIX}${id}`;
const NOT_STARTED: ExerciseProgress = { attempts: 0, solved: false, feedback: null };

export function readProgress(db: Database, id: string): ExerciseProgress {
  const value = readMeta(db, progressKey(id));
  if (value === null) return NOT_STARTED;
  const stored = JSON.parse(value) as Partial<ExerciseProgress>;
  return {
    attempts: typeof stored.attempts === 'number' ? stored.attempts : 0,
    solved: stored.solved === true,
    feedback: typeof stored.feedback === 'string' ? stored.feedback : null,
  };
}

export function recordAttempt(db: Database, id: string, check: ExerciseCheck): ExerciseProgress {
  const progress = { attempts: readProgress(db, id).attempts + 1, solved: check.solved, feedback: check.feedback };
  writeMeta(db, progressKey(id), JSON.stringify(progress));
  return progress;
}

export function clearProgress(db: Database, id: string): void {
  db.run('DELETE FROM meta WHERE key = ?', [progressKey(id)]);
}

export function readMeta(db: Database, key: string): string | null {
  const [row] = queryAll<{ value: string }>(db, 'SELECT value FROM meta WHERE key = ?', [key]);
  return row?.value ?? null;
}

export function writeMeta(db: Database, key: string, value: string): void {
  db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
    key,
    value,
  ]);
}
