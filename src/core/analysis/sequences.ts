import type { Database } from '../store/sqlite';
import { dayOf } from './as-of';
import {
  customersInOrder,
  daysApart,
  loadPurchases,
  ordersBefore,
  type CustomerOrder,
  type PurchaseHistory,
} from './purchases';
import { requireDays } from './unavailable';
import {
  histogram,
  page,
  percent,
  sampleIds,
  share,
  spread,
  type HistogramBucket,
  type Page,
  type PageRequest,
  type Spread,
} from './stats';

/**
 * Purchase sequences: "bought A, later bought B". A customer counts for (A, B) when some order
 * holding B was placed strictly later (by timestamp) than their first order holding A; each pair
 * counts once per customer, and A and B differ. The days between run from the customer's first
 * order with A to their first order with B placed after it. The share divides by the customers
 * who bought A and ordered again afterwards, the ones who had the chance to buy B later.
 */

export type SequenceLevel = 'product' | 'category';

export interface SequenceParams {
  /** Default 'product'. */
  level?: SequenceLevel;
  /** Pairs seen in fewer customers are left out. Default 20. */
  minCustomers?: number;
  /** At most this many pairs, most customers first. Default 100. */
  limit?: number;
  /** Only orders placed before this date count; default: all. */
  asOf?: string;
}

export interface ItemRef {
  id: string;
  label: string;
}

export interface SequenceRow {
  from: ItemRef;
  to: ItemRef;
  /** Customers who bought `from`, then `to` in a later order. */
  customers: number;
  /** Customers who bought `from` and ordered again afterwards. */
  fromCustomers: number;
  /** customers / fromCustomers. */
  share: number;
  /** Days from the first `from` order to the first later `to` order. */
  days: Spread;
  sampleCustomerIds: string[];
  explanation: string;
}

export interface SequencesResult {
  parameters: Required<Omit<SequenceParams, 'asOf'>> & { asOf: string | null };
  /** Customers with two or more orders. */
  repeatCustomers: number;
  rows: SequenceRow[];
  explanation: string;
}

export const SEQUENCE_DEFAULTS = { level: 'product', minCustomers: 20, limit: 100 } as const satisfies SequenceParams;

/** Turns each order into the keys compared at one level (product or category numbers). */
interface KeySpace {
  refs: ItemRef[];
  keysOf(order: CustomerOrder): number[];
}

function keySpace(history: PurchaseHistory, level: SequenceLevel): KeySpace {
  if (level === 'product') {
    const refs = history.products.map((p) => ({ id: p.id, label: p.name ?? p.id }));
    return { refs, keysOf: (order) => order.purchases.map((p) => p.product) };
  }
  const categories = new Map<string, number>();
  const refs: ItemRef[] = [];
  const categoryOf = history.products.map((p) => {
    if (p.category === null) return -1;
    let index = categories.get(p.category);
    if (index === undefined) {
      index = refs.length;
      refs.push({ id: p.category, label: p.category });
      categories.set(p.category, index);
    }
    return index;
  });
  return {
    refs,
    keysOf: (order) => [...new Set(order.purchases.map((p) => categoryOf[p.product]).filter((c) => c >= 0))],
  };
}

/** One repeat customer at the level compared: for each key, the days of the orders holding it, in time order. */
interface KeyedCustomer {
  id: string;
  /** The days are days apart, not only places in the customer's sequence of orders. */
  inDays: boolean;
  keys: Map<number, number[]>;
}

interface Prepared {
  space: KeySpace;
  customers: KeyedCustomer[];
  /** Per key: customers who bought it and ordered again afterwards. */
  fromCustomers: Int32Array;
  /** Per key: repeat customers who bought it. */
  buyers: Int32Array;
}

function prepare(history: PurchaseHistory, level: SequenceLevel, asOf: string | undefined): Prepared {
  const space = keySpace(history, level);
  const cutoff = asOf === undefined ? null : dayOf(asOf);
  const customers: KeyedCustomer[] = [];
  const fromCustomers = new Int32Array(space.refs.length);
  const buyers = new Int32Array(space.refs.length);
  const inDays = daysApart(history);
  for (const c of customersInOrder(history, asOf)) {
    const orders = ordersBefore(c, cutoff);
    if (orders.length < 2) continue;
    const keys = new Map<number, number[]>();
    for (const order of orders) {
      for (const key of space.keysOf(order)) {
        const days = keys.get(key);
        if (days) days.push(order.day);
        else keys.set(key, [order.day]);
      }
    }
    const last = orders[orders.length - 1].day;
    for (const [key, days] of keys) {
      buyers[key]++;
      if (days[0] < last) fromCustomers[key]++;
    }
    customers.push({ id: c.customerId, inDays: inDays(c), keys });
  }
  return { space, customers, fromCustomers, buyers };
}

/** Customers per (A, B) pair of keys, over a compact numbering of the keys that can reach the minimum. */
class PairCounts {
  private readonly dense: Int32Array | null;
  private readonly sparse = new Map<number, number>();

