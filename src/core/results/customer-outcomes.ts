import { dayOrNull } from '../analysis/as-of';
import type { PurchaseHistory } from '../analysis/purchases';
import { queryAll, type Database } from '../store/sqlite';
import type { PilotSend } from './pilot-sends';

/**
 * What each pilot customer did from the pilot's first day to the end of the follow-up. Both groups
 * are followed over the same days: a control customer has no send time, and any time worked out
 * for them from the orders (when they entered the moment) would move with the very orders being
 * measured. Purchases a treated customer made before their send count too, for both groups alike,
 * which dilutes a difference but cannot make one.
 */

export interface CustomerOutcome {
  customerId: string;
  group: PilotSend['group'];
  /** Bought one of the products the file recommended to them. */
  accepted: boolean;
  /** Days from the pilot's first day to the first order with a category new to them; null without one. */
  daysToNewCategory: number | null;
  /** Values of the follow-up's orders that added a category new to them. */
  crossSellOrderValues: number[];
  suggestedBought: number;
  suggestedReturned: number;
  unsubscribed: boolean;
}

/** Product ids a file's product cell names: the file lists names (or ids where a product has none). */
function productResolver(history: PurchaseHistory): (label: string) => number[] {
  const byLabel = new Map<string, number[]>();
  history.products.forEach((p, index) => {
    for (const label of new Set([p.id, p.name ?? p.id].map((l) => l.trim().toLowerCase()))) {
      const list = byLabel.get(label);
      if (list) list.push(index);
      else byLabel.set(label, [index]);
    }
  });
  return (label) => byLabel.get(label.trim().toLowerCase()) ?? [];
}

/** Days each customer unsubscribed on: from the events, and from the send log the sends were read from. */
function unsubscribeDays(db: Database, sends: readonly PilotSend[]): Map<string, number[]> {
  const days = new Map<string, number[]>();
  const add = (customerId: string, at: string) => {
    const day = dayOrNull(at);
    if (day === null) return;
    const list = days.get(customerId);
    if (list) list.push(day);
    else days.set(customerId, [day]);
  };
  for (const row of queryAll<{ customer_id: string; occurred_at: string }>(
    db,
    "SELECT customer_id, occurred_at FROM events WHERE lower(type) = 'unsubscribe' AND customer_id IS NOT NULL AND occurred_at IS NOT NULL",
  ))
    add(row.customer_id, row.occurred_at);
  for (const send of sends) if (send.unsubscribedAt !== null) add(send.customerId, send.unsubscribedAt);
  return days;
}

/** Outcomes over the days from `start` to `end` (day numbers), one per customer in the sends. */
export function customerOutcomes(
  db: Database,
  sends: readonly PilotSend[],
  history: PurchaseHistory,
  start: number,
  end: number,
): CustomerOutcome[] {
  const byCustomer = new Map<string, { group: PilotSend['group']; products: Set<number> }>();
  const resolve = productResolver(history);
  for (const send of sends) {
    let entry = byCustomer.get(send.customerId);
    if (!entry) byCustomer.set(send.customerId, (entry = { group: send.group, products: new Set() }));
    for (const label of send.products) for (const p of resolve(label)) entry.products.add(p);
  }

  const historyOf = new Map(history.customers.map((c) => [c.customerId, c]));
  const unsubscribes = unsubscribeDays(db, sends);
  const outcomes: CustomerOutcome[] = [];
  for (const [customerId, info] of byCustomer) {
    const orders = historyOf.get(customerId)?.orders ?? [];
    const categories = new Set<string>();
    const outcome: CustomerOutcome = {
      customerId,
      group: info.group,
      accepted: false,
      daysToNewCategory: null,
      crossSellOrderValues: [],
      suggestedBought: 0,
      suggestedReturned: 0,
      unsubscribed: (unsubscribes.get(customerId) ?? []).some((d) => d >= start && d < end),
    };
    for (const order of orders) {
      if (order.day >= end) break;
      const orderCategories = order.purchases
        .map((p) => history.products[p.product].category)
        .filter((c): c is string => c !== null);
      if (order.day < start) {
        for (const c of orderCategories) categories.add(c);
        continue;
      }
      if (orderCategories.some((c) => !categories.has(c))) {
        outcome.daysToNewCategory ??= order.day - start;
        outcome.crossSellOrderValues.push(order.amount);
      }
      for (const c of orderCategories) categories.add(c);
      for (const p of order.purchases) {
        if (!info.products.has(p.product)) continue;
        outcome.accepted = true;
        outcome.suggestedBought++;
        if (p.returned) outcome.suggestedReturned++;
      }
    }
    outcomes.push(outcome);
  }
  return outcomes;
}
