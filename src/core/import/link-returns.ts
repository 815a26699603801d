import type { Database } from '../store/sqlite';

/**
 * The statement, with the import's id as its one parameter (the import benchmark runs it in the
 * sqlite3 shell too). The search walks the customer's orders and their lines (few), not every
 * line of the product (many): hence INDEXED BY. The latest purchase is found in two steps, its
 * date (newest first, stopping at the first match) and then the last matching line of that
 * date, which spares SQLite sorting the candidates of every return. MATERIALIZED keeps SQLite
 * from running the search twice per return.
 */
export const LINK_RETURNS_SQL = `WITH matched AS MATERIALIZED (
       SELECT r.line_id AS returned,
         (SELECT max(l.line_id)
            FROM orders o2 CROSS JOIN order_lines l INDEXED BY order_lines_order ON l.order_id = o2.order_id
           WHERE o2.customer_id = o.customer_id
             AND l.product_id = r.product_id AND l.unit_price = r.unit_price AND l.quantity > 0
             AND o2.ordered_at = (
               SELECT o3.ordered_at
                 FROM orders o3 CROSS JOIN order_lines l3 INDEXED BY order_lines_order ON l3.order_id = o3.order_id
                WHERE o3.customer_id = o.customer_id AND o3.ordered_at <= o.ordered_at
                  AND l3.product_id = r.product_id AND l3.unit_price = r.unit_price AND l3.quantity > 0
                ORDER BY o3.ordered_at DESC
                LIMIT 1)) AS original
         FROM order_lines r JOIN orders o ON o.order_id = r.order_id
        WHERE r.import_id = ? AND r.quantity < 0 AND o.customer_id IS NOT NULL
     )
     UPDATE order_lines SET reverses_line = matched.original
       FROM matched
      WHERE order_lines.line_id = matched.returned AND matched.original IS NOT NULL`;

/**
 * Points each returned line (negative quantity) of an import at the purchase it most likely
 * reverses: the latest earlier line of the same customer, product and unit price. Returns without
 * a customer, or without such a purchase in the workspace, stay unlinked. Answers how many were linked.
 */
export function linkReturns(db: Database, importId: number): number {
  db.run(LINK_RETURNS_SQL, [importId]);
  return db.getRowsModified();
}
