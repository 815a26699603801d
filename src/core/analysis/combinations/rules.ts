import { countsByKey, itemsetAt, itemsetKey, type FrequentItemsets } from './itemsets';
import { ruleMeasures } from './measures';
import type { AssociationRule, CombinationsParameters } from './types';

type RuleOptions = Pick<CombinationsParameters, 'minConfidence' | 'consequents'>;

/**
 * Rules A -> C from every frequent itemset of two or more items: each split into a non-empty
 * antecedent and consequent (one item on the right unless `consequents` is 'any') whose
 * confidence meets the minimum. Every part of a frequent itemset is frequent, so its count is known.
 */
export function associationRules(
  frequent: FrequentItemsets,
  labels: readonly string[],
  options: RuleOptions,
): AssociationRule[] {
  const counts = countsByKey(frequent);
  const countOf = (items: number[]) => counts.get(itemsetKey(items))!;
  const rules: AssociationRule[] = [];
  for (const level of frequent.levels) {
    if (level.size < 2) continue;
    const full = (1 << level.size) - 1;
    for (let i = 0; i < level.counts.length; i++) {
      const itemset = Array.from(itemsetAt(level, i));
      for (let mask = 1; mask < full; mask++) {
        const consequent = itemset.filter((_, t) => mask & (1 << t));
        if (options.consequents === 'one' && consequent.length !== 1) continue;
        const antecedent = itemset.filter((_, t) => !(mask & (1 << t)));
        const measures = ruleMeasures(countOf(antecedent), countOf(consequent), level.counts[i], frequent.baskets);
        if (measures.confidence < options.minConfidence) continue;
        rules.push({ antecedent: labelsOf(antecedent, labels), consequent: labelsOf(consequent, labels), ...measures });
      }
    }
  }
  return rules.sort(byStrength);
}

const labelsOf = (codes: number[], labels: readonly string[]) => codes.map((c) => labels[c]).sort();

/** Strongest association first; ties in a fixed order so the same data always lists the same way. */
function byStrength(a: AssociationRule, b: AssociationRule): number {
  return (
    b.lift - a.lift ||
    b.confidence - a.confidence ||
    b.count - a.count ||
    compareLists(a.antecedent, b.antecedent) ||
    compareLists(a.consequent, b.consequent)
  );
}

function compareLists(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}
