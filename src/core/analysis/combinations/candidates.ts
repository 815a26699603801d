import { itemsetAt, itemsetKey, type ItemsetLevel } from './itemsets';

/**
 * Candidates of size k from the frequent itemsets of size k - 1 (Apriori's join and prune): two
 * itemsets that share all but their last item give one candidate, kept when every one of its
 * (k - 1)-item parts is frequent. Candidates come out in lexicographic order.
 */
export function candidatesFrom(previous: ItemsetLevel): Int32Array {
  const size = previous.size;
  const count = previous.counts.length;
  const known = new Set<string>();
  for (let i = 0; i < count; i++) known.add(itemsetKey(itemsetAt(previous, i)));

  const out: number[] = [];
  const candidate = new Int32Array(size + 1);
  const part = new Int32Array(size);
  let runStart = 0;
  while (runStart < count) {
    let runEnd = runStart + 1;
    while (runEnd < count && samePrefix(previous, runStart, runEnd)) runEnd++;
    for (let i = runStart; i < runEnd; i++) {
      candidate.set(itemsetAt(previous, i));
      for (let j = i + 1; j < runEnd; j++) {
        candidate[size] = previous.items[j * size + size - 1];
        if (allPartsKnown(candidate, part, known)) for (const item of candidate) out.push(item);
      }
    }
    runStart = runEnd;
  }
  return Int32Array.from(out);
}

function samePrefix(level: ItemsetLevel, a: number, b: number): boolean {
  const size = level.size;
  for (let t = 0; t < size - 1; t++) if (level.items[a * size + t] !== level.items[b * size + t]) return false;
  return true;
}

/** The parts left by dropping the last item or the one before it are the two joined itemsets. */
function allPartsKnown(candidate: Int32Array, part: Int32Array, known: Set<string>): boolean {
  for (let drop = 0; drop < candidate.length - 2; drop++) {
    let n = 0;
    for (let t = 0; t < candidate.length; t++) if (t !== drop) part[n++] = candidate[t];
    if (!known.has(itemsetKey(part))) return false;
  }
  return true;
}
