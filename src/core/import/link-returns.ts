import type { Database } from '../store/sqlite';

/**
 * Points each returned line (negative quantity) of an import at the purchase it most likely
 * reverses: the latest earlier line of the same customer, product and unit price. Returns without
 * a customer, or without such a purchase in the workspace, stay unlinked. Answers how many were linked.
 */
export function linkReturns(db: Database, importId: number): number {
  // The search walks the customer's orders and their lines (few), not every line of the product
  // (many): hence INDEXED BY. MATERIALIZED keeps SQLite from running the search twice per return.
  db.run(
    `WITH matched AS MATERIALIZED (
       SELECT r.line_id AS returned,
         (SELECT l.line_id
            FROM orders o2 CROSS JOIN order_lines l INDEXED BY order_lines_order ON l.order_id = o2.order_id
           WHERE o2.customer_id = o.customer_id AND o2.ordered_at <= o.ordered_at
             AND l.product_id = r.product_id AND l.unit_price = r.unit_price AND l.quantity > 0
           ORDER BY o2.ordered_at DESC, l.line_id DESC
           LIMIT 1) AS original
         FROM order_lines r JOIN orders o ON o.order_id = r.order_id
        WHERE r.import_id = ? AND r.quantity < 0 AND o.customer_id IS NOT NULL
     )
     UPDATE order_lines SET reverses_line = matched.original
       FROM matched
      WHERE order_lines.line_id = matched.returned AND matched.original IS NOT NULL`,
    [importId],
  );
  return db.getRowsModified();
}
