import { ordersBefore, type CustomerHistory, type PurchaseHistory } from '../analysis/purchases';
import type { PlanDocument, Recommendation } from './plan-document';
import type { VariantGroups } from './product-variants';
import { approvedRecommendations } from './recommendations';
import type { AudienceEntry } from './audience-entries';

/**
 * Who gets which recommendation. A recommendation "A → B" reaches a customer in the moment when
 * what they bought holds A (their triggering order for completion plans, everything they bought
 * before for upgrade and ecosystem plans) and they own neither B nor a variant of it. Of the
 * recommendations that match, the plan's rule picks the one their message is about; the others
 * that match fill the rest of the product cards. Customers nothing matches get the plan's fallback
 * product when it has one and they do not own it, and are left out otherwise.
 */

export type MatchRule = PlanDocument['recommendations']['matchRule'];

/** What the customer bought that their recommendation starts from. */
export interface BoughtAnchor {
  /** The products of theirs that make up the anchor (several for a family set). */
  productIds: string[];
  /** Their names as the message shows them: the customer's own purchase, not the proposal's label. */
  label: string;
  orderId: string;
  /** Day number of that order. */
  day: number;
}

export interface Assignment {
  customerId: string;
  /** The recommendations the customer's messages show, theirs first; none of them owned already. */
  items: Recommendation[];
  /** What their first item starts from; null when they get the fallback. */
  anchor: BoughtAnchor | null;
  /** How many approved recommendations matched them (0 for the fallback). */
  matched: number;
}

export interface Recipients {
  /** The day each recipient entered the moment, by customer. */
  enteredAt: ReadonlyMap<string, number>;
  /** The moment's entries of the customers who get a recommendation. */
  entries: AudienceEntry[];
  assignments: ReadonlyMap<string, Assignment>;
  /** Distinct customers entering the moment. */
  inMoment: number;
  /** Customers who get the fallback product. */
  fallback: number;
  /** Customers in the moment who get nothing: no recommendation matches them (and no fallback does). */
  leftOut: number;
}

/** Strategies whose anchor is in the order that brought the customer into the moment, not anywhere in their history. */
const ANCHOR_IN_TRIGGERING_ORDER: ReadonlySet<PlanDocument['strategy']['id']> = new Set(['completion']);

const strength = (item: Recommendation) => item.evidence?.confidence ?? item.evidence?.share ?? 0;

/** The approved items in the order the plan's rule ranks them. */
export function rankedRecommendations(plan: PlanDocument): Recommendation[] {
  const approved = approvedRecommendations(plan);
  if (plan.recommendations.matchRule === 'list-order') return approved;
  return approved
    .map((item, place) => ({ item, place }))
    .sort(
      (a, b) =>
        strength(b.item) - strength(a.item) ||
        (b.item.evidence?.count ?? 0) - (a.item.evidence?.count ?? 0) ||
        a.place - b.place,
    )
    .map(({ item }) => item);
}

/** The fallback product as a recommendation without an anchor. */
export function fallbackRecommendation(plan: PlanDocument): Recommendation | null {
  const product = plan.recommendations.fallback;
  if (product === null) return null;
  return {
    id: `fallback:${product.id}`.slice(0, 100),
    anchor: null,
    recommended: product,
    source: 'manual',
    evidence: null,
    decision: 'approved',
    pinned: false,
    flags: [],
  };
}

/** Keys an item can be matched by: a product's variant group, or a category. */
const productKey = (group: string) => `product:${group}`;
const categoryKey = (category: string) => `category:${category}`;

/** What the orders hold, by anchor key, with the product (the latest bought) that holds it. */
function holdings(
  history: PurchaseHistory,
  variants: VariantGroups,
  orders: CustomerHistory['orders'],
): Map<string, number> {
  const held = new Map<string, number>();
  for (const order of orders)
    for (const purchase of order.purchases) {
      const product = history.products[purchase.product];
      held.set(productKey(variants.groupOf(product.id)), purchase.product);
      if (product.category !== null) held.set(categoryKey(product.category), purchase.product);
    }
  return held;
}

