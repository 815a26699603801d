import { mineCombinations } from '../analysis/combinations/mine';
import type { AssociationRule, CombinationsParameters, CombinationsResult } from '../analysis/combinations/types';
import type { Exercise } from './exercise';

/** Skincare: among pairs bought together, find the one with the highest lift at the stated minimum support. */

const MIN_SUPPORT = 0.005;
const CHOICES = 8;
const PARAMETERS: CombinationsParameters = {
  level: 'product',
  basket: { kind: 'order' },
  minSupport: MIN_SUPPORT,
  minConfidence: 0,
  maxLength: 2,
  consequents: 'one',
};

interface Pair {
  key: string;
  label: string;
  lift: number;
}

/** Both directions of a pair have the same lift, so each pair is listed once, strongest first. */
function pairsByLift(result: CombinationsResult): Pair[] {
  const pairs = new Map<string, Pair>();
  const name = (id: string) => result.names[id] ?? id;
  for (const rule of result.rules) {
    const items = pairItems(rule);
    const key = items.join('+');
    if (!pairs.has(key)) pairs.set(key, { key, label: items.map(name).join(' + '), lift: rule.lift });
  }
  return [...pairs.values()].sort((a, b) => b.lift - a.lift || a.key.localeCompare(b.key));
}

const pairItems = (rule: AssociationRule) => [...rule.antecedent, ...rule.consequent].sort();
const lift = (value: number) => value.toFixed(2);

export const strongestPair: Exercise = {
  id: 'strongest-pair',
  industry: 'beauty',
  title: 'Find the strongest completion pair',
  brief:
    `Open Insights → Bought together, keep a basket as one order, and set the minimum support to ${MIN_SUPPORT * 100} % and the minimum confidence to 0 %, so only pairs bought together in at least that share of orders count. ` +
    'Which pair is bought together most often compared with what chance alone would give (the highest lift)?',
  task(db) {
    const candidates = pairsByLift(mineCombinations(db, PARAMETERS)).slice(0, CHOICES);
    return {
      kind: 'choice',
      question: 'The pair with the highest lift',
      choices: candidates
        .map(({ key, label }) => ({ value: key, label }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    };
  },
  check(db, answer) {
    const pairs = pairsByLift(mineCombinations(db, PARAMETERS));
    const best = pairs[0];
    if (!best)
      return {
        solved: false,
        feedback: 'This workspace has no pairs at that minimum support, so there is nothing to find.',
      };
    const picked = pairs.find((p) => p.key === answer);
    if (!picked)
      return {
        solved: false,
        feedback:
          'That pair is not bought together often enough to count at this minimum support. Pick one from the list.',
      };
    if (picked.lift >= best.lift) {
      return {
        solved: true,
        feedback: `Right: ${picked.label} has a lift of ${lift(picked.lift)}, the highest of all pairs at this minimum support.`,
      };
    }
    return {
      solved: false,
      feedback: `Not quite: ${picked.label} has a lift of ${lift(picked.lift)}, but another pair goes together more strongly. Sort the combinations by lift and look again.`,
    };
  },
};
