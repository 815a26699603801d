/** Frequent itemsets of one size, sorted: itemset i is items[i * size] up to items[(i + 1) * size]. */
export interface ItemsetLevel {
  size: number;
  /** Ascending item codes within each itemset; itemsets in lexicographic order. */
  items: Int32Array;
  /** Baskets holding every item of the itemset. */
  counts: Int32Array;
}

export interface FrequentItemsets {
  baskets: number;
  minCount: number;
  /** levels[k - 1]: the frequent itemsets of k items, up to the largest size found. */
  levels: ItemsetLevel[];
}

export function itemsetAt(level: ItemsetLevel, index: number): Int32Array {
  return level.items.subarray(index * level.size, (index + 1) * level.size);
}

export const itemsetKey = (items: ArrayLike<number>) => Array.prototype.join.call(items, ',');

/** Every frequent itemset's count by its key, for looking up the parts of a rule. */
export function countsByKey(frequent: FrequentItemsets): Map<string, number> {
  const counts = new Map<string, number>();
  for (const level of frequent.levels) {
    for (let i = 0; i < level.counts.length; i++) counts.set(itemsetKey(itemsetAt(level, i)), level.counts[i]);
  }
  return counts;
}
