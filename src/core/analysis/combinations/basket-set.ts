/**
 * Baskets encoded for counting: every item is a small integer (its code), and each basket is a
 * run of ascending, distinct codes in one shared Int32Array.
 */
export interface BasketSet {
  /** Item labels (product ids or categories) by code. */
  labels: string[];
  /** Basket b holds items[start[b]] up to, not including, items[start[b + 1]]. */
  start: Int32Array;
  items: Int32Array;
  count: number;
}

/** Builds a BasketSet one item at a time; an item added twice to a basket counts once. */
export class BasketSetBuilder {
  private readonly codes = new Map<string, number>();
  private readonly labels: string[] = [];
  private starts = new Int32Array(1024);
  private items = new Int32Array(4096);
  private baskets = 0;
  private length = 0;
  private open = false;
  private openStart = 0;

  /** Starts a new basket; an empty basket is dropped when the next one starts. */
  startBasket(): void {
    this.closeBasket();
    this.open = true;
    this.openStart = this.length;
  }

  add(label: string): void {
    let code = this.codes.get(label);
    if (code === undefined) {
      code = this.labels.length;
      this.codes.set(label, code);
      this.labels.push(label);
    }
    if (this.length === this.items.length) this.items = grow(this.items);
    this.items[this.length++] = code;
  }

  /** The basket being built, if it has items, is the last one kept. */
  finish(): BasketSet {
    this.closeBasket();
    const start = new Int32Array(this.baskets + 1);
    start.set(this.starts.subarray(0, this.baskets));
    start[this.baskets] = this.length;
    return { labels: this.labels, start, items: this.items.slice(0, this.length), count: this.baskets };
  }

  private closeBasket(): void {
    if (!this.open) return;
    this.open = false;
    const run = this.items.subarray(this.openStart, this.length);
    if (run.length === 0) return;
    run.sort();
    let kept = 1;
    for (let i = 1; i < run.length; i++) if (run[i] !== run[kept - 1]) run[kept++] = run[i];
    this.length = this.openStart + kept;
    if (this.baskets === this.starts.length) this.starts = grow(this.starts);
    this.starts[this.baskets++] = this.openStart;
  }
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Baskets given as lists of labels (tests, imported basket files). Empty lists are dropped. */
export function basketSetOf(lists: Iterable<readonly string[]>): BasketSet {
  const builder = new BasketSetBuilder();
  for (const list of lists) {
    builder.startBasket();
    for (const label of list) builder.add(label);
  }
  return builder.finish();
}

/**
 * Baskets from (basket, item) pairs in any order: a counting sort by basket, then each basket's
 * items sorted and made distinct. Baskets are numbered 0..basketCount - 1; none may be empty.
 */
export function basketSetFromPairs(
  basketOf: Int32Array,
  itemOf: Int32Array,
  basketCount: number,
  labels: string[],
): BasketSet {
  const start = new Int32Array(basketCount + 1);
  for (let i = 0; i < basketOf.length; i++) start[basketOf[i] + 1]++;
  for (let b = 0; b < basketCount; b++) start[b + 1] += start[b];
  const fill = start.slice(0, basketCount);
  const items = new Int32Array(itemOf.length);
  for (let i = 0; i < basketOf.length; i++) items[fill[basketOf[i]]++] = itemOf[i];
  // Sort and make distinct in place, then close the gaps duplicates leave.
  let length = 0;
  for (let b = 0; b < basketCount; b++) {
    const run = items.subarray(start[b], start[b + 1]).sort();
    start[b] = length;
    for (let i = 0; i < run.length; i++) if (i === 0 || run[i] !== run[i - 1]) items[length++] = run[i];
  }
  start[basketCount] = length;
  return { labels, start, items: items.slice(0, length), count: basketCount };
}