  constructor(readonly size: number) {
    // A flat array is much faster than a map; above about 2,900 keys (32 MB) it would take too much memory.
    this.dense = size * size <= 1 << 23 ? new Int32Array(size * size) : null;
  }

  add(pair: number): void {
    if (this.dense) this.dense[pair]++;
    else this.sparse.set(pair, (this.sparse.get(pair) ?? 0) + 1);
  }

  atLeast(min: number): [pair: number, customers: number][] {
    const found: [number, number][] = [];
    if (this.dense) this.dense.forEach((n, pair) => n >= min && found.push([pair, n]));
    else for (const entry of this.sparse) if (entry[1] >= min) found.push(entry);
    return found;
  }
}

/**
 * Counts each customer once for every (A, B) where some order holding B comes strictly later
 * than their first order holding A, that is where B's last day is after A's first day.
 */
function countPairs(prepared: Prepared, minCustomers: number): Map<number, number> {
  const { customers, fromCustomers, buyers } = prepared;
  // A pair cannot reach the minimum when either side has fewer customers than that.
  const compact = new Int32Array(buyers.length).fill(-1);
  const keyOf: number[] = [];
  buyers.forEach((n, key) => {
    if (n >= minCustomers && n > 0) compact[key] = keyOf.push(key) - 1;
  });
  const counts = new PairCounts(keyOf.length);
  for (const { keys } of customers) {
    const spans: { index: number; first: number; last: number; from: boolean }[] = [];
    for (const [key, days] of keys) {
      if (compact[key] >= 0)
        spans.push({
          index: compact[key],
          first: days[0],
          last: days[days.length - 1],
          from: fromCustomers[key] >= minCustomers,
        });
    }
    const byFirst = spans.filter((a) => a.from).sort((a, b) => a.first - b.first);
    for (const b of spans) {
      for (const a of byFirst) {
        if (a.first >= b.last) break;
        if (a.index !== b.index) counts.add(a.index * counts.size + b.index);
      }
    }
  }
  const size = buyers.length;
  return new Map(
    counts
      .atLeast(minCustomers)
      .map(([pair, n]) => [keyOf[Math.floor(pair / counts.size)] * size + keyOf[pair % counts.size], n]),
  );
}

interface PairDetail {
  customerIds: string[];
  /** Days from the customer's first A to their first later B; null when their orders have no days, only an order. */
  days: (number | null)[];
}

/** The customers behind each of `pairs` (A × size + B), with the days from their first A to the first later B. */
function pairDetails(prepared: Prepared, pairs: readonly number[]): Map<number, PairDetail> {
  const size = prepared.space.refs.length;
  const details = new Map(pairs.map((pair): [number, PairDetail] => [pair, { customerIds: [], days: [] }]));
  const byFrom = new Map<number, { to: number; detail: PairDetail }[]>();
  for (const [pair, detail] of details) {
    const from = Math.floor(pair / size);
    byFrom.set(from, [...(byFrom.get(from) ?? []), { to: pair % size, detail }]);
  }
  for (const { id, inDays, keys } of prepared.customers) {
    for (const [from, fromDays] of keys) {
      for (const { to, detail } of byFrom.get(from) ?? []) {
        const later = keys.get(to)?.find((day) => day > fromDays[0]);
        if (later === undefined) continue;
        detail.customerIds.push(id);
        detail.days.push(inDays ? later - fromDays[0] : null);
      }
    }
  }
  return details;
}

export function analyseSequences(
  db: Database,
  params: SequenceParams = {},
  history = loadPurchases(db),
): SequencesResult {
  const { level, minCustomers, limit } = { ...SEQUENCE_DEFAULTS, ...params };
  const prepared = prepare(history, level, params.asOf);
  const { space, customers, fromCustomers } = prepared;
  const size = space.refs.length;

  const kept = [...countPairs(prepared, Math.max(1, minCustomers)).entries()]
    .map(([pair, n]) => ({ pair, n, share: n / fromCustomers[Math.floor(pair / size)] }))
    .sort((x, y) => y.n - x.n || y.share - x.share || x.pair - y.pair)
    .slice(0, limit);
  const details = pairDetails(
    prepared,
    kept.map((k) => k.pair),
  );

  const rows = kept.map(({ pair, n }): SequenceRow => {
    const from = space.refs[Math.floor(pair / size)];
    const to = space.refs[pair % size];
    const detail = details.get(pair)!;
    const days = spread(detail.days.filter((d) => d !== null));
    const base = fromCustomers[Math.floor(pair / size)];
    const fraction = share(n, base);
    return {
      from,
      to,
      customers: n,
      fromCustomers: base,
      share: fraction,
      days,
      sampleCustomerIds: sampleIds(detail.customerIds),
      explanation: `Of the ${base} customers who bought ${from.label} and ordered again afterwards, ${n} (${percent(fraction)}) later bought ${to.label}${days.median === null ? ' (their orders have no dates, so the time between is not known)' : `; half of them did so within ${days.median} days of first buying ${from.label}`}.`,
    };
  });
  return {
    parameters: { level, minCustomers, limit, asOf: params.asOf ?? null },
    repeatCustomers: customers.length,
    rows,
    explanation: `What customers with two or more orders went on to buy in a later order, by ${level}, for pairs seen in at least ${minCustomers} customers. It shows what tends to follow, not what causes it.`,
  };
}

