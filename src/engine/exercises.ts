import { checkExercise, listExercises, resetExercise } from '../core/exercises/catalogue';
import type { ExercisesApi } from '../shared/engine-api';
import { failed, wrote, type EngineContext } from './context';

export function exercisesApi(context: EngineContext): ExercisesApi {
  return {
    list: () => context.read(listExercises),
    check: (exerciseId, answer) =>
      context.write((db) => {
        const checked = checkExercise(db, exerciseId, answer);
        return checked.ok ? wrote(checked.value) : failed('exercise', checked.error);
      }),
    reset: (exerciseId) =>
      context.write((db) => {
        const reset = resetExercise(db, exerciseId);
        return reset.ok ? wrote({ exercise: reset.value }) : failed('exercise', reset.error);
      }),
  };
}
