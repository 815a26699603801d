import { z } from 'zod';
import { readStoredJson } from '../store/stored-json';
import { queryAll, type Database } from '../store/sqlite';
import type { ExerciseCheck } from './exercise';

/** Attempts and the last result of each exercise, kept in the workspace's meta table so a handed-out file carries them. */

const exerciseProgressSchema = z.object({
  attempts: z.number().int().nonnegative(),
  solved: z.boolean(),
  /** The feedback on the last check; null before the first one. */
  feedback: z.string().nullable(),
});
export type ExerciseProgress = z.infer<typeof exerciseProgressSchema>;

const KEY_PREFIX = 'exercise:';
const progressKey = (id: string) => `${KEY_PREFIX}${id}`;
const NOT_STARTED: ExerciseProgress = { attempts: 0, solved: false, feedback: null };

export function readProgress(db: Database, id: string): ExerciseProgress {
  // Progress not in the shape written here counts as not started.
  return readStoredJson(readMeta(db, progressKey(id)), exerciseProgressSchema) ?? NOT_STARTED;
}

/** How many exercises' stored progress is not in the shape the app writes (and so counts as not started). */
export function unreadableProgress(db: Database): number {
  return queryAll<{ value: unknown }>(db, `SELECT value FROM meta WHERE key LIKE '${KEY_PREFIX}%'`).filter(
    (row) => readStoredJson(row.value, exerciseProgressSchema) === null,
  ).length;
}

export function recordAttempt(db: Database, id: string, check: ExerciseCheck): ExerciseProgress {
  const progress = { attempts: readProgress(db, id).attempts + 1, solved: check.solved, feedback: check.feedback };
  writeMeta(db, progressKey(id), JSON.stringify(exerciseProgressSchema.parse(progress)));
  return progress;
}

export function clearProgress(db: Database, id: string): void {
  db.run('DELETE FROM meta WHERE key = ?', [progressKey(id)]);
}

export function readMeta(db: Database, key: string): string | null {
  const [row] = queryAll<{ value: unknown }>(db, 'SELECT value FROM meta WHERE key = ?', [key]);
  return typeof row?.value === 'string' ? row.value : null;
}

export function writeMeta(db: Database, key: string, value: string): void {
  db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
    key,
    value,
  ]);
}
