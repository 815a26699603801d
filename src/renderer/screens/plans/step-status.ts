import { stepCompleteness, type StepState } from '../../../core/plan/completeness';
import { channelReachGaps, pilotReachGaps } from '../../../core/plan/reach';
import type { ChecklistReport } from '../../../core/plan/checklist-report';
import type { PlanView } from '../../../core/plan/plan-view';
import type { PlanDocument } from '../../../core/plan/plan-document';
import type { PlanStep } from '../../state/plan-editor-store';

const STATE_LABELS: Record<StepState, string> = { done: 'complete', started: 'started', empty: 'not started' };

/** A step's state for the step list, with what it still lacks (the view adds what only the data can tell). */
export function stepStatus(
  step: PlanStep,
  plan: PlanDocument,
  view: PlanView | null,
  checklist: ChecklistReport | null,
): { state: StepState; label: string; missing: string[] } {
  if (step === 'check') return checkStatus(checklist);
  const { state, missing } = stepCompleteness(step, plan);
  const schedule = view?.schedule ?? null;
  const extra =
    step === 'moment' && plan.moment.id && view?.audience && view.audience.count === 0
      ? ['Nobody is in this moment on the start date: choose another date or widen the window.']
      : step === 'channels'
        ? channelReachGaps(plan, schedule)
        : step === 'pilot'
          ? pilotReachGaps(plan, schedule)
          : [];
  const all = [...missing, ...extra];
  const shown: StepState = all.length === 0 ? 'done' : state === 'done' ? 'started' : state;
  return { state: shown, label: STATE_LABELS[shown], missing: all };
}

/** The checklist step is done when nothing fails unacknowledged. */
function checkStatus(checklist: ChecklistReport | null): { state: StepState; label: string; missing: string[] } {
  if (!checklist) return { state: 'empty', label: STATE_LABELS.empty, missing: [] };
  const open = checklist.summary.unacknowledged;
  const missing = open.map((check) => `${check.title}: fix it, or accept it with a written reason.`);
  const state: StepState = missing.length === 0 ? 'done' : 'started';
  return { state, label: STATE_LABELS[state], missing };
}
