import { queryAll, type Database } from '../../store/sqlite';
import { frequentItemsets } from './apriori';
import type { BasketSet } from './basket-set';
import { loadBaskets } from './baskets';
import { associationRules } from './rules';
import type { BasketSource, CombinationsParameters, CombinationsResult, MiningHooks } from './types';

/** Longest itemset the analysis looks for: the count of candidate splits grows as 2^k. */
export const MAX_ITEMSET_LENGTH = 10;

/** What is wrong with the parameters, in words for the user, or null when they can be used. */
export function parameterProblem(p: CombinationsParameters): string | null {
  if (!(p.minSupport > 0 && p.minSupport <= 1))
    return 'The minimum support is a fraction of baskets above 0 and at most 1, such as 0.01 for 1 %.';
  if (!(p.minConfidence >= 0 && p.minConfidence <= 1))
    return 'The minimum confidence is a fraction from 0 to 1, such as 0.3 for 30 %.';
  if (!Number.isInteger(p.maxLength) || p.maxLength < 2 || p.maxLength > MAX_ITEMSET_LENGTH) {
    return `The largest combination has from 2 to ${MAX_ITEMSET_LENGTH} items.`;
  }
  if (p.basket.kind === 'days' && !(Number.isInteger(p.basket.days) && p.basket.days >= 0))
    return 'A basket spans a whole number of days, 0 or more.';
  return null;
}

/** Products bought together in the workspace's baskets, as association rules with their measures. */
export function mineCombinations(
  db: Database,
  parameters: CombinationsParameters,
  hooks: MiningHooks = {},
): CombinationsResult {
  const { source, baskets } = loadBaskets(db, parameters, hooks);
  return withProductNames(db, mineBaskets(baskets, source, parameters, hooks));
}

/** The analysis over baskets already loaded. */
export function mineBaskets(
  baskets: BasketSet,
  source: BasketSource,
  parameters: CombinationsParameters,
  hooks: MiningHooks = {},
): CombinationsResult {
  const problem = parameterProblem(parameters);
  if (problem) throw new RangeError(problem);
  const frequent = frequentItemsets(baskets, parameters.minSupport, parameters.maxLength, hooks);
  const itemsetsBySize = frequent.levels.map((level) => level.counts.length);
  return {
    parameters,
    source,
    baskets: baskets.count,
    minCount: frequent.minCount,
    itemsets: itemsetsBySize.reduce((a, b) => a + b, 0),
    itemsetsBySize,
    rules: associationRules(frequent, baskets.labels, parameters),
    names: {},
  };
}

/** Adds the names of the products in the rules, where the items are products of the workspace. */
export function withProductNames(db: Database, result: CombinationsResult): CombinationsResult {
  if (result.parameters.level !== 'product' || result.source !== 'order-lines') return result;
  const ids = new Set<string>();
  for (const rule of result.rules) for (const id of [...rule.antecedent, ...rule.consequent]) ids.add(id);
  const names: Record<string, string> = {};
  for (const { product_id, name } of queryAll<{ product_id: string; name: string }>(
    db,
    'SELECT product_id, name FROM products WHERE name IS NOT NULL',
  )) {
    if (ids.has(product_id)) names[product_id] = name;
  }
  return { ...result, names };
}
