import type { Database } from '../store/sqlite';
import { dayOf, dayOrNull, resolveAsOf, stampOf } from './as-of';
import { requireDates } from './unavailable';
import { each, loadPurchases, ordersBefore, type PurchaseHistory } from './purchases';
import type { ItemRef } from './sequences';
import { page, type Page, type PageRequest } from './stats';

/**
 * Progression ladders: categories whose products carry two or more tiers. A customer's current
 * tier in a category is the highest tier they have bought there before the as-of date. Customers
 * below the top tier who show at least `minSignals` advancement signals are candidates for the
 * next tier up. The signals:
 * - usage-growth: their 'usage' events (for the category's products, or for no product) average
 *   at least `usageGrowth` more over the last `recentDays` than over the `recentDays` before;
 * - orders-rising: more orders in the last `recentDays` than in the `recentDays` before, and at
 *   least two;
 * - milestone: a 'milestone' event in the last `milestoneDays`;
 * - usage-near-limit: their latest 'usage' event for the category in the last 2 × `recentDays`
 *   reached `usageLimitShare` of its limit_value.
 */

export type AdvancementSignal = 'usage-growth' | 'orders-rising' | 'milestone' | 'usage-near-limit';

export interface LadderParams {
  /** Default: just after the latest order or event. */
  asOf?: string;
  /** Default 90. */
  recentDays?: number;
  /** Default 0.2 (20 % more). */
  usageGrowth?: number;
  /** Default 90. */
  milestoneDays?: number;
  /** Default 0.75. */
  usageLimitShare?: number;
  /** Default 1. */
  minSignals?: number;
  /** Candidates listed per category in the result; all of them come paged. Default 500. */
  maxCandidates?: number;
}

export interface LadderCandidate {
  customerId: string;
  currentTier: number;
  nextTier: number;
  signals: AdvancementSignal[];
  /** One plain sentence per signal, with the numbers behind it. */
  reasons: string[];
}

export interface LadderTier {
  tier: number;
  products: ItemRef[];
  /** Customers whose highest tier bought in the category is this one. */
  customers: number;
  /** Of them, candidates for the next tier. */
  candidates: number;
}

export interface LadderReport {
  category: string;
  tiers: LadderTier[];
  candidateCount: number;
  /** Most signals first, then by customer id; at most `maxCandidates`. */
  candidates: LadderCandidate[];
  explanation: string;
}

export interface LaddersResult {
  parameters: Required<Omit<LadderParams, 'asOf'>> & { asOf: string | null };
  ladders: LadderReport[];
  explanation: string;
}

export const LADDER_DEFAULTS = {
  recentDays: 90,
  usageGrowth: 0.2,
  milestoneDays: 90,
  usageLimitShare: 0.75,
  minSignals: 1,
  maxCandidates: 500,
} as const satisfies LadderParams;

interface SignalEvent {
  day: number;
  type: string;
  category: string | null;
  value: number | null;
  limitValue: number | null;
}

/** Usage and milestone events of the last two windows, grouped by customer. */
function signalEvents(db: Database, from: number, to: number): Map<string, SignalEvent[]> {
  const byCustomer = new Map<string, SignalEvent[]>();
  each(
    db,
    `SELECT e.customer_id, e.occurred_at, e.type, p.category, e.value, e.limit_value
     FROM events e LEFT JOIN products p ON p.product_id = e.product_id
     WHERE e.type IN ('usage', 'milestone') AND e.occurred_at >= ? AND e.occurred_at < ? AND e.customer_id IS NOT NULL
     ORDER BY e.customer_id, e.occurred_at`,
    ([customerId, occurredAt, type, category, value, limit]) => {
      const day = dayOrNull(occurredAt as string);
      if (day === null) return;
      let list = byCustomer.get(customerId as string);
      if (!list) byCustomer.set(customerId as string, (list = []));
      list.push({
        day,
        type: type as string,
        category: category as string | null,
        value: value as number | null,
        limitValue: limit as number | null,
      });
    },
    [stampOf(from), stampOf(to)],
  );
  return byCustomer;
}

const average = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const round1 = (n: number) => Math.round(n * 10) / 10;

interface Computed {
  parameters: LaddersResult['parameters'];
  ladders: (Omit<LadderReport, 'candidates'> & { all: LadderCandidate[] })[];
}

