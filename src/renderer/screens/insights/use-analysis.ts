import { useEffect } from 'react';
import type { AnalysisName } from '../../../core/analysis/catalogue';
import type { AnalysisSlot } from '../../state/insights-store';
import { useInsights } from '../../state/store-context';

/** A page's analysis: runs it whenever it has no answer (first visit, or after an import cleared it). */
export function useAnalysis<N extends AnalysisName>(name: N): AnalysisSlot<N> {
  const slot = useInsights((s) => s.slots[name]) as AnalysisSlot<N>;
  const ensure = useInsights((s) => s.ensure);
  const idle = !slot.answer && !slot.running && !slot.message;
  useEffect(() => {
    if (idle) void ensure(name);
  }, [ensure, name, idle]);
  return slot;
}
