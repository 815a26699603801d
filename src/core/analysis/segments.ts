import type { Database } from '../store/sqlite';
import { dayOf, resolveAsOf } from './as-of';
import { each, loadPurchases, ordersBefore, type PurchaseHistory } from './purchases';
import { page, sampleIds, type Page, type PageRequest } from './stats';

/**
 * Customer segments as of a date, over customers with at least one purchase before it.
 * Recency (days since the last order), frequency (orders) and monetary value (net spend on kept
 * lines: returned lines are not taken off) each score 1–5 by quintile: a customer's score is
 * 1 + ⌊5 × (share of customers with a strictly worse value)⌋, so equal values share a score and
 * 5 is the best fifth. Loyalty tiers are the imported `customers.loyalty_tier` when any customer
 * has one; otherwise they are derived from spend (the top `goldShare` gold, the next
 * `silverShare` silver, the rest bronze). Category breadth is the number of distinct categories
 * bought.
 */

export interface SegmentParams {
  /** Default: just after the latest order or event. */
  asOf?: string;
  /** Share of customers, by spend, called gold when tiers are derived. Default 0.1. */
  goldShare?: number;
  /** Share of customers after the gold ones called silver when tiers are derived. Default 0.2. */
  silverShare?: number;
}

export const SEGMENT_DEFAULTS = { goldShare: 0.1, silverShare: 0.2 } as const satisfies SegmentParams;

export interface CustomerSegment {
  customerId: string;
  /** Null for a customer whose orders have no dates. */
  recencyDays: number | null;
  orders: number;
  spend: number;
  /** 0 (not scored) for a customer whose orders have no dates. */
  recency: number;
  frequency: number;
  monetary: number;
  loyaltyTier: string;
  categories: number;
}

export interface ScoreGroup {
  score: number;
  customers: number;
  /** The range of raw values (days, orders or spend) scored so. */
  min: number | null;
  max: number | null;
}

export interface SegmentGroup {
  key: string;
  customers: number;
  sampleCustomerIds: string[];
}

export interface SegmentsResult {
  parameters: Required<Omit<SegmentParams, 'asOf'>> & { asOf: string | null };
  customers: number;
  recency: ScoreGroup[];
  frequency: ScoreGroup[];
  monetary: ScoreGroup[];
  /** Non-empty recency-frequency-monetary combinations, keyed like '543', most customers first. */
  rfmCells: SegmentGroup[];
  loyalty: { source: 'imported' | 'derived-from-spend'; tiers: SegmentGroup[]; explanation: string };
  /** Keyed by the number of distinct categories bought. */
  breadth: SegmentGroup[];
  /** What cannot be scored when the orders have no dates, or null. */
  undated: string | null;
  explanation: string;
}

const UNDATED =
  'These orders have no dates, so customers cannot be scored on recency (how long since their last order): their recency score is 0, and they are scored on how often and how much they bought, from their orders in sequence.';

