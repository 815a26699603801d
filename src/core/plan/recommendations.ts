import { dayOf } from '../analysis/as-of';
import { mineCombinations } from '../analysis/combinations/mine';
import { CombinationsUnavailable, type AssociationRule, type ItemLevel } from '../analysis/combinations/types';
import { analyseFamilies } from '../analysis/families';
import { loadPurchases, ordersBefore, ORDER_STANDS, LINE_KEPT, type PurchaseHistory } from '../analysis/purchases';
import { analyseSequences, type ItemRef, type SequenceRow } from '../analysis/sequences';
import { percent, spread } from '../analysis/stats';
import { queryAll, type Database } from '../store/sqlite';
import type { PlanDocument, Recommendation, RecommendationEvidence } from './plan-document';
import { planAsOf } from './moment-catalogue';
import { mergeDirections, pairNote, proposalKey, sequenceNote } from './pair-proposals';
import { variantGroups } from './product-variants';
import { groupVariantProposals } from './proposal-variants';
import { clipText } from '../util/clip-text';
import { itemRef } from './item-ref';

/**
 * Recommendation proposals for a plan's strategy: pairs bought together or in sequence
 * (completion), the next tier up in a category (evolution), the members owners of part of a
 * family add next (ecosystem). Each comes with its evidence and flags; none is approved until a
 * person approves it, and only approved items reach a message.
 */

/** Evidence resting on fewer baskets or customers than this is flagged as low. */
export const MIN_EVIDENCE_COUNT = 30;
/** Pairs must appear in this share of baskets to be mined (at least one basket). */
const PAIR_MIN_SUPPORT = 0.002;
/** A pair is proposed when, read its stronger way round, this share of the anchor's orders hold it. */
const PAIR_MIN_CONFIDENCE = 0.05;
/** Sequences and family steps seen in fewer customers are not proposed. */
const MIN_CUSTOMERS = 5;
export const DEFAULT_PROPOSALS = 20;
/** A product sold in last year's window under half its usual rate counts as out of season. */
const SEASON_WINDOW_DAYS = 30;
const SEASON_MIN_PURCHASES = 24;

export interface ProposalOptions {
  /** The shared purchase history, when the caller has loaded it already. */
  history?: PurchaseHistory;
  /** Flags items this customer already owns. */
  customerId?: string | null;
  /** At most this many proposals. Default 20. */
  limit?: number;
  /** Product pairs mined already with `minePairs`, to mine them once. */
  pairRules?: AssociationRule[];
}

type Draft = Omit<Recommendation, 'id' | 'decision' | 'pinned' | 'flags'> & {
  flags: Set<Recommendation['flags'][number]>;
};

function evidence(fields: Partial<RecommendationEvidence> & { count: number; note: string }): RecommendationEvidence {
  return {
    support: null,
    confidence: null,
    lift: null,
    share: null,
    medianDays: null,
    ...fields,
    note: clipText(fields.note, 500),
  };
}

export function proposeRecommendations(
  db: Database,
  plan: PlanDocument,
  options: ProposalOptions = {},
): Recommendation[] {
  const strategy = plan.strategy.id;
  if (strategy === null) return [];
  const history = options.history ?? loadPurchases(db);
  const asOf = planAsOf(db, plan) ?? undefined;
  const drafts =
    strategy === 'completion'
      ? completionDrafts(db, history, asOf, options.pairRules)
      : strategy === 'evolution'
        ? evolutionDrafts(history, asOf)
        : ecosystemDrafts(db, history, asOf);
  const label = productLabels(history);
  const distinct = groupVariantProposals(drafts, variantGroups(history.products), (id) => itemRef(id, label(id)));
  const limited = distinct.slice(0, options.limit ?? DEFAULT_PROPOSALS);
  flagDrafts(db, history, limited, asOf, options.customerId ?? null);
  return limited.map(({ flags, ...d }) => ({
    ...d,
    id: clipText(`${d.source}:${d.anchor?.id ?? ''}>${d.recommended.id}`, 100),
    decision: 'proposed',
    pinned: false,
    flags: [...flags].sort(),
  }));
}

/** The plan's items plus the proposals it does not hold yet (either way round): reviewed items keep their decisions. */
export function withProposals(plan: PlanDocument, proposals: readonly Recommendation[]): Recommendation[] {
  const held = new Set(plan.recommendations.items.map(proposalKey));
  return [...plan.recommendations.items, ...proposals.filter((p) => !held.has(proposalKey(p)))];
}

function productLabels(history: PurchaseHistory): (id: string) => string {
  const names = new Map(history.products.map((p) => [p.id, p.name ?? p.id]));
  return (id) => names.get(id) ?? id;
}