/** How an item's anchor or recommended id is matched: a known product by its variant group, anything else as a category. */
function itemKey(history: PurchaseHistory, variants: VariantGroups, id: string): string {
  return history.productIndex.has(id) ? productKey(variants.groupOf(id)) : categoryKey(id);
}

export function assignRecipients(
  history: PurchaseHistory,
  variants: VariantGroups,
  plan: PlanDocument,
  entries: readonly AudienceEntry[],
): Recipients {
  const ranked = rankedRecommendations(plan).map((item) => ({
    item,
    anchorKeys: item.anchor === null ? null : item.anchor.id.split('+').map((id) => itemKey(history, variants, id)),
    recommendedKey: itemKey(history, variants, item.recommended.id),
  }));
  const fallback = fallbackRecommendation(plan);
  const fallbackKey = fallback === null ? null : itemKey(history, variants, fallback.recommended.id);
  const inTriggeringOrder = ANCHOR_IN_TRIGGERING_ORDER.has(plan.strategy.id);
  const byCustomer = new Map(history.customers.map((c) => [c.customerId, c]));
  const productName = (index: number) => history.products[index].name ?? history.products[index].id;

  const assignments = new Map<string, Assignment>();
  const seen = new Set<string>();
  let fallbackCount = 0;
  for (const entry of entries) {
    if (seen.has(entry.customerId)) continue;
    seen.add(entry.customerId);
    const customer = byCustomer.get(entry.customerId);
    // What they own counts up to their send day; what brought them into the moment, up to the day it was seen.
    const known = customer ? ordersBefore(customer, entry.at) : [];
    const owned = holdings(history, variants, known);
    const before = customer ? ordersBefore(customer, entry.observedAt) : [];
    const trigger = before.at(-1);
    const anchorSource = inTriggeringOrder ? holdings(history, variants, trigger ? [trigger] : []) : owned;

    const items: Recommendation[] = [];
    const shown = new Set<string>();
    let anchor: BoughtAnchor | null = null;
    for (const { item, anchorKeys, recommendedKey } of ranked) {
      if (anchorKeys === null || owned.has(recommendedKey) || shown.has(recommendedKey)) continue;
      if (!anchorKeys.every((key) => anchorSource.has(key))) continue;
      shown.add(recommendedKey);
      items.push(item);
      if (anchor === null) {
        const bought = [...new Set(anchorKeys.map((key) => anchorSource.get(key)!))];
        const holder = inTriggeringOrder ? trigger : latestOrderWith(known, bought);
        anchor = {
          productIds: bought.map((index) => history.products[index].id),
          label: bought.map(productName).join(' and '),
          orderId: holder?.orderId ?? '',
          day: holder?.day ?? entry.observedAt,
        };
      }
    }
    if (items.length > 0) {
      assignments.set(entry.customerId, { customerId: entry.customerId, items, anchor, matched: items.length });
    } else if (fallback !== null && fallbackKey !== null && !owned.has(fallbackKey)) {
      assignments.set(entry.customerId, { customerId: entry.customerId, items: [fallback], anchor: null, matched: 0 });
      fallbackCount++;
    }
  }
  const kept = entries.filter((e) => assignments.has(e.customerId));
  const enteredAt = new Map<string, number>();
  for (const e of kept) if (!enteredAt.has(e.customerId)) enteredAt.set(e.customerId, e.at);
  return {
    enteredAt,
    entries: kept,
    assignments,
    inMoment: seen.size,
    fallback: fallbackCount,
    leftOut: seen.size - assignments.size,
  };
}

/** The latest of the orders holding one of the products. */
function latestOrderWith(orders: CustomerHistory['orders'], products: readonly number[]) {
  for (let i = orders.length - 1; i >= 0; i--)
    if (orders[i].purchases.some((p) => products.includes(p.product))) return orders[i];
  return undefined;
}
