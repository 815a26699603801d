import type { AssociationRule } from './types';

/**
 * The support threshold and the measures of a rule. Support qualifies as in mlxtend: count / baskets
 * in double precision, compared with >= minSupport. The measures are mlxtend's (confidence =
 * support(A ∪ C) / support(A), lift, leverage, conviction), each computed from the whole-number
 * counts and rounded once: a rule holding in 3 of 4 baskets has confidence 0.75 exactly, where a
 * ratio of two rounded supports may give 0.7499999999999999 and miss a 0.75 threshold.
 */

/**
 * The smallest count whose support meets minSupport, so that counting compares integers only:
 * count >= minimumCount(s, n) exactly when count / n >= s in floating point.
 */
export function minimumCount(minSupport: number, baskets: number): number {
  let count = Math.max(1, Math.ceil(minSupport * baskets));
  while (count > 1 && (count - 1) / baskets >= minSupport) count--;
  while (count <= baskets && count / baskets < minSupport) count++;
  return count;
}

/** The rule's measures from three basket counts: antecedent, consequent, and both together. */
export function ruleMeasures(
  countA: number,
  countC: number,
  countAC: number,
  baskets: number,
): Omit<AssociationRule, 'antecedent' | 'consequent'> {
  const n = baskets;
  // Products of counts stay exact below 2^53: up to about 90 million baskets.
  return {
    count: countAC,
    support: countAC / n,
    confidence: countAC / countA,
    lift: (countAC * n) / (countA * countC),
    leverage: (countAC * n - countA * countC) / (n * n),
    conviction: countAC < countA ? ((n - countC) * countA) / (n * (countA - countAC)) : null,
  };
}
