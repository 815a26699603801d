import type { Statement } from '../store/sqlite';
import { BatchedInsert } from './batched-insert';
import { MERGED_EXTRA } from './extra-merge';
import type { SinkContext, TableCounts } from './sink';
import type { AcceptedRow, FieldValue } from './validate';

/**
 * The orders behind order lines. On an order's first line it is checked against the workspace
 * (append refuses an order already there, update clears its old lines) and, in a flat export,
 * written from that line (a hundred orders to a statement, each chunk's before the next chunk),
 * so the work (and the progress bar) follows the file. At the end, the few orders whose later
 * lines added to them are corrected, and cancellations marked.
 */

interface OrderState {
  customerId: string | null;
  orderedAt: string | null;
  lines: number;
  firstRow: number;
  /** Later lines filled in a customer or an earlier date: the row needs correcting. */
  changed: boolean;
  /** Lines of the order name different customers or dates. */
  disagrees: boolean;
  /** Lines of the order fall on different days, as a customer's do when their number was taken for an order number. */
  severalDays: boolean;
  /** In append mode, an order already in the workspace: its lines are not imported again. */
  alreadyThere: boolean;
  /** Every line so far is a return (negative quantity). */
  returnsOnly: boolean;
}

const text = (value: FieldValue | undefined): string | null => (typeof value === 'string' ? value : null);
const isReturn = (row: AcceptedRow) => typeof row.values.quantity === 'number' && row.values.quantity < 0;

export class OrdersFromLines {
  private readonly orders = new Map<string, OrderState>();
  private readonly statements: Statement[] = [];
  private readonly inWorkspace: Statement;
  private readonly deleteLines: Statement;
  private readonly upsert: BatchedInsert;
  /** "C" before an order number marks a cancellation in files whose other orders are plain numbers. */
  private plainNumbers = false;
  /** Into an empty workspace (the usual first import) there is nothing to check each order against. */
  private readonly nothingToCheck: boolean;

  constructor(
    private readonly ctx: SinkContext,
    private readonly written: TableCounts,
    /** A flat export carries the orders themselves; plain order lines only point to them. */
    private readonly flat: boolean,
    /** Orders grouped from several days of a customer's lines: their dates differ by design. */
    private readonly spansDays = false,
  ) {
    // An order is in the workspace once it has lines: an order list imported first (Etsy's orders
    // file) gives orders whose lines a later export of order lines fills in.
    this.nothingToCheck = ctx.db.exec('SELECT 1 FROM order_lines LIMIT 1').length === 0;
    this.inWorkspace = this.prepare('SELECT 1 FROM order_lines WHERE order_id = ? LIMIT 1');
    this.deleteLines = this.prepare('DELETE FROM order_lines WHERE order_id = ?');
    this.upsert = new BatchedInsert(
      ctx.db,
      'INSERT INTO orders(order_id, customer_id, ordered_at, channel, is_gift, status, extra, import_id)',
      8,
      `ON CONFLICT(order_id) DO UPDATE SET
         customer_id = coalesce(excluded.customer_id, customer_id),
         ordered_at = coalesce(excluded.ordered_at, ordered_at),
         channel = coalesce(excluded.channel, channel),
         is_gift = coalesce(excluded.is_gift, is_gift),
         status = coalesce(excluded.status, status),
         extra = ${MERGED_EXTRA},
         import_id = excluded.import_id`,
    );
  }

  /** Takes one line of an order; false when its order is already in the workspace (append mode). */
  take(orderId: string, row: AcceptedRow): boolean {
    const v = row.values;
    const customerId = text(v.customer_id);
    const orderedAt = text(v.ordered_at);
    const order = this.orders.get(orderId);
    if (order) {
      if (order.alreadyThere) return false;
      order.lines++;
      order.returnsOnly &&= isReturn(row);
      if (this.flat) this.merge(order, customerId, orderedAt);
      return true;
    }

    const there = this.exists(orderId);
    const alreadyThere = there && this.ctx.mode === 'append';
    this.orders.set(orderId, {
      customerId,
      orderedAt,
      lines: 1,
      firstRow: row.row,
      changed: false,
      disagrees: false,
      severalDays: false,
      alreadyThere,
      returnsOnly: isReturn(row),
    });
    if (alreadyThere) return false;
    if (there && this.ctx.mode === 'update') this.deleteLines.run([orderId]);
    if (this.flat) {
      if (!this.plainNumbers && /^\d+$/.test(orderId)) this.plainNumbers = true;
      const country = text(v.country);
      this.upsert.add(
        orderId,
        customerId,
        orderedAt,
        v.channel ?? null,
        v.is_gift ?? null,
        v.status ?? null,
        country === null ? null : JSON.stringify({ country }),
        this.ctx.importId,
      );
      this.written.orders++;
    }
    return true;
  }

  /** Writes the orders held back; runs before anything reads the orders table. */
  flush(): void {
    this.upsert.flush();
  }

  finish(): void {
    if (!this.flat) return;
    const correct = this.prepare('UPDATE orders SET customer_id = ?, ordered_at = ? WHERE order_id = ?');
    const cancel = this.prepare(`UPDATE orders SET status = 'cancelled' WHERE order_id = ? AND status IS NULL`);
    const remove = this.prepare('DELETE FROM orders WHERE order_id = ? AND import_id = ? AND ordered_at IS NULL');
    const warnings = this.ctx.warnings;
    for (const [orderId, order] of this.orders) {
      if (order.alreadyThere) continue;
      if (order.returnsOnly && order.orderedAt === null) {
        // Refunds of a sale this file does not hold (Square writes the sale's number on them): the
        // lines are kept as returns of that sale, but a row with no date and no purchase is no order.
        remove.run([orderId, this.ctx.importId]);
        this.written.orders -= this.ctx.db.getRowsModified();
        continue;
      }
      if (order.changed) correct.run([order.customerId, order.orderedAt, orderId]);
      if (order.disagrees) warnings.add('order_conflicts', order.firstRow);
      if (order.severalDays) warnings.add('orders_over_several_days', order.firstRow);
      if (this.plainNumbers && /^C\d+$/i.test(orderId)) {
        cancel.run([orderId]);
        if (this.ctx.db.getRowsModified() > 0) {
          warnings.add('cancelled_orders', order.firstRow);
          warnings.add('cancelled_order_lines', undefined, order.lines);
        }
      }
    }
  }

  close(): void {
    this.upsert.free();
    for (const statement of this.statements) statement.free();
  }

  /** The first customer named and the earliest date win; disagreeing lines are counted. */
  private merge(order: OrderState, customerId: string | null, orderedAt: string | null): void {
    if (customerId !== null && customerId !== order.customerId) {
      if (order.customerId === null) {
        order.customerId = customerId;
        order.changed = true;
      } else {
        order.disagrees = true;
      }
    }
    if (orderedAt !== null && orderedAt !== order.orderedAt) {
      if (order.orderedAt !== null && !this.spansDays) {
        order.disagrees = true;
        if (orderedAt.slice(0, 10) !== order.orderedAt.slice(0, 10)) order.severalDays = true;
      }
      if (order.orderedAt === null || orderedAt < order.orderedAt) {
        order.orderedAt = orderedAt;
        order.changed = true;
      }
    }
  }

  private exists(orderId: string): boolean {
    if (this.nothingToCheck) return false;
    this.inWorkspace.bind([orderId]);
    const found = this.inWorkspace.step();
    this.inWorkspace.reset();
    return found;
  }

  private prepare(sql: string): Statement {
    const statement = this.ctx.db.prepare(sql);
    this.statements.push(statement);
    return statement;
  }
}