/** Pairs of products (or categories) bought together in one order, as association rules. */
export function minePairs(db: Database, level: ItemLevel = 'product'): AssociationRule[] {
  try {
    return mineCombinations(db, {
      level,
      basket: { kind: 'order' },
      minSupport: PAIR_MIN_SUPPORT,
      // Both directions of a pair, so the weaker one's measures can show next to the stronger one's.
      minConfidence: 0,
      maxLength: 2,
      consequents: 'one',
    }).rules;
  } catch (error) {
    if (error instanceof CombinationsUnavailable) return [];
    throw error;
  }
}

function completionDrafts(
  db: Database,
  history: PurchaseHistory,
  asOf: string | undefined,
  productRules = minePairs(db),
): Draft[] {
  const label = productLabels(history);
  let level: ItemLevel = 'product';
  let rules = productRules;
  if (rules.length === 0) {
    level = 'category';
    rules = minePairs(db, level);
  }
  const sequences = analyseSequences(db, { asOf, level, minCustomers: MIN_CUSTOMERS, limit: 200 }, history).rows;
  const byPath = new Map<string, SequenceRow>(sequences.map((row) => [`${row.from.id}>${row.to.id}`, row]));
  const ref = (id: string): ItemRef => itemRef(id, level === 'product' ? label(id) : `Any product in ${id}`);
  const flags = () => new Set<Recommendation['flags'][number]>(level === 'category' ? ['category-level'] : []);

  const directedPairs = rules
    .filter((r) => r.antecedent.length === 1 && r.consequent.length === 1)
    .map((rule): Draft => ({
      anchor: ref(rule.antecedent[0]),
      recommended: ref(rule.consequent[0]),
      source: 'pair',
      evidence: evidence({
        count: rule.count,
        support: rule.support,
        confidence: rule.confidence,
        lift: rule.lift,
        note: '',
      }),
      flags: flags(),
    }));
  // Mined both ways round; a pair is proposed when its stronger direction is confident enough.
  const pairs = mergeDirections(directedPairs).filter((d) => d.evidence!.confidence! >= PAIR_MIN_CONFIDENCE);
  // A pair also bought in sequence carries how often, and how soon, each way round.
  const later = (from: string, to: string) => {
    const row = byPath.get(`${from}>${to}`);
    return { share: row?.share ?? null, medianDays: row?.days.median ?? null };
  };
  for (const draft of pairs) {
    const e = draft.evidence!;
    const [anchor, recommended] = [draft.anchor!, draft.recommended];
    Object.assign(e, later(anchor.id, recommended.id));
    if (e.reverse) Object.assign(e.reverse, later(recommended.id, anchor.id));
    e.note = pairNote(anchor, recommended, e);
  }

  const followOns = mergeDirections(
    sequences.map((row): Draft => ({
      anchor: ref(row.from.id),
      recommended: ref(row.to.id),
      source: 'sequence',
      evidence: evidence({ count: row.customers, share: row.share, medianDays: row.days.median, note: '' }),
      flags: flags(),
    })),
  );
  for (const draft of followOns) draft.evidence!.note = sequenceNote(draft.anchor!, draft.recommended, draft.evidence!);
  return [...pairs, ...followOns];
}

