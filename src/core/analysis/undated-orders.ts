import { queryValue, type Database } from '../store/sqlite';

/**
 * Orders without dates that carry their place in the customer's history (a grocery app's export
 * numbers each customer's orders 1, 2, 3 … and may give the days since the previous one). Their
 * day counts from the customer's first order: the days since each prior order added up when
 * every later order gives them, else one per order; a thousandth of a day per place keeps orders
 * of the same day in their sequence.
 */

export interface SequencedOrder {
  orderId: string;
  sequence: number;
  /** Days since the customer's previous order, or null. */
  gap: number | null;
}

const PLACE = 0.001;

/** Each customer's orders in sequence with their day, and whether those are days apart or only places. */
export function placeInTime(byCustomer: ReadonlyMap<string, SequencedOrder[]>): {
  days: Map<string, { orderId: string; day: number }[]>;
  inDays: boolean;
} {
  const sorted = [...byCustomer.entries()].map(
    ([customerId, orders]) => [customerId, [...orders].sort((a, b) => a.sequence - b.sequence)] as const,
  );
  const inDays =
    sorted.length > 0 && sorted.every(([, orders]) => orders.every((order, i) => i === 0 || order.gap !== null));
  const days = new Map<string, { orderId: string; day: number }[]>();
  for (const [customerId, orders] of sorted) {
    let day = 0;
    days.set(
      customerId,
      orders.map((order, i) => {
        if (i > 0) day += inDays ? order.gap! : 1;
        return { orderId: order.orderId, day: day + i * PLACE };
      }),
    );
  }
  return { days, inDays };
}

/** The workspace's orders by what they tell of time: with a date, and without one but in a customer's sequence. */
export function orderTimeline(db: Database): { dated: number; sequenced: number } {
  return {
    dated: Number(queryValue(db, 'SELECT count(*) FROM orders WHERE ordered_at IS NOT NULL')),
    sequenced: Number(queryValue(db, 'SELECT count(*) FROM orders WHERE ordered_at IS NULL AND sequence IS NOT NULL')),
  };
}

/** What the workspace overview says about orders without a date. */
export function undatedOrdersNote(undated: number, orders: number): string {
  const which =
    undated === orders
      ? `None of the ${orders.toLocaleString('en')} orders has a date.`
      : `${undated.toLocaleString('en')} of the ${orders.toLocaleString('en')} orders have no date.`;
  return `${which} Analyses that need dates (customer moments, recency, ladders) leave them out; where each customer’s orders are numbered, the analyses that follow the order of purchases (sequences, time to a second order, segments by how often customers buy) use that order.`;
}
