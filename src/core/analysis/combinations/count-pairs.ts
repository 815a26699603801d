import type { BasketSet } from './basket-set';
import type { ItemsetLevel } from './itemsets';
import type { PassProgress } from './progress';

export type CodedBaskets = Pick<BasketSet, 'start' | 'items' | 'count'>;

/**
 * Frequent pairs, counted item by item: for each item a, every basket holding it adds one to each
 * item after a in that basket. The tally has one slot per item, so it stays in the processor's
 * cache however many items there are (a full pair matrix would not).
 */
export function frequentPairs(
  baskets: CodedBaskets,
  itemCount: number,
  minCount: number,
  progress: PassProgress,
): ItemsetLevel {
  const { start, items } = baskets;
  // Where each item occurs: positions in `items`, grouped by item (a counting sort).
  const firstOccurrence = new Int32Array(itemCount + 1);
  for (let i = 0; i < items.length; i++) firstOccurrence[items[i] + 1]++;
  for (let a = 0; a < itemCount; a++) firstOccurrence[a + 1] += firstOccurrence[a];
  const occurrences = new Int32Array(items.length);
  const basketEnd = new Int32Array(items.length);
  const fill = firstOccurrence.slice(0, itemCount);
  for (let b = 0; b < baskets.count; b++) {
    const end = start[b + 1];
    for (let p = start[b]; p < end; p++) {
      const slot = fill[items[p]]++;
      occurrences[slot] = p;
      basketEnd[slot] = end;
    }
  }

  const tally = new Int32Array(itemCount);
  const pairItems: number[] = [];
  const pairCounts: number[] = [];
  for (let a = 0; a < itemCount; a++) {
    progress.at(a, itemCount);
    for (let o = firstOccurrence[a]; o < firstOccurrence[a + 1]; o++) {
      const end = basketEnd[o];
      for (let p = occurrences[o] + 1; p < end; p++) tally[items[p]]++;
    }
    for (let b = a + 1; b < itemCount; b++) {
      if (tally[b] >= minCount) {
        pairItems.push(a, b);
        pairCounts.push(tally[b]);
      }
      tally[b] = 0;
    }
  }
  return { size: 2, items: Int32Array.from(pairItems), counts: Int32Array.from(pairCounts) };
}
