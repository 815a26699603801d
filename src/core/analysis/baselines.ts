import type { Database } from '../store/sqlite';
import { dayOf } from './as-of';
import {
  loadPurchases,
  ordersBefore,
  type CustomerHistory,
  type CustomerOrder,
  type PurchaseHistory,
} from './purchases';
import { requireDays } from './unavailable';
import { analyseSequences, type ItemRef } from './sequences';
import { percent, sampleIds, share, spread, type Spread } from './stats';

/**
 * Baselines from history, for judging a plan's targets against what customers already do.
 * "End of the data" is the as-of date when given, else the latest order. A follow-on purchase is
 * a product bought in a later order whose category the customer had not bought before.
 */

export interface BaselineParams {
  /** Only orders placed before this date count; default: all. */
  asOf?: string;
  /** Days after the anchor (or first) order a follow-on may come. Default 90. */
  windowDays?: number;
  /** How many of the strongest product sequences make up the overall acceptance. Default 10. */
  topPairs?: number;
  /** The fewest customers a sequence needs to be one of them. Default 20. */
  minCustomers?: number;
}

export const BASELINE_DEFAULTS = { windowDays: 90, topPairs: 10, minCustomers: 20 } as const satisfies BaselineParams;

export interface CrossSellPair {
  anchor: string;
  recommended: string;
}

export interface AcceptanceRow {
  anchor: ItemRef;
  recommended: ItemRef;
  /** Customers whose first anchor order left a whole window before the end of the data, and who did not own the recommended product by then. */
  anchorCustomers: number;
  /** Of them, customers who bought the recommended product within the window after that order. */
  accepted: number;
  rate: number;
  sampleCustomerIds: string[];
  explanation: string;
}

export interface AcceptanceResult {
  parameters: { windowDays: number; asOf: string | null };
  pairs: AcceptanceRow[];
  /** All pairs pooled: accepted over anchor customers. */
  overall: { anchorCustomers: number; accepted: number; rate: number };
  explanation: string;
}

export interface BaselinesResult {
  parameters: Required<Omit<BaselineParams, 'asOf'>> & { asOf: string | null };
  acceptance: AcceptanceResult;
  secondaryPurchase: { days: Spread; customers: number; explanation: string };
  categoryExpansion: {
    customers: number;
    expanded: number;
    rate: number;
    sampleCustomerIds: string[];
    explanation: string;
  };
  crossSellAov: {
    anchorOrders: number;
    anchorAov: number | null;
    followOnOrders: number;
    followOnAov: number | null;
    ratio: number | null;
    explanation: string;
  };
  returnRate: {
    followOnItems: number;
    followOnReturned: number;
    followOnRate: number;
    allItems: number;
    allReturned: number;
    allRate: number;
    explanation: string;
  };
  explanation: string;
}

interface Scope {
  customers: { id: string; orders: CustomerOrder[] }[];
  /** Day number of the end of the data. */
  end: number;
}

