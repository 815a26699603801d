import type { Database } from '../store/sqlite';
import type { Industry } from '../store/workspace-types';

/** A classroom exercise on one demo workspace, checked against that workspace's own data. */

export interface ExerciseChoice {
  value: string;
  label: string;
}

export interface ExerciseCheck {
  solved: boolean;
  feedback: string;
}

/** What the exercise asks the learner for: a pick among choices, or fixing a plan in the workspace. */
export type ExerciseTask =
  { kind: 'choice'; question: string; choices: ExerciseChoice[] } | { kind: 'plan'; planId: string | null };

export interface Exercise {
  id: string;
  industry: Industry;
  title: string;
  /** Names screens by their tab labels joined with →, ending at a comma or full stop: "Insights → Bought together,". */
  brief: string;
  task(db: Database): ExerciseTask;
  check(db: Database, answer: string): ExerciseCheck;
  /** Puts back what the exercise works on (its plan), if anything. */
  prepare?(db: Database): void;
}
