import type { BasketSet } from './basket-set';
import { candidatesFrom } from './candidates';
import { countCandidates } from './count-candidates';
import { frequentPairs, type CodedBaskets } from './count-pairs';
import type { FrequentItemsets, ItemsetLevel } from './itemsets';
import { minimumCount } from './measures';
import { PassProgress } from './progress';
import type { MiningHooks } from './types';

/**
 * Apriori: frequent single items in one pass, then pairs, then each larger size from candidates
 * whose every part is frequent. Itemsets hold item codes of `baskets.labels`.
 */
export function frequentItemsets(
  baskets: BasketSet,
  minSupport: number,
  maxLength: number,
  hooks: MiningHooks = {},
): FrequentItemsets {
  const n = baskets.count;
  const minCount = minimumCount(minSupport, n);
  const progress = new PassProgress(hooks, n, maxLength);

  const itemCounts = new Int32Array(baskets.labels.length);
  for (let b = 0; b < n; b++) {
    progress.at(b, n);
    for (let p = baskets.start[b]; p < baskets.start[b + 1]; p++) itemCounts[baskets.items[p]]++;
  }
  progress.endPass();
  // Frequent items get dense codes of their own, in the same order, for the later passes.
  const frequentCodes: number[] = [];
  const denseCode = new Int32Array(baskets.labels.length).fill(-1);
  itemCounts.forEach((count, code) => {
    if (count >= minCount) denseCode[code] = frequentCodes.push(code) - 1;
  });
  const levels: ItemsetLevel[] = [
    {
      size: 1,
      items: Int32Array.from(frequentCodes),
      counts: Int32Array.from(frequentCodes, (code) => itemCounts[code]),
    },
  ];

  let dense = keepItems(baskets, (code) => denseCode[code], 2);
  let level: ItemsetLevel | null = null;
  for (let size = 2; size <= maxLength && dense.count > 0; size++) {
    if (size === 2) {
      level = frequentPairs(dense, frequentCodes.length, minCount, progress);
    } else {
      const candidates = candidatesFrom(level!);
      if (candidates.length === 0) break;
      const counts = countCandidates(dense, candidates, size, progress);
      level = keepFrequent(candidates, counts, size, minCount);
    }
    progress.endPass();
    if (level.counts.length === 0) break;
    levels.push({ size, items: level.items.map((code) => frequentCodes[code]), counts: level.counts });
    dense = keepItems(dense, itemsIn(level, frequentCodes.length), size + 1);
  }
  progress.finish();
  return { baskets: n, minCount, levels };
}

/** The baskets recoded by `recode` (-1 drops an item), keeping those left with at least `minItems`. */
function keepItems(baskets: CodedBaskets, recode: (code: number) => number, minItems: number): CodedBaskets {
  const start = new Int32Array(baskets.count + 1);
  const items = new Int32Array(baskets.items.length);
  let count = 0;
  let length = 0;
  for (let b = 0; b < baskets.count; b++) {
    const basketStart = length;
    for (let p = baskets.start[b]; p < baskets.start[b + 1]; p++) {
      const code = recode(baskets.items[p]);
      if (code >= 0) items[length++] = code;
    }
    if (length - basketStart >= minItems) start[++count] = length;
    else length = basketStart;
  }
  return { start: start.slice(0, count + 1), items: items.slice(0, length), count };
}

/** Only items of some frequent itemset of this size can be part of a larger one. */
function itemsIn(level: ItemsetLevel, itemCount: number): (code: number) => number {
  const used = new Uint8Array(itemCount);
  for (const item of level.items) used[item] = 1;
  return (code) => (used[code] ? code : -1);
}

function keepFrequent(candidates: Int32Array, counts: Int32Array, size: number, minCount: number): ItemsetLevel {
  const items: number[] = [];
  const kept: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] < minCount) continue;
    for (let t = 0; t < size; t++) items.push(candidates[i * size + t]);
    kept.push(counts[i]);
  }
  return { size, items: Int32Array.from(items), counts: Int32Array.from(kept) };
}