function scope(history: PurchaseHistory, asOf: string | undefined): Scope {
  requireDays(history, 'purchases within a number of days of another cannot be counted');
  const cutoff = asOf === undefined ? null : dayOf(asOf);
  // Orders without dates but with the days between them, when no order has a date: days count from each customer's first order.
  const timed = history.customers.length === 0 && asOf === undefined ? history.undated.customers : history.customers;
  const customers = timed
    .map((c: CustomerHistory) => ({ id: c.customerId, orders: ordersBefore(c, cutoff) }))
    .filter((c) => c.orders.length > 0);
  const end = cutoff ?? customers.reduce((latest, c) => Math.max(latest, c.orders[c.orders.length - 1].day), 0);
  return { customers, end };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function crossSellAcceptance(
  db: Database,
  pairs: readonly CrossSellPair[],
  params: { windowDays?: number; asOf?: string } = {},
  history = loadPurchases(db),
): AcceptanceResult {
  const windowDays = params.windowDays ?? BASELINE_DEFAULTS.windowDays;
  const { customers, end } = scope(history, params.asOf);
  const ref = (id: string): ItemRef => {
    const product = history.products[history.productIndex.get(id) ?? -1];
    return { id, label: product?.name ?? id };
  };
  const rows = pairs.map(({ anchor, recommended }): AcceptanceRow => {
    const a = history.productIndex.get(anchor);
    const b = history.productIndex.get(recommended);
    let anchorCustomers = 0;
    const accepted: string[] = [];
    for (const customer of customers) {
      const anchorAt = customer.orders.findIndex((o) => o.purchases.some((p) => p.product === a));
      if (anchorAt < 0) continue;
      const anchorDay = customer.orders[anchorAt].day;
      if (anchorDay + windowDays > end) continue;
      if (customer.orders.slice(0, anchorAt + 1).some((o) => o.purchases.some((p) => p.product === b))) continue;
      anchorCustomers++;
      const took = customer.orders.some(
        (o) => o.day > anchorDay && o.day <= anchorDay + windowDays && o.purchases.some((p) => p.product === b),
      );
      if (took) accepted.push(customer.id);
    }
    const rate = share(accepted.length, anchorCustomers);
    const [from, to] = [ref(anchor), ref(recommended)];
    return {
      anchor: from,
      recommended: to,
      anchorCustomers,
      accepted: accepted.length,
      rate,
      sampleCustomerIds: sampleIds(accepted),
      explanation: `Of ${anchorCustomers} customers who bought ${from.label} (without already owning ${to.label}), ${accepted.length} (${percent(rate)}) bought ${to.label} within ${windowDays} days.`,
    };
  });
  const anchorCustomers = rows.reduce((sum, r) => sum + r.anchorCustomers, 0);
  const accepted = rows.reduce((sum, r) => sum + r.accepted, 0);
  return {
    parameters: { windowDays, asOf: params.asOf ?? null },
    pairs: rows,
    overall: { anchorCustomers, accepted, rate: share(accepted, anchorCustomers) },
    explanation: `How often buyers of an anchor product went on to buy the recommended one within ${windowDays} days, without any campaign: a baseline to compare a plan's results with. Only anchor purchases at least ${windowDays} days before the end of the data count.`,
  };
}

/** The categories of an order's purchases. */
function categoriesOf(history: PurchaseHistory, order: CustomerOrder): Set<string> {
  const categories = new Set<string>();
  for (const p of order.purchases) {
    const category = history.products[p.product].category;
    if (category !== null) categories.add(category);
  }
  return categories;
}

export function analyseBaselines(
  db: Database,
  params: BaselineParams = {},
  history = loadPurchases(db),
): BaselinesResult {
  const { windowDays, topPairs, minCustomers } = { ...BASELINE_DEFAULTS, ...params };
  const { customers, end } = scope(history, params.asOf);
  const sequences = analyseSequences(db, { asOf: params.asOf, limit: topPairs, minCustomers }, history);
  const acceptance = crossSellAcceptance(
    db,
    sequences.rows.map((r) => ({ anchor: r.from.id, recommended: r.to.id })),
    { windowDays, asOf: params.asOf },
    history,
  );

  const secondaryDays: number[] = [];
  let matureCustomers = 0;
  const expanded: string[] = [];
  let anchorTotal = 0;
  let followOnOrders = 0;
  let followOnTotal = 0;
  const items = { followOn: 0, followOnReturned: 0, all: 0, allReturned: 0 };
  for (const { id, orders } of customers) {
    const first = orders[0];
    const firstCategories = categoriesOf(history, first);
    const secondary = orders.find(
      (o) => o.day > first.day && [...categoriesOf(history, o)].some((c) => !firstCategories.has(c)),
    );
    if (secondary) secondaryDays.push(secondary.day - first.day);

    if (first.day + windowDays <= end) {
      matureCustomers++;
      const within = new Set<string>();
      for (const order of orders)
        if (order.day <= first.day + windowDays) for (const c of categoriesOf(history, order)) within.add(c);
      if (within.size >= 2) expanded.push(id);
    }

    anchorTotal += first.amount;
    const known = new Set<string>();
    for (const [i, order] of orders.entries()) {
      let addsCategory = false;
      for (const p of order.purchases) {
        const category = history.products[p.product].category;
        const followOn = i > 0 && category !== null && !known.has(category);
        items.all++;
        if (p.returned) items.allReturned++;
        if (followOn) {
          addsCategory = true;
          items.followOn++;
          if (p.returned) items.followOnReturned++;
        }
      }
      for (const c of categoriesOf(history, order)) known.add(c);
      if (addsCategory) {
        followOnOrders++;
        followOnTotal += order.amount;
      }
    }
  }

  const days = spread(secondaryDays);
  const expansionRate = share(expanded.length, matureCustomers);
  const anchorAov = customers.length ? round2(anchorTotal / customers.length) : null;
  const followOnAov = followOnOrders ? round2(followOnTotal / followOnOrders) : null;
  const ratio = anchorAov && followOnAov !== null ? Math.round((followOnAov / anchorAov) * 100) / 100 : null;
  const followOnRate = share(items.followOnReturned, items.followOn);
  const allRate = share(items.allReturned, items.all);
  return {
    parameters: { windowDays, topPairs, minCustomers, asOf: params.asOf ?? null },
    acceptance,
    secondaryPurchase: {
      days,
      customers: secondaryDays.length,
      explanation:
        days.count === 0
          ? 'No customer has yet ordered from a category outside their first order.'
          : `${days.count} customers later ordered from a category their first order did not include; half of them did so within ${days.median} days of the first order.`,
    },
    categoryExpansion: {
      customers: matureCustomers,
      expanded: expanded.length,
      rate: expansionRate,
      sampleCustomerIds: sampleIds(expanded),
      explanation: `Of ${matureCustomers} customers whose first order was at least ${windowDays} days before the end of the data, ${expanded.length} (${percent(expansionRate)}) bought from two or more categories within ${windowDays} days of it.`,
    },
    crossSellAov: {
      anchorOrders: customers.length,
      anchorAov,
      followOnOrders,
      followOnAov,
      ratio,
      explanation:
        anchorAov === null || followOnAov === null
          ? 'There are no later orders that add a new category yet, so there is nothing to compare.'
          : `First orders average ${anchorAov}; later orders that add a new category average ${followOnAov}, ${ratio} times as much.`,
    },
    returnRate: {
      followOnItems: items.followOn,
      followOnReturned: items.followOnReturned,
      followOnRate,
      allItems: items.all,
      allReturned: items.allReturned,
      allRate,
      explanation: `${percent(followOnRate)} of products bought from a category new to the customer were returned, against ${percent(allRate)} of all products bought.`,
    },
    explanation:
      'What customers already do without a campaign, measured on past orders: a starting point for a plan’s targets, not a forecast.',
  };
}