function compute(db: Database, params: LadderParams, history: PurchaseHistory): Computed {
  const settings = { ...LADDER_DEFAULTS, ...params };
  const { recentDays, usageGrowth, milestoneDays, usageLimitShare, minSignals } = settings;
  const asOf = resolveAsOf(db, params.asOf);
  const parameters = { ...settings, asOf };
  if (asOf === null) {
    requireDates(
      history,
      'who is ready for the next tier cannot be found: the signs of it (more orders, more use, milestones) are counted over the recent weeks before a date',
    );
    return { parameters, ladders: [] };
  }
  const now = dayOf(asOf);
  const recentFrom = now - recentDays;
  const earlierFrom = now - 2 * recentDays;

  const ladderTiers = new Map<string, Map<number, ItemRef[]>>();
  for (const p of history.products) {
    if (p.category === null || p.tier === null) continue;
    let tiers = ladderTiers.get(p.category);
    if (!tiers) ladderTiers.set(p.category, (tiers = new Map()));
    tiers.set(p.tier, [...(tiers.get(p.tier) ?? []), { id: p.id, label: p.name ?? p.id }]);
  }
  const categories = [...ladderTiers.entries()]
    .filter(([, tiers]) => tiers.size >= 2)
    .sort(([a], [b]) => a.localeCompare(b));
  const events = signalEvents(db, Math.min(earlierFrom, now - milestoneDays), now);

  const ladders = categories.map(([category, tierMap]) => {
    const tierList = [...tierMap.keys()].sort((a, b) => a - b);
    const tiers: LadderTier[] = tierList.map((tier) => ({
      tier,
      products: tierMap.get(tier)!,
      customers: 0,
      candidates: 0,
    }));
    const all: LadderCandidate[] = [];
    for (const customer of history.customers) {
      const orders = ordersBefore(customer, now);
      let current: number | null = null;
      for (const order of orders) {
        for (const { product } of order.purchases) {
          const p = history.products[product];
          if (p.category === category && p.tier !== null && (current === null || p.tier > current)) current = p.tier;
        }
      }
      if (current === null) continue;
      const tier = tiers.find((t) => t.tier === current)!;
      tier.customers++;
      const nextTier = tierList.find((t) => t > current!);
      if (nextTier === undefined) continue;

      const signals: AdvancementSignal[] = [];
      const reasons: string[] = [];
      const own = (events.get(customer.customerId) ?? []).filter((e) => e.category === null || e.category === category);
      const usage = own.filter((e) => e.type === 'usage' && e.value !== null && e.day >= earlierFrom);
      const recentUsage = usage.filter((e) => e.day >= recentFrom).map((e) => e.value!);
      const earlierUsage = usage.filter((e) => e.day < recentFrom).map((e) => e.value!);
      if (recentUsage.length && earlierUsage.length) {
        const [recent, earlier] = [average(recentUsage), average(earlierUsage)];
        if (recent > 0 && recent >= earlier * (1 + usageGrowth)) {
          signals.push('usage-growth');
          reasons.push(
            `Usage averaged ${round1(recent)} over the last ${recentDays} days, up from ${round1(earlier)} the ${recentDays} days before.`,
          );
        }
      }
      const recentOrders = orders.filter((o) => o.day >= recentFrom).length;
      const earlierOrders = orders.filter((o) => o.day >= earlierFrom && o.day < recentFrom).length;
      if (recentOrders >= 2 && recentOrders > earlierOrders) {
        signals.push('orders-rising');
        reasons.push(
          `${recentOrders} orders in the last ${recentDays} days, against ${earlierOrders} in the ${recentDays} days before.`,
        );
      }
      const milestones = own.filter((e) => e.type === 'milestone' && e.day >= now - milestoneDays);
      if (milestones.length) {
        signals.push('milestone');
        reasons.push(
          `${milestones.length === 1 ? 'A milestone' : `${milestones.length} milestones`} in the last ${milestoneDays} days.`,
        );
      }
      const latest = usage.at(-1);
      if (
        latest &&
        latest.limitValue !== null &&
        latest.limitValue > 0 &&
        latest.value! >= usageLimitShare * latest.limitValue
      ) {
        signals.push('usage-near-limit');
        reasons.push(
          `Latest usage ${round1(latest.value!)} is ${Math.round((latest.value! / latest.limitValue) * 100)} % of the limit of ${latest.limitValue}.`,
        );
      }
      if (signals.length >= minSignals && signals.length > 0) {
        tier.candidates++;
        all.push({ customerId: customer.customerId, currentTier: current, nextTier, signals, reasons });
      }
    }
    all.sort((a, b) => b.signals.length - a.signals.length || (a.customerId < b.customerId ? -1 : 1));
    const customers = tiers.reduce((sum, t) => sum + t.customers, 0);
    return {
      category,
      tiers,
      candidateCount: all.length,
      all,
      explanation: `${customers} customers have bought in ${category}, across ${tiers.length} tiers. ${all.length} of those below the top tier show at least ${minSignals} sign${minSignals === 1 ? '' : 's'} of advancing (more use, more orders, milestones, or products near the end of their life); such signs go with moving up, they do not guarantee it.`,
    };
  });
  return { parameters, ladders };
}

export function analyseLadders(db: Database, params: LadderParams = {}, history = loadPurchases(db)): LaddersResult {
  const { parameters, ladders } = compute(db, params, history);
  return {
    parameters,
    ladders: ladders.map(({ all, ...ladder }) => ({ ...ladder, candidates: all.slice(0, parameters.maxCandidates) })),
    explanation:
      'Categories whose products are ranked by tier: how many customers are at each tier (the highest they bought there), and which of them show signs of being ready for the next one.',
  };
}

/** Every candidate of one ladder, a page at a time. */
export function ladderCandidates(
  db: Database,
  category: string,
  params: LadderParams = {},
  request: PageRequest = {},
  history = loadPurchases(db),
): Page<LadderCandidate> {
  return page(compute(db, params, history).ladders.find((l) => l.category === category)?.all ?? [], request);
}