export interface SequenceCustomer {
  customerId: string;
  /** Days from the first `from` order to the first later `to` order; null when the orders have no days, only an order. */
  days: number | null;
}

/** The customers behind one sequence row, by customer id, a page at a time. */
export function sequenceCustomers(
  db: Database,
  pair: { level?: SequenceLevel; from: string; to: string; asOf?: string },
  request: PageRequest = {},
  history = loadPurchases(db),
): Page<SequenceCustomer> {
  const prepared = prepare(history, pair.level ?? 'product', pair.asOf);
  const from = prepared.space.refs.findIndex((r) => r.id === pair.from);
  const to = prepared.space.refs.findIndex((r) => r.id === pair.to);
  if (from < 0 || to < 0 || from === to) return page([], request);
  const wanted = from * prepared.space.refs.length + to;
  const { customerIds, days } = pairDetails(prepared, [wanted]).get(wanted)!;
  return page(
    customerIds.map((customerId, i) => ({ customerId, days: days[i] === null ? null : Math.round(days[i] * 10) / 10 })),
    request,
  );
}

/** Time from the first to the second order, in days. */
export interface SecondPurchaseGroup {
  /** null for everyone; otherwise a category of the first order. */
  category: string | null;
  /** Customers with at least one order (in this group). */
  customers: number;
  /** Of them, customers with a second order. */
  repeatCustomers: number;
  repeatShare: number;
  days: Spread;
  buckets: HistogramBucket[];
  explanation: string;
}

export interface SecondPurchaseResult {
  parameters: { asOf: string | null; bucketEdges: number[] };
  overall: SecondPurchaseGroup;
  /** One group per category found in first orders, most first-order customers first. */
  byFirstCategory: SecondPurchaseGroup[];
  explanation: string;
}

export const SECOND_PURCHASE_BUCKETS = [0, 7, 14, 30, 60, 90, 180, 365];

export interface SecondPurchaseParams {
  /** Only orders placed before this date count; default: all. */
  asOf?: string;
  /** Lower bounds of the chart's buckets, in days; the last bucket is open. Default SECOND_PURCHASE_BUCKETS. */
  bucketEdges?: number[];
}

export function timeToSecondPurchase(
  db: Database,
  params: SecondPurchaseParams = {},
  history = loadPurchases(db),
): SecondPurchaseResult {
  const edges = params.bucketEdges ?? SECOND_PURCHASE_BUCKETS;
  const cutoff = params.asOf === undefined ? null : dayOf(params.asOf);
  requireDays(history, 'the time from a first order to a second cannot be measured');
  const groups = new Map<string | null, { customers: number; days: number[] }>([[null, { customers: 0, days: [] }]]);
  for (const customer of customersInOrder(history, params.asOf).filter(daysApart(history))) {
    const orders = ordersBefore(customer, cutoff);
    if (orders.length === 0) continue;
    const categories = new Set(
      orders[0].purchases.map((p) => history.products[p.product].category).filter((c) => c !== null),
    );
    for (const key of [null, ...categories]) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { customers: 0, days: [] }));
      group.customers++;
      if (orders.length >= 2) group.days.push(orders[1].day - orders[0].day);
    }
  }
  const describe = (
    category: string | null,
    { customers, days }: { customers: number; days: number[] },
  ): SecondPurchaseGroup => {
    const stats = spread(days);
    const who = category === null ? 'customers' : `customers whose first order included ${category}`;
    return {
      category,
      customers,
      repeatCustomers: days.length,
      repeatShare: share(days.length, customers),
      days: stats,
      buckets: histogram(days, edges, 'days'),
      explanation:
        days.length === 0
          ? `None of the ${customers} ${who} has placed a second order yet.`
          : `Of the ${customers} ${who}, ${days.length} (${percent(share(days.length, customers))}) placed a second order; half of those did so within ${stats.median} days of the first.`,
    };
  };
  const byFirstCategory = [...groups.entries()]
    .filter(([category]) => category !== null)
    .map(([category, group]) => describe(category, group))
    .sort((a, b) => b.customers - a.customers || a.category!.localeCompare(b.category!));
  return {
    parameters: { asOf: params.asOf ?? null, bucketEdges: [...edges] },
    overall: describe(null, groups.get(null)!),
    byFirstCategory,
    explanation:
      'Days from a customer’s first order to their second. A customer whose first order spans several categories is counted under each of them.',
  };
}
