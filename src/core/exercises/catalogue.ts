import type { Database } from '../store/sqlite';
import { demoOf } from '../store/workspace-demo';
import { fail, ok, type Result } from '../util/result';
import type { Industry } from '../store/workspace-types';
import { fixPlan } from './broken-plan';
import type { Exercise, ExerciseCheck, ExerciseTask } from './exercise';
import { clearProgress, readProgress, recordAttempt, type ExerciseProgress } from './exercise-state';
import { milestoneMoment } from './milestone-moment';
import { strongestPair } from './strongest-pair';

/** The classroom exercises, one per demo workspace, and what the app shows and stores for them. */

export const EXERCISES: readonly Exercise[] = [strongestPair, milestoneMoment, fixPlan];

/** An exercise as the Exercises tab shows it: what to do, the answers to pick from, and how the learner got on. */
export interface ExerciseView extends ExerciseProgress {
  id: string;
  industry: Industry;
  title: string;
  brief: string;
  task: ExerciseTask;
}

export function listExercises(db: Database): ExerciseView[] {
  const demo = demoOf(db);
  return EXERCISES.filter((e) => e.industry === demo).map((e) => viewOf(db, e));
}

export function checkExercise(
  db: Database,
  id: string,
  answer: string,
): Result<ExerciseCheck & { exercise: ExerciseView }, string> {
  const exercise = exerciseFor(db, id);
  if (!exercise) return fail(noSuchExercise(id));
  const check = exercise.check(db, answer);
  recordAttempt(db, id, check);
  return ok({ ...check, exercise: viewOf(db, exercise) });
}

/** Forgets the attempts and puts back what the exercise works on (for the plan exercise, the broken plan). */
export function resetExercise(db: Database, id: string): Result<ExerciseView, string> {
  const exercise = exerciseFor(db, id);
  if (!exercise) return fail(noSuchExercise(id));
  clearProgress(db, id);
  exercise.prepare?.(db);
  return ok(viewOf(db, exercise));
}

const exerciseFor = (db: Database, id: string) =>
  EXERCISES.find((e) => e.id === id && e.industry === demoOf(db)) ?? null;
const noSuchExercise = (id: string) =>
  `This workspace has no exercise “${id}”; exercises come with the demo workspaces.`;

function viewOf(db: Database, exercise: Exercise): ExerciseView {
  const { id, industry, title, brief } = exercise;
  return { id, industry, title, brief, task: exercise.task(db), ...readProgress(db, id) };
}
