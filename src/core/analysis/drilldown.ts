import { queryAll, type Database } from '../store/sqlite';
import { customersBehindRule } from './combinations/customers-behind';
import type { BasketOptions } from './combinations/types';
import { familySetCustomers } from './families';
import { ladderCandidates, type LadderParams } from './ladders';
import { momentCustomers, type MomentId, type MomentParams } from './moments';
import type { PurchaseHistory } from './purchases';
import { segmentCustomers, type SegmentFilter, type SegmentParams } from './segments';
import { sequenceCustomers, type SequenceLevel } from './sequences';

/**
 * The customers and orders behind one row of an analysis, a page at a time, in one table shape
 * the screens can show for every analysis.
 */

export type DrilldownRequest =
  | { analysis: 'combinations'; options: BasketOptions; antecedent: string[]; consequent: string[] }
  | { analysis: 'sequences'; level: SequenceLevel; from: string; to: string; asOf?: string }
  | { analysis: 'families'; family: string; members: string[]; asOf?: string }
  | { analysis: 'ladders'; category: string; params: LadderParams }
  | { analysis: 'segments'; filter: SegmentFilter; params: SegmentParams }
  | { analysis: 'moments'; moment: MomentId; params: MomentParams };

export interface DrilldownRow {
  /** null for a basket of an imported basket file, which names no customer. */
  customerId: string | null;
  cells: (string | number | null)[];
}

export interface DrilldownPage {
  total: number;
  offset: number;
  columns: string[];
  rows: DrilldownRow[];
}

export interface PageWindow {
  offset: number;
  limit: number;
}

export function drilldown(
  db: Database,
  request: DrilldownRequest,
  window: PageWindow,
  history: () => PurchaseHistory,
): DrilldownPage {
  switch (request.analysis) {
    case 'combinations': {
      const found = customersBehindRule(db, request.options, request, window);
      return {
        total: found.baskets,
        offset: window.offset,
        columns: ['Customer', 'Orders'],
        rows: found.rows.map((origin) => ({
          customerId: origin.customerId,
          cells: [origin.customerId ?? `Basket ${origin.importedBasketId ?? ''}`.trim(), origin.orderIds.join(', ')],
        })),
      };
    }
    case 'sequences': {
      const found = sequenceCustomers(db, request, window, history());
      return {
        total: found.total,
        offset: found.offset,
        columns: ['Customer', 'Days between'],
        rows: found.items.map((c) => ({ customerId: c.customerId, cells: [c.customerId, c.days] })),
      };
    }
    case 'families': {
      const found = familySetCustomers(db, request, window, history());
      return {
        total: found.total,
        offset: found.offset,
        columns: ['Customer'],
        rows: found.items.map((id) => ({ customerId: id, cells: [id] })),
      };
    }
    case 'ladders': {
      const found = ladderCandidates(db, request.category, request.params, window, history());
      return {
        total: found.total,
        offset: found.offset,
        columns: ['Customer', 'Tier now', 'Next tier', 'Signals'],
        rows: found.items.map((c) => ({
          customerId: c.customerId,
          cells: [c.customerId, c.currentTier, c.nextTier, c.reasons.join(' ')],
        })),
      };
    }
    case 'segments': {
      const found = segmentCustomers(db, request.filter, request.params, window, history());
      return {
        total: found.total,
        offset: found.offset,
        columns: ['Customer', 'Days since last order', 'Orders', 'Spend', 'R-F-M', 'Loyalty tier', 'Categories'],
        rows: found.items.map((c) => ({
          customerId: c.customerId,
          cells: [
            c.customerId,
            c.recencyDays,
            c.orders,
            c.spend,
            `${c.recency}-${c.frequency}-${c.monetary}`,
            c.loyaltyTier,
            c.categories,
          ],
        })),
      };
    }
    case 'moments': {
      const found = momentCustomers(db, request.moment, request.params, window);
      return {
        total: found.total,
        offset: found.offset,
        columns: ['Customer'],
        rows: found.items.map((id) => ({ customerId: id, cells: [id] })),
      };
    }
  }
}

export interface CustomerOrderLine {
  productId: string | null;
  name: string | null;
  quantity: number | null;
  unitPrice: number | null;
}

export interface CustomerOrderDetail {
  orderId: string;
  orderedAt: string | null;
  status: string | null;
  lines: CustomerOrderLine[];
}

/** A customer's orders, newest first, with their lines: what a marketer checks behind a number. */
export function customerOrders(db: Database, customerId: string, limit = 50): CustomerOrderDetail[] {
  const rows = queryAll<{
    order_id: string;
    ordered_at: string | null;
    status: string | null;
    product_id: string | null;
    name: string | null;
    quantity: number | null;
    unit_price: number | null;
  }>(
    db,
    `WITH recent AS (SELECT order_id, ordered_at, sequence, status FROM orders WHERE customer_id = ?
                     ORDER BY ordered_at DESC, sequence DESC, order_id LIMIT ?)
     SELECT r.order_id, r.ordered_at, r.status, l.product_id, p.name, l.quantity, l.unit_price
     FROM recent r LEFT JOIN order_lines l ON l.order_id = r.order_id LEFT JOIN products p ON p.product_id = l.product_id
     ORDER BY r.ordered_at DESC, r.sequence DESC, r.order_id, l.line_id`,
    [customerId, limit],
  );
  const orders: CustomerOrderDetail[] = [];
  for (const row of rows) {
    let order = orders.at(-1);
    if (order?.orderId !== row.order_id) {
      order = { orderId: row.order_id, orderedAt: row.ordered_at, status: row.status, lines: [] };
      orders.push(order);
    }
    if (row.product_id !== null)
      order.lines.push({
        productId: row.product_id,
        name: row.name,
        quantity: row.quantity,
        unitPrice: row.unit_price,
      });
  }
  return orders;
}
