import type { ExerciseView } from '../../../core/exercises/catalogue';
import { useExercises, usePlanEditor, usePlanList } from '../../state/store-context';

/** One exercise: its brief, the answer form (a pick, or the plan to fix), Check, Reset and the feedback. */
export function ExerciseCard({
  exercise,
  onOpenPlan,
}: {
  exercise: ExerciseView;
  onOpenPlan: (planId: string) => void;
}) {
  const answer = useExercises((s) => s.answers[exercise.id] ?? '');
  const busy = useExercises((s) => s.busy === exercise.id);
  const { pick, check, reset } = useExercises((s) => s);
  const { load: loadPlans, closePlan } = usePlanList((s) => s);
  const flush = usePlanEditor((s) => s.flush);
  const openPlanId = usePlanEditor((s) => s.open?.planId ?? null);
  const { task } = exercise;
  const planId = task.kind === 'plan' ? task.planId : null;
  const canCheck = !busy && (task.kind === 'plan' ? planId !== null : answer !== '');

  const onCheck = async () => {
    // The plan exercise is checked on the saved plan: edits still on their way are saved first.
    if (task.kind === 'plan') await flush();
    await check(exercise.id);
  };
  const onReset = async () => {
    if (planId !== null && openPlanId === planId) await closePlan();
    await reset(exercise.id);
    if (task.kind === 'plan') await loadPlans();
  };

  return (
    <article className="demo-card" aria-labelledby={`exercise-${exercise.id}`} data-testid={`exercise-${exercise.id}`}>
      <h3 id={`exercise-${exercise.id}`}>{exercise.title}</h3>
      <p>{exercise.brief}</p>
      {task.kind === 'choice' ? (
        <label className="field exercise-answer">
          {task.question}
          <select
            value={answer}
            disabled={busy || task.choices.length === 0}
            onChange={(e) => pick(exercise.id, e.target.value)}
          >
            <option value="">Choose…</option>
            {task.choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      ) : planId === null ? (
        <p className="muted">The exercise plan is not in this workspace yet: use Reset to put it in.</p>
      ) : (
        <button type="button" onClick={() => onOpenPlan(planId)}>
          Open the plan
        </button>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={!canCheck} onClick={() => void onCheck()}>
          Check
        </button>
        <button type="button" disabled={busy} onClick={() => void onReset()}>
          Reset
        </button>
      </div>
      <p role="status" data-testid="exercise-feedback">
        {exercise.feedback === null
          ? 'Not tried yet.'
          : `${exercise.solved ? 'Solved' : 'Not solved yet'} after ${exercise.attempts} ${exercise.attempts === 1 ? 'try' : 'tries'}. ${exercise.feedback}`}
      </p>
    </article>
  );
}
