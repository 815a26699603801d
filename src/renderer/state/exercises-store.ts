import { createStore } from 'zustand/vanilla';
import type { ExerciseView } from '../../core/exercises/catalogue';
import type { WorkspaceSummary } from '../../core/store/workspace-types';
import type { EngineClient } from '../engine-client';

/** The Exercises tab: the workspace's exercises with their progress, the answer picked for each, and what a check said. */

export interface ExercisesState {
  exercises: ExerciseView[] | null;
  answers: Record<string, string>;
  /** The exercise whose check or reset is on its way. */
  busy: string | null;
  message: string | null;
}

export interface ExercisesActions {
  load(): Promise<void>;
  pick(exerciseId: string, answer: string): void;
  check(exerciseId: string): Promise<void>;
  reset(exerciseId: string): Promise<void>;
  /** Forgets everything: the workspace changed or closed. */
  clear(): void;
}

export type ExercisesStore = ReturnType<typeof createExercisesStore>;

const EMPTY: ExercisesState = { exercises: null, answers: {}, busy: null, message: null };

export function createExercisesStore(engine: EngineClient, onChanged: (summary: WorkspaceSummary) => void) {
  return createStore<ExercisesState & ExercisesActions>()((set, get) => {
    const adopt = (exercise: ExerciseView) =>
      set({
        exercises: (get().exercises ?? []).map((e) => (e.id === exercise.id ? exercise : e)),
        busy: null,
        message: null,
      });
    const write = async (exerciseId: string, run: () => ReturnType<EngineClient['exercises']['reset']>) => {
      set({ busy: exerciseId });
      const outcome = await run();
      if (!outcome.ok) {
        set({ busy: null, message: outcome.failure.message });
        return false;
      }
      adopt(outcome.exercise);
      onChanged(outcome.summary);
      return true;
    };
    return {
      ...EMPTY,
      load: async () => set({ exercises: await engine.exercises.list() }),
      pick: (exerciseId, answer) => set({ answers: { ...get().answers, [exerciseId]: answer } }),
      check: async (exerciseId) => {
        await write(exerciseId, () => engine.exercises.check(exerciseId, get().answers[exerciseId] ?? ''));
      },
      reset: async (exerciseId) => {
        if (await write(exerciseId, () => engine.exercises.reset(exerciseId))) {
          const answers = { ...get().answers };
          delete answers[exerciseId];
          set({ answers });
        }
      },
      clear: () => set(EMPTY),
    };
  });
}