/** For each product on a ladder, the products of the next tier up in its category (in its family, where the family has one). */
function evolutionDrafts(history: PurchaseHistory, asOf: string | undefined): Draft[] {
  const cutoff = asOf === undefined ? null : dayOf(asOf);
  const tiered = history.products
    .map((p, index) => ({ ...p, index }))
    .filter((p) => p.tier !== null && p.category !== null);
  const steps: { anchor: number; next: number }[] = [];
  for (const anchor of tiered) {
    const higher = tiered.filter((p) => p.category === anchor.category && p.tier! > anchor.tier!);
    if (higher.length === 0) continue;
    const nextTier = Math.min(...higher.map((p) => p.tier!));
    const candidates = higher.filter((p) => p.tier === nextTier);
    const sameFamily = candidates.filter((p) => anchor.family !== null && p.family === anchor.family);
    for (const next of sameFamily.length ? sameFamily : candidates)
      steps.push({ anchor: anchor.index, next: next.index });
  }
  if (steps.length === 0) return [];

  // Per step: buyers of the anchor who ordered again later, and of them who later bought the next tier.
  const tally = steps.map(() => ({ base: 0, days: [] as number[] }));
  for (const customer of history.customers) {
    const orders = ordersBefore(customer, cutoff);
    if (orders.length < 2) continue;
    const first = new Map<number, number>();
    for (const order of orders)
      for (const p of order.purchases) if (!first.has(p.product)) first.set(p.product, order.day);
    const lastOrder = orders[orders.length - 1].day;
    steps.forEach((step, i) => {
      const from = first.get(step.anchor);
      if (from === undefined || lastOrder <= from) return;
      tally[i].base++;
      const later = orders.find((o) => o.day > from && o.purchases.some((p) => p.product === step.next));
      if (later) tally[i].days.push(later.day - from);
    });
  }
  const ref = (index: number): ItemRef => itemRef(history.products[index].id, history.products[index].name);
  return steps
    .map((step, i): Draft => {
      const { base, days } = tally[i];
      const anchor = ref(step.anchor);
      const recommended = ref(step.next);
      const median = spread(days).median;
      const share = base ? Math.round((days.length / base) * 10_000) / 10_000 : null;
      return {
        anchor,
        recommended,
        source: 'ladder',
        evidence: evidence({
          count: days.length,
          share,
          medianDays: median,
          note: base
            ? `${recommended.label} is the next tier up from ${anchor.label}. Of the ${base} customers who bought ${anchor.label} and came back, ${days.length} (${percent(share!)}) later stepped up to it${median === null ? '' : `, typically after ${median} days`}.`
            : `${recommended.label} is the next tier up from ${anchor.label}; no buyer of it has come back yet to show how often they step up.`,
        }),
        flags: new Set(),
      };
    })
    .sort((a, b) => b.evidence!.count - a.evidence!.count || a.recommended.id.localeCompare(b.recommended.id));
}

/** For each set of family members owners hold now, the members owners of that set added next. */
function ecosystemDrafts(db: Database, history: PurchaseHistory, asOf: string | undefined): Draft[] {
  const families = analyseFamilies(db, { asOf, minCustomers: MIN_CUSTOMERS, maxSets: 50 }, history).families;
  const drafts: (Draft & { audience: number })[] = [];
  for (const family of families) {
    for (const set of family.sets) {
      if (set.customersNow === 0) continue;
      const anchor = itemRef(
        clipText(set.members.map((m) => m.id).join('+'), 200),
        set.members.map((m) => m.label).join(' + '),
      );
      for (const next of set.next) {
        drafts.push({
          anchor,
          recommended: itemRef(next.member.id, next.member.label),
          source: 'family',
          audience: set.customersNow,
          evidence: evidence({
            count: next.customers,
            share: next.share,
            note: `${set.customersNow} customers own exactly ${anchor.label} from the ${family.family} family. Of the ${set.customersEver} who ever owned that set, ${next.customers} (${percent(next.share)}) added ${next.member.label} next.`,
          }),
          flags: new Set(),
        });
      }
    }
  }
  return drafts
    .sort((a, b) => b.audience - a.audience || b.evidence!.count - a.evidence!.count)
    .map(({ audience: _audience, ...draft }) => draft);
}

function flagDrafts(
  db: Database,
  history: PurchaseHistory,
  drafts: Draft[],
  asOf: string | undefined,
  customerId: string | null,
): void {
  const outOfStock = new Set(
    queryAll<{ product_id: string }>(db, 'SELECT product_id FROM products WHERE in_stock = 0').map((r) => r.product_id),
  );
  const owned = customerId === null ? new Set<string>() : ownedItems(db, customerId);
  const offSeason = asOf === undefined ? new Set<string>() : outOfSeason(history, dayOf(asOf));
  const warnings = (id: string, e: RecommendationEvidence | null) => {
    const found: Recommendation['flags'] = [];
    if (!e || e.count < MIN_EVIDENCE_COUNT || (e.lift !== null && e.lift <= 1)) found.push('low-evidence');
    if (outOfStock.has(id)) found.push('out-of-stock');
    if (owned.has(id)) found.push('owned');
    if (offSeason.has(id)) found.push('out-of-season');
    return found;
  };
  for (const draft of drafts) {
    for (const flag of warnings(draft.recommended.id, draft.evidence)) draft.flags.add(flag);
    const reverse = draft.evidence?.reverse;
    if (reverse && draft.anchor) {
      const level = draft.flags.has('category-level') ? (['category-level'] as const) : [];
      reverse.flags = [...warnings(draft.anchor.id, { ...draft.evidence!, ...reverse }), ...level].sort();
    }
  }
}

