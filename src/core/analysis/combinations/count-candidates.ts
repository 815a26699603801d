import type { CodedBaskets } from './count-pairs';
import type { PassProgress } from './progress';

/**
 * Counts candidate itemsets of one size in every basket with a prefix tree of the candidates:
 * a basket walks down the tree only along items it holds, so each visit is a candidate prefix
 * the basket contains.
 */

interface TreeNode {
  /** Ascending items of the children. */
  items: Int32Array;
  /** A child node, or at the last level the candidate's index. */
  children: (TreeNode | number)[];
}

export function countCandidates(
  baskets: CodedBaskets,
  candidates: Int32Array,
  size: number,
  progress: PassProgress,
): Int32Array {
  const total = candidates.length / size;
  const counts = new Int32Array(total);
  if (total === 0) return counts;
  const root = buildNode(candidates, size, 0, total, 0);
  const { start, items } = baskets;
  const walk = (node: TreeNode, from: number, end: number, left: number): void => {
    const nodeItems = node.items;
    let lo = 0;
    for (let p = from; p <= end - left && lo < nodeItems.length; p++) {
      const item = items[p];
      let hi = nodeItems.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (nodeItems[mid] < item) lo = mid + 1;
        else hi = mid;
      }
      if (lo === nodeItems.length || nodeItems[lo] !== item) continue;
      const child = node.children[lo];
      if (left === 1) counts[child as number]++;
      else walk(child as TreeNode, p + 1, end, left - 1);
      lo++;
    }
  };
  for (let b = 0; b < baskets.count; b++) {
    progress.at(b, baskets.count);
    if (start[b + 1] - start[b] >= size) walk(root, start[b], start[b + 1], size);
  }
  return counts;
}

/** The node for candidates lo..hi (which share their first `depth` items). */
function buildNode(candidates: Int32Array, size: number, lo: number, hi: number, depth: number): TreeNode {
  const items: number[] = [];
  const children: (TreeNode | number)[] = [];
  let i = lo;
  while (i < hi) {
    const item = candidates[i * size + depth];
    let j = i + 1;
    while (j < hi && candidates[j * size + depth] === item) j++;
    items.push(item);
    children.push(depth === size - 1 ? i : buildNode(candidates, size, i, j, depth + 1));
    i = j;
  }
  return { items: Int32Array.from(items), children };
}