/** How many of the ascending `sorted` values are strictly below `v`. */
function countBelow(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Scores values 1–5 by the share of values strictly below each (higher values are better). */
function quintileScores(values: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return values.map((v) => 1 + Math.floor((5 * countBelow(sorted, v)) / values.length));
}

function computeSegments(db: Database, params: SegmentParams, history: PurchaseHistory) {
  const { goldShare, silverShare } = { ...SEGMENT_DEFAULTS, ...params };
  const asOf = resolveAsOf(db, params.asOf);
  const parameters = { goldShare, silverShare, asOf };
  const now = asOf === null ? 0 : dayOf(asOf);
  // Customers whose orders have no dates join when no date was asked for: they have an order count, not a recency.
  const undated = params.asOf === undefined ? history.undated.customers : [];
  const rows = [
    ...history.customers.map((c) => ({
      customerId: c.customerId,
      orders: asOf === null ? [] : ordersBefore(c, now),
      dated: true,
    })),
    ...undated.map((c) => ({ customerId: c.customerId, orders: c.orders, dated: false })),
  ]
    .filter((c) => c.orders.length > 0)
    .map(({ customerId, orders, dated }) => {
      const categories = new Set<string>();
      for (const order of orders)
        for (const p of order.purchases)
          if (history.products[p.product].category !== null) categories.add(history.products[p.product].category!);
      return {
        customerId,
        recencyDays: dated ? Math.floor(now - orders[orders.length - 1].day) : null,
        orders: orders.length,
        spend: Math.round(orders.reduce((sum, o) => sum + o.amount, 0) * 100) / 100,
        categories: categories.size,
      };
    });
  const dated = rows.filter((c) => c.recencyDays !== null);
  const recencyScores = new Map(quintileScores(dated.map((c) => -c.recencyDays!)).map((score, i) => [dated[i], score]));
  const f = quintileScores(rows.map((c) => c.orders));
  const m = quintileScores(rows.map((c) => c.spend));

  const imported = new Map<string, string>();
  each(db, 'SELECT customer_id, loyalty_tier FROM customers WHERE loyalty_tier IS NOT NULL', ([id, tier]) =>
    imported.set(id as string, String(tier)),
  );
  const source: 'imported' | 'derived-from-spend' = rows.some((c) => imported.has(c.customerId))
    ? 'imported'
    : 'derived-from-spend';
  const negatedSpend = Float64Array.from(rows, (c) => -c.spend).sort();
  const tierFromSpend = (spend: number) => {
    const shareAbove = countBelow(negatedSpend, -spend) / rows.length;
    return shareAbove < goldShare ? 'gold' : shareAbove < goldShare + silverShare ? 'silver' : 'bronze';
  };
  const customers: CustomerSegment[] = rows.map((c, i) => ({
    customerId: c.customerId,
    recencyDays: c.recencyDays,
    orders: c.orders,
    spend: c.spend,
    recency: recencyScores.get(c) ?? 0,
    frequency: f[i],
    monetary: m[i],
    loyaltyTier: source === 'imported' ? (imported.get(c.customerId) ?? 'none') : tierFromSpend(c.spend),
    categories: c.categories,
  }));
  return { parameters, customers, source, undated: undated.length > 0 };
}

function groups(customers: readonly CustomerSegment[], keyOf: (c: CustomerSegment) => string): SegmentGroup[] {
  const byKey = new Map<string, string[]>();
  for (const c of customers) {
    const key = keyOf(c);
    let ids = byKey.get(key);
    if (!ids) byKey.set(key, (ids = []));
    ids.push(c.customerId);
  }
  return [...byKey.entries()].map(([key, ids]) => ({ key, customers: ids.length, sampleCustomerIds: sampleIds(ids) }));
}

function scoreGroups(
  customers: readonly CustomerSegment[],
  score: (c: CustomerSegment) => number,
  value: (c: CustomerSegment) => number,
): ScoreGroup[] {
  const groups: ScoreGroup[] = [1, 2, 3, 4, 5].map((s) => ({ score: s, customers: 0, min: null, max: null }));
  for (const c of customers) {
    const group = groups[score(c) - 1];
    const v = value(c);
    group.customers++;
    group.min = group.min === null ? v : Math.min(group.min, v);
    group.max = group.max === null ? v : Math.max(group.max, v);
  }
  return groups;
}

export function analyseSegments(db: Database, params: SegmentParams = {}, history = loadPurchases(db)): SegmentsResult {
  const { parameters, customers, source, undated } = computeSegments(db, params, history);
  const byCount = (a: SegmentGroup, b: SegmentGroup) => b.customers - a.customers || a.key.localeCompare(b.key);
  return {
    parameters,
    customers: customers.length,
    recency: scoreGroups(
      customers.filter((c) => c.recency > 0),
      (c) => c.recency,
      (c) => c.recencyDays!,
    ),
    frequency: scoreGroups(
      customers,
      (c) => c.frequency,
      (c) => c.orders,
    ),
    monetary: scoreGroups(
      customers,
      (c) => c.monetary,
      (c) => c.spend,
    ),
    rfmCells: groups(customers, (c) => `${c.recency}${c.frequency}${c.monetary}`).sort(byCount),
    loyalty: {
      source,
      tiers: groups(customers, (c) => c.loyaltyTier).sort(byCount),
      explanation:
        source === 'imported'
          ? 'Loyalty tiers as imported with the customers.'
          : `No loyalty tiers were imported, so they are derived from spend: the top ${Math.round(parameters.goldShare * 100)} % of customers by spend are gold, the next ${Math.round(parameters.silverShare * 100)} % silver, the rest bronze.`,
    },
    breadth: groups(customers, (c) => String(c.categories)).sort((a, b) => Number(a.key) - Number(b.key)),
    undated: undated ? UNDATED : null,
    explanation: `${customers.length} customers who bought ${parameters.asOf === null ? 'in the orders imported' : `before ${parameters.asOf}`}, scored 1 to 5 on how recently, how often and how much they bought (5 is the best fifth), with their loyalty tier and the number of categories they bought in.`,
  };
}

export interface SegmentFilter {
  recency?: number;
  frequency?: number;
  monetary?: number;
  loyaltyTier?: string;
  categories?: number;
}

/** The customers matching every given part of `filter`, by customer id, a page at a time. */
export function segmentCustomers(
  db: Database,
  filter: SegmentFilter,
  params: SegmentParams = {},
  request: PageRequest = {},
  history = loadPurchases(db),
): Page<CustomerSegment> {
  const matches = computeSegments(db, params, history).customers.filter((c) =>
    (Object.keys(filter) as (keyof SegmentFilter)[]).every(
      (key) => filter[key] === undefined || c[key] === filter[key],
    ),
  );
  return page(matches, request);
}
