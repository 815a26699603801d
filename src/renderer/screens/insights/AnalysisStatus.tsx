import type { AnalysisName } from '../../../core/analysis/catalogue';
import { useInsights } from '../../state/store-context';
import { whenComputed } from './format';

/** Under a page's parameters: the progress of a run, why it gave nothing, or when the shown result was computed. */
export function AnalysisStatus({ name }: { name: AnalysisName }) {
  const slot = useInsights((s) => s.slots[name]);
  if (slot.running) {
    const known = slot.progress !== null && slot.progress.total > 0;
    return (
      <div className="analysis-status" role="status">
        <progress
          aria-label="Analysing"
          max={known ? slot.progress!.total : undefined}
          value={known ? slot.progress!.done : undefined}
        />
        <span className="muted"> Analysing in the background; the rest of the app stays usable.</span>
      </div>
    );
  }
  if (slot.message) {
    return (
      <p className="analysis-status problem" role="alert" data-testid="analysis-problem">
        {slot.message}
      </p>
    );
  }
  if (!slot.answer) return null;
  return (
    <p className="analysis-status muted" data-testid="analysis-computed">
      {slot.answer.fromCache ? 'Kept from ' : 'Computed '}
      {whenComputed(slot.answer.computedAt)}
      {slot.answer.fromCache ? ' — the data it read has not changed since.' : ', and kept in the workspace.'}
      {slot.answer.warning && <span data-testid="analysis-warning"> {slot.answer.warning}</span>}
    </p>
  );
}
