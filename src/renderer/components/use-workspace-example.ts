import { useMemo } from 'react';
import {
  countsFromMeasures,
  wordsOfRule,
  type RuleCounts,
  type RuleWords,
} from '../../core/playbook/measure-explanations';
import { useInsights } from '../state/store-context';

/** The workspace's strongest pair from the engine's last "Bought together" answer, to work the measures through; null before there is one. */
export function useWorkspaceExample(): { counts: RuleCounts; words: RuleWords } | null {
  const result = useInsights((s) => s.slots.combinations.answer?.result);
  return useMemo(() => {
    const strongest = result?.rules[0];
    const counts = strongest && countsFromMeasures(strongest);
    return result && strongest && counts ? { counts, words: wordsOfRule(strongest, result) } : null;
  }, [result]);
}
