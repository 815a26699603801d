import { queryAll, type Database } from '../store/sqlite';
import { count } from './messages';

/**
 * The references between the files of a set that do not resolve: lines whose order is in no
 * orders file, orders whose customer is in no customer list, lines whose product is in no product
 * list, products whose code a lookup does not name. Counted, with a few examples each.
 */

export type LinkKind = 'line_order' | 'order_customer' | 'line_product' | 'product_label';

export interface UnresolvedLink {
  link: LinkKind;
  /** Distinct ids that were not found. */
  missing: number;
  /** Rows pointing to them. */
  rows: number;
  examples: string[];
  message: string;
}

const EXAMPLES = 5;
/** Products known before the set's lines were read: the lines add the products they name. */
export const KNOWN_PRODUCTS = 'temp.set_known_products';

export function rememberKnownProducts(db: Database): void {
  db.run(`CREATE TABLE ${KNOWN_PRODUCTS} AS SELECT product_id FROM products`);
  db.run(`CREATE INDEX temp.set_known_products_id ON set_known_products(product_id)`);
}

export function lineOrderLinks(db: Database, importId: number, ordersFile: string): UnresolvedLink | null {
  return unresolved(
    db,
    'line_order',
    `SELECT order_id AS id FROM order_lines l WHERE import_id = ?
       AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.order_id = l.order_id)`,
    importId,
    (missing, rows) =>
      `${lines(rows, 'points', 'point')} to ${plural(missing, 'an order', 'orders')} that ${missing === 1 ? 'is' : 'are'} not in ${ordersFile}: kept, without a customer or date.`,
  );
}

export function orderCustomerLinks(db: Database, importId: number, customersFile: string): UnresolvedLink | null {
  return unresolved(
    db,
    'order_customer',
    `SELECT customer_id AS id FROM orders o WHERE import_id = ? AND customer_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.customer_id = o.customer_id)`,
    importId,
    (missing, rows) =>
      `${rows === 1 ? 'One order names a customer' : `${count(rows)} orders name customers`} not in ${customersFile} (${count(missing)} customer ${missing === 1 ? 'number' : 'numbers'}): kept, but ${rows === 1 ? 'it is' : 'they are'} not followed as any customer's purchases.`,
  );
}

export function lineProductLinks(db: Database, importId: number, productsFile: string): UnresolvedLink | null {
  return unresolved(
    db,
    'line_product',
    `SELECT product_id AS id FROM order_lines l WHERE import_id = ?
       AND NOT EXISTS (SELECT 1 FROM ${KNOWN_PRODUCTS} k WHERE k.product_id = l.product_id)`,
    importId,
    (missing, rows) =>
      `${lines(rows, 'names', 'name')} ${plural(missing, 'a product', 'products')} not in ${productsFile}: kept, known only by ${missing === 1 ? 'its code' : 'their codes'}.`,
  );
}

export function productLabelLinks(
  lookupFile: string,
  field: string,
  codes: string[],
  products: number,
): UnresolvedLink | null {
  if (codes.length === 0) return null;
  return {
    link: 'product_label',
    missing: codes.length,
    rows: products,
    examples: codes.slice(0, EXAMPLES),
    message: `${products === 1 ? 'One product has' : `${count(products)} products have`} a ${field} code that ${lookupFile} does not name (${count(codes.length)} ${codes.length === 1 ? 'code' : 'codes'}): the code is kept as the ${field}.`,
  };
}

function unresolved(
  db: Database,
  link: LinkKind,
  ids: string,
  importId: number,
  describe: (missing: number, rows: number) => string,
): UnresolvedLink | null {
  const found = queryAll<{ id: string; n: number }>(
    db,
    `SELECT id, count(*) AS n FROM (${ids}) GROUP BY id ORDER BY id`,
    [importId],
  );
  if (found.length === 0) return null;
  const rows = found.reduce((sum, f) => sum + f.n, 0);
  return {
    link,
    missing: found.length,
    rows,
    examples: found.slice(0, EXAMPLES).map((f) => f.id),
    message: describe(found.length, rows),
  };
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${count(n)} ${many}`);
const lines = (n: number, one: string, many: string) => (n === 1 ? `One line ${one}` : `${count(n)} lines ${many}`);
