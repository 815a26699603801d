/** Small statistics and paging helpers shared by the behavioural analyses. */

export interface Spread {
  /** How many values the figures are taken over. */
  count: number;
  median: number | null;
  /** First quartile (25th percentile). */
  q1: number | null;
  /** Third quartile (75th percentile). */
  q3: number | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Median and quartiles, interpolating between neighbouring values (the method spreadsheets call
 * QUARTILE.INC: the p-th percentile sits at position p × (n − 1) of the sorted values), rounded
 * to one decimal.
 */
export function spread(values: readonly number[]): Spread {
  if (values.length === 0) return { count: 0, median: null, q1: null, q3: null };
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => {
    const position = p * (sorted.length - 1);
    const below = Math.floor(position);
    const above = Math.min(below + 1, sorted.length - 1);
    return round1(sorted[below] + (sorted[above] - sorted[below]) * (position - below));
  };
  return { count: sorted.length, median: at(0.5), q1: at(0.25), q3: at(0.75) };
}

export interface HistogramBucket {
  label: string;
  /** Inclusive lower bound, in the histogram's unit. */
  from: number;
  /** Exclusive upper bound; null for the open last bucket. */
  to: number | null;
  count: number;
}

/** Counts values into buckets bounded by `edges` (ascending), the last one open-ended. */
export function histogram(values: readonly number[], edges: readonly number[], unit: string): HistogramBucket[] {
  const buckets: HistogramBucket[] = edges.map((from, i) => {
    const to = i + 1 < edges.length ? edges[i + 1] : null;
    return { label: to === null ? `${from}+ ${unit}` : `${from}–${to} ${unit}`, from, to, count: 0 };
  });
  for (const value of values) {
    for (let i = buckets.length - 1; i >= 0; i--) {
      if (value >= buckets[i].from) {
        buckets[i].count++;
        break;
      }
    }
  }
  return buckets;
}

/** Share as a fraction rounded to four decimals; 0 when there is nothing to share. */
export function share(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
}

export const percent = (fraction: number) => `${Math.round(fraction * 100)} %`;

/** How many ids a result carries as a sample for a first look; the full list comes paged. */
export const SAMPLE_SIZE = 10;

/** The first ids in sorted order: the same data always gives the same sample. */
export function sampleIds(ids: Iterable<string>, size = SAMPLE_SIZE): string[] {
  return [...ids].sort().slice(0, size);
}

export interface PageRequest {
  offset?: number;
  /** Default 100. */
  limit?: number;
}

export interface Page<T> {
  total: number;
  offset: number;
  items: T[];
}

export function page<T>(items: readonly T[], request: PageRequest = {}): Page<T> {
  const offset = Math.max(0, Math.floor(request.offset ?? 0));
  const limit = Math.max(0, Math.floor(request.limit ?? 100));
  return { total: items.length, offset, items: items.slice(offset, offset + limit) };
}
