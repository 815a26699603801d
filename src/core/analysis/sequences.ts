import type { Database } from '../store/sqlite';
import { dayOf } from './as-of';
import { loadPurchases, ordersBefore, type CustomerOrder, type PurchaseHistory } from './purchases';
import { histogram, page, percent, sampleIds, share, spread, type HistogramBucket, type Page, type PageRequest, type Spread } from './stats';

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

/** One customer's orders as the keys each holds at the level compared, with the order's day. */
interface KeyedCustomer {
  id: string;
  days: number[];
  keys: number[][];
}

/** Days since the epoch of the first order holding each key, over one customer's orders. */
function firstDays(customer: KeyedCustomer): Map<number, number> {
  const first = new Map<number, number>();
  customer.keys.forEach((keys, i) => {
    for (const key of keys) if (!first.has(key)) first.set(key, customer.days[i]);
  });
  return first;
}

/**
 * Calls `visit` once for each (A, B) of the customer, with the days from the first A to the first
 * later B. Orders at the same instant are not "later" than one another.
 */
function walkPairs(
  { days, keys }: KeyedCustomer,
  size: number,
  eligible: (key: number) => boolean,
  visit: (pair: number, days: number) => void,
): void {
  const first = new Map<number, number>();
  const seen = new Set<number>();
  for (let i = 0; i < days.length; ) {
    const day = days[i];
    let j = i;
    while (j < days.length && days[j] === day) j++;
    for (let k = i; k < j; k++) {
      for (const b of keys[k]) {
        if (!eligible(b)) continue;
        for (const [a, firstA] of first) {
          const pair = a * size + b;
          if (a === b || seen.has(pair)) continue;
          seen.add(pair);
          visit(pair, day - firstA);
        }
      }
    }
    for (let k = i; k < j; k++) for (const key of keys[k]) if (eligible(key) && !first.has(key)) first.set(key, day);
    i = j;
  }
}

interface Prepared {
  space: KeySpace;
  customers: KeyedCustomer[];
  /** Per key: customers who bought it and ordered again afterwards. */
  fromCustomers: Int32Array;
  eligible: (key: number) => boolean;
}

function prepare(history: PurchaseHistory, level: SequenceLevel, minCustomers: number, asOf: string | undefined): Prepared {
  const space = keySpace(history, level);
  const cutoff = asOf === undefined ? null : dayOf(asOf);
  const customers: KeyedCustomer[] = [];
  for (const c of history.customers) {
    const orders = ordersBefore(c, cutoff);
    if (orders.length >= 2) customers.push({ id: c.customerId, days: orders.map((o) => o.day), keys: orders.map(space.keysOf) });
  }
  const fromCustomers = new Int32Array(space.refs.length);
  const buyers = new Int32Array(space.refs.length);
  for (const customer of customers) {
    const last = customer.days[customer.days.length - 1];
    for (const [key, day] of firstDays(customer)) {
      buyers[key]++;
      if (day < last) fromCustomers[key]++;
    }
  }
  // A pair cannot reach the minimum when either of its items has fewer buyers than that.
  return { space, customers, fromCustomers, eligible: (key) => buyers[key] >= minCustomers };
}

export function analyseSequences(db: Database, params: SequenceParams = {}, history = loadPurchases(db)): SequencesResult {
  const { level, minCustomers, limit } = { ...SEQUENCE_DEFAULTS, ...params };
  const prepared = prepare(history, level, minCustomers, params.asOf);
  const { space, customers, fromCustomers, eligible } = prepared;
  const size = space.refs.length;

  const counts = new Map<number, number>();
  for (const customer of customers) walkPairs(customer, size, eligible, (pair) => counts.set(pair, (counts.get(pair) ?? 0) + 1));

  const kept = [...counts.entries()]
    .filter(([, n]) => n >= minCustomers)
    .map(([pair, n]) => ({ pair, n, share: n / fromCustomers[Math.floor(pair / size)] }))
    .sort((x, y) => y.n - x.n || y.share - x.share || x.pair - y.pair)
    .slice(0, limit);
  const details = new Map(kept.map(({ pair }) => [pair, { days: [] as number[], ids: [] as string[] }]));
  const keptKeys = new Set(kept.flatMap(({ pair }) => [Math.floor(pair / size), pair % size]));
  for (const customer of customers) {
    walkPairs(customer, size, (key) => keptKeys.has(key), (pair, days) => {
      const detail = details.get(pair);
      if (!detail) return;
      detail.days.push(days);
      detail.ids.push(customer.id);
    });
  }

  const rows = kept.map(({ pair, n }): SequenceRow => {
    const from = space.refs[Math.floor(pair / size)];
    const to = space.refs[pair % size];
    const detail = details.get(pair)!;
    const days = spread(detail.days);
    const base = fromCustomers[Math.floor(pair / size)];
    const fraction = share(n, base);
    return {
      from,
      to,
      customers: n,
      fromCustomers: base,
      share: fraction,
      days,
      sampleCustomerIds: sampleIds(detail.ids),
      explanation: `Of the ${base} customers who bought ${from.label} and ordered again afterwards, ${n} (${percent(fraction)}) later bought ${to.label}, typically ${days.median} days after first buying ${from.label}.`,
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
  /** Days from the first `from` order to the first later `to` order. */
  days: number;
}

/** The customers behind one sequence row, by customer id, a page at a time. */
export function sequenceCustomers(
  db: Database,
  pair: { level?: SequenceLevel; from: string; to: string; asOf?: string },
  request: PageRequest = {},
  history = loadPurchases(db),
): Page<SequenceCustomer> {
  const { space, customers } = prepare(history, pair.level ?? 'product', 0, pair.asOf);
  const from = space.refs.findIndex((r) => r.id === pair.from);
  const to = space.refs.findIndex((r) => r.id === pair.to);
  const found: SequenceCustomer[] = [];
  if (from >= 0 && to >= 0) {
    const wanted = from * space.refs.length + to;
    for (const customer of customers) {
      walkPairs(customer, space.refs.length, (key) => key === from || key === to, (p, days) => {
        if (p === wanted) found.push({ customerId: customer.id, days: Math.round(days * 10) / 10 });
      });
    }
  }
  return page(found, request);
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

export function timeToSecondPurchase(
  db: Database,
  params: { asOf?: string; bucketEdges?: number[] } = {},
  history = loadPurchases(db),
): SecondPurchaseResult {
  const edges = params.bucketEdges ?? SECOND_PURCHASE_BUCKETS;
  const cutoff = params.asOf === undefined ? null : dayOf(params.asOf);
  const groups = new Map<string | null, { customers: number; days: number[] }>([[null, { customers: 0, days: [] }]]);
  for (const customer of history.customers) {
    const orders = ordersBefore(customer, cutoff);
    if (orders.length === 0) continue;
    const categories = new Set(orders[0].purchases.map((p) => history.products[p.product].category).filter((c) => c !== null));
    for (const key of [null, ...categories]) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { customers: 0, days: [] }));
      group.customers++;
      if (orders.length >= 2) group.days.push(orders[1].day - orders[0].day);
    }
  }
  const describe = (category: string | null, { customers, days }: { customers: number; days: number[] }): SecondPurchaseGroup => {
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
