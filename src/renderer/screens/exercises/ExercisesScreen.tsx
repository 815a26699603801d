import { useEffect } from 'react';
import type { ExerciseView } from '../../../core/exercises/catalogue';
import { useExercises } from '../../state/store-context';
import { ExerciseCard } from './ExerciseCard';

/** The Exercises area: the classroom exercises of the demo this workspace was made from. */
export function ExercisesScreen({ onOpenPlan }: { onOpenPlan: (planId: string) => void }) {
  const exercises = useExercises((s) => s.exercises);
  const message = useExercises((s) => s.message);
  const load = useExercises((s) => s.load);
  useEffect(() => {
    if (exercises === null) void load();
  }, [exercises, load]);

  return (
    <section className="exercises" aria-labelledby="exercises-heading">
      <h2 id="exercises-heading">Exercises</h2>
      <p className="muted">
        To hand these out, use “Save a copy…”: the file holds the whole workspace, the exercises and everyone’s progress
        on them included.
      </p>
      {message && (
        <p className="notice" role="alert">
          {message}
        </p>
      )}
      {exercises === null ? (
        <p className="muted">Loading the exercises…</p>
      ) : exercises.length === 0 ? (
        <p className="empty">
          Exercises come with the demo workspaces. Create one from the home screen (skincare, running or lighting) to
          practise on it.
        </p>
      ) : (
        exercises.map((exercise: ExerciseView) => (
          <ExerciseCard key={exercise.id} exercise={exercise} onOpenPlan={onOpenPlan} />
        ))
      )}
    </section>
  );
}