/** Products (and their categories) the customer has bought and kept an order of. */
function ownedItems(db: Database, customerId: string): Set<string> {
  const rows = queryAll<{ product_id: string; category: string | null }>(
    db,
    `SELECT DISTINCT l.product_id, p.category FROM orders o JOIN order_lines l ON l.order_id = o.order_id LEFT JOIN products p ON p.product_id = l.product_id
     WHERE o.customer_id = ? AND l.product_id IS NOT NULL AND ${ORDER_STANDS} AND ${LINE_KEPT}`,
    [customerId],
  );
  return new Set(rows.flatMap((r) => (r.category === null ? [r.product_id] : [r.product_id, r.category])));
}

/** The proposals flagged 'owned' where the customer bought the recommended item already: the preview customer's view of them. */
export function flagOwnedBy(
  db: Database,
  proposals: readonly Recommendation[],
  customerId: string | null,
): Recommendation[] {
  if (customerId === null) return [...proposals];
  const owned = ownedItems(db, customerId);
  return proposals.map((p) =>
    owned.has(p.recommended.id) && !p.flags.includes('owned')
      ? { ...p, flags: [...p.flags, 'owned' as const].sort() }
      : p,
  );
}

/** The items of `items` the customer does not own yet (a category counts as owned once they bought in it, for category-level items). */
export function excludeOwned(db: Database, customerId: string, items: readonly Recommendation[]): Recommendation[] {
  const owned = ownedItems(db, customerId);
  return items.filter((item) => !owned.has(item.recommended.id));
}

/**
 * Products, and categories, that sold in the 30 days from the same date a year earlier at under
 * half their average rate over that year: what customers do not buy at this time of year.
 */
function outOfSeason(history: PurchaseHistory, start: number): Set<string> {
  const yearFrom = start - 365;
  const windowTo = yearFrom + SEASON_WINDOW_DAYS;
  const counts = new Map<string, { year: number; window: number }>();
  const add = (key: string, inWindow: boolean) => {
    let c = counts.get(key);
    if (!c) counts.set(key, (c = { year: 0, window: 0 }));
    c.year++;
    if (inWindow) c.window++;
  };
  let earliest = Infinity;
  for (const customer of history.customers) {
    earliest = Math.min(earliest, customer.orders[0].day);
    for (const order of customer.orders) {
      if (order.day < yearFrom || order.day >= start) continue;
      const inWindow = order.day < windowTo;
      for (const p of order.purchases) {
        const product = history.products[p.product];
        add(product.id, inWindow);
        if (product.category !== null) add(product.category, inWindow);
      }
    }
  }
  // Without a whole year of history there is no season to compare with.
  if (earliest > yearFrom) return new Set();
  const result = new Set<string>();
  for (const [key, c] of counts)
    if (c.year >= SEASON_MIN_PURCHASES && c.window < (0.5 * c.year * SEASON_WINDOW_DAYS) / 365) result.add(key);
  return result;
}

export interface ReviewState {
  total: number;
  proposed: number;
  approved: number;
  rejected: number;
  pinned: number;
  /** Items still waiting for a decision. */
  unreviewedIds: string[];
  /** Approved items that carry a flag, for a second look. */
  flaggedApprovedIds: string[];
  /** True once every item is decided and at least one is approved. */
  complete: boolean;
  message: string;
}

export function reviewState(plan: PlanDocument): ReviewState {
  const items = plan.recommendations.items;
  const count = (decision: Recommendation['decision']) => items.filter((i) => i.decision === decision).length;
  const unreviewedIds = items.filter((i) => i.decision === 'proposed').map((i) => i.id);
  const approved = count('approved');
  const flaggedApprovedIds = items.filter((i) => i.decision === 'approved' && i.flags.length > 0).map((i) => i.id);
  const complete = unreviewedIds.length === 0 && approved > 0;
  const message =
    items.length === 0
      ? 'No recommendations yet: propose some from the data or add them by hand.'
      : unreviewedIds.length > 0
        ? `${unreviewedIds.length} of ${items.length} recommendations still wait for review; only approved ones reach a message.`
        : approved === 0
          ? 'Every recommendation was rejected: approve at least one for the messages to show.'
          : `All ${items.length} recommendations are reviewed; ${approved} approved will appear in the messages.`;
  return {
    total: items.length,
    proposed: unreviewedIds.length,
    approved,
    rejected: count('rejected'),
    pinned: items.filter((i) => i.pinned).length,
    unreviewedIds,
    flaggedApprovedIds,
    complete,
    message,
  };
}

/** The items messages may use: approved ones, pinned first, otherwise in the plan's order. */
export function approvedRecommendations(plan: PlanDocument): Recommendation[] {
  const approved = plan.recommendations.items.filter((i) => i.decision === 'approved');
  return [...approved.filter((i) => i.pinned), ...approved.filter((i) => !i.pinned)];
}
