import { queryAll, type Database, type SqlValue } from '../store/sqlite';
import { dayOrNull } from './as-of';
import { placeInTime, type SequencedOrder } from './undated-orders';

/**
 * The purchase history the behavioural analyses share, loaded once per call and passed on to the
 * next analysis when the caller wants to reuse it. A purchase is one product in one order that
 * counts as bought: the order has a customer and a date and is not cancelled, the line is not a
 * return (negative quantity, or reversing another line), and the product is merchandise
 * (`products.is_product` is not 0; codes missing from the product table count as merchandise).
 */

export interface ProductInfo {
  id: string;
  name: string | null;
  category: string | null;
  family: string | null;
  tier: number | null;
  /** 'YYYY-MM-DD…' as stored, or null. */
  launchedAt: string | null;
}

export interface Purchase {
  /** Index into `PurchaseHistory.products`. */
  product: number;
  /** Net value of the product's lines in the order (quantity × price − discount). */
  amount: number;
  /** Some line of this product in this order was later returned. */
  returned: boolean;
}

export interface CustomerOrder {
  orderId: string;
  /** Days since 1970-01-01 (fractional), from the order's timestamp read as written. */
  day: number;
  purchases: Purchase[];
  amount: number;
}

export interface CustomerHistory {
  customerId: string;
  /** In time order (ties by order id); only orders holding at least one purchase. */
  orders: CustomerOrder[];
}

export interface PurchaseHistory {
  products: ProductInfo[];
  productIndex: Map<string, number>;
  /** Sorted by customer id. */
  customers: CustomerHistory[];
  /**
   * Customers whose orders have no dates, only their place in the customer's sequence. Kept
   * apart: only the analyses that need the order of purchases, not dates, read them.
   */
  undated: UndatedHistory;
}

export interface UndatedHistory {
  /** Their orders' `day`s count from their first order (see undated-orders.ts). */
  customers: CustomerHistory[];
  /** Those `day`s are days apart (from the days since each prior order), not just places in the sequence. */
  inDays: boolean;
}

/** julianday() of 1970-01-01T00:00:00, to turn SQLite's Julian days into days since the epoch. */
export const UNIX_EPOCH_JULIAN_DAY = 2440587.5;

/** SQL condition (over `o` orders) for an order that stands: not cancelled. */
export const ORDER_STANDS = "coalesce(lower(o.status), '') NOT IN ('cancelled', 'canceled')";

/** SQL condition (over `l` order_lines) for a line that is not a return. */
export const LINE_KEPT = 'l.reverses_line IS NULL AND coalesce(l.quantity, 1) > 0';

/** SQL condition (over `l` order_lines and `p` products, left-joined) for a line that counts as bought. */
export const LINE_IS_PURCHASE = `l.product_id IS NOT NULL AND ${LINE_KEPT} AND coalesce(p.is_product, 1) = 1`;

export function loadProducts(db: Database): ProductInfo[] {
  return queryAll<{
    product_id: string;
    name: string | null;
    category: string | null;
    family: string | null;
    tier: number | null;
    launched_at: string | null;
  }>(
    db,
    'SELECT product_id, name, category, family, tier, launched_at FROM products WHERE is_product = 1 ORDER BY product_id',
  ).map((p) => ({
    id: p.product_id,
    name: p.name,
    category: p.category,
    family: p.family,
    tier: p.tier,
    launchedAt: p.launched_at,
  }));
}

export function loadPurchases(db: Database): PurchaseHistory {
  const products = loadProducts(db);
  const productIndex = new Map(products.map((p, i) => [p.id, i]));
  const notProducts = new Set(
    queryAll<{ product_id: string }>(db, 'SELECT product_id FROM products WHERE is_product = 0').map(
      (r) => r.product_id,
    ),
  );
  const returned = returnedPurchases(db);

  // Orders and lines are read apart, each in storage order, and joined and sorted here: in sql.js
  // that is many times faster than a join or an index walk, which read pages all over the file.
  const byCustomer = new Map<string, CustomerOrder[]>();
  const orders = new Map<string, CustomerOrder>();
  each(
    db,
    `SELECT o.customer_id, o.order_id, o.ordered_at FROM orders o
     WHERE o.customer_id IS NOT NULL AND o.ordered_at IS NOT NULL AND ${ORDER_STANDS}`,
    ([customerId, orderId, orderedAt]) => {
      const day = dayOrNull(orderedAt as string);
      if (day === null) return;
      const order: CustomerOrder = { orderId: orderId as string, day, purchases: [], amount: 0 };
      let list = byCustomer.get(customerId as string);
      if (!list) byCustomer.set(customerId as string, (list = []));
      list.push(order);
      orders.set(order.orderId, order);
    },
  );
  const undated = readUndatedOrders(db, byCustomer);
  for (const list of undated.byCustomer.values()) for (const order of list) orders.set(order.orderId, order);
  each(
    db,
    `SELECT l.order_id, l.product_id, coalesce(l.quantity, 1) * coalesce(l.unit_price, 0) - coalesce(l.discount, 0) FROM order_lines l
     WHERE l.product_id IS NOT NULL AND ${LINE_KEPT}`,
    ([orderId, productId, amount]) => {
      const order = orders.get(orderId as string);
      if (!order || notProducts.has(productId as string)) return;
      let product = productIndex.get(productId as string);
      if (product === undefined) {
        product = products.length;
        products.push({
          id: productId as string,
          name: null,
          category: null,
          family: null,
          tier: null,
          launchedAt: null,
        });
        productIndex.set(productId as string, product);
      }
      const same = order.purchases.find((p) => p.product === product);
      if (same) same.amount += amount as number;
      else
        order.purchases.push({
          product,
          amount: amount as number,
          returned: returned.get(orderId as string)?.has(productId as string) ?? false,
        });
      order.amount += amount as number;
    },
  );
  return {
    products,
    productIndex,
    customers: withPurchases(byCustomer),
    undated: { customers: withPurchases(undated.byCustomer), inDays: undated.inDays },
  };
}

/** Each customer's orders that hold a purchase, in time order, customers by id. */
function withPurchases(byCustomer: Map<string, CustomerOrder[]>): CustomerHistory[] {
  const customers: CustomerHistory[] = [];
  for (const customerId of [...byCustomer.keys()].sort(compareText)) {
    const kept = byCustomer.get(customerId)!.filter((o) => o.purchases.length > 0);
    if (kept.length)
      customers.push({ customerId, orders: kept.sort((a, b) => a.day - b.day || compareText(a.orderId, b.orderId)) });
  }
  return customers;
}

/** Orders without a date but in a customer's sequence, of customers who have no dated order. */
function readUndatedOrders(
  db: Database,
  dated: ReadonlyMap<string, unknown>,
): { byCustomer: Map<string, CustomerOrder[]>; inDays: boolean } {
  const sequenced = new Map<string, SequencedOrder[]>();
  each(
    db,
    `SELECT o.customer_id, o.order_id, o.sequence, o.days_since_prior FROM orders o
     WHERE o.ordered_at IS NULL AND o.sequence IS NOT NULL AND o.customer_id IS NOT NULL AND ${ORDER_STANDS}`,
    ([customerId, orderId, sequence, gap]) => {
      if (dated.has(customerId as string)) return;
      let list = sequenced.get(customerId as string);
      if (!list) sequenced.set(customerId as string, (list = []));
      list.push({ orderId: orderId as string, sequence: sequence as number, gap: gap as number | null });
    },
  );
  const { days, inDays } = placeInTime(sequenced);
  const byCustomer = new Map<string, CustomerOrder[]>();
  for (const [customerId, orders] of days)
    byCustomer.set(
      customerId,
      orders.map(({ orderId, day }) => ({ orderId, day, purchases: [], amount: 0 })),
    );
  return { byCustomer, inDays };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Runs a query and hands each row to `visit` as an array, cheaper than row objects on big tables. */
export function each(db: Database, sql: string, visit: (row: SqlValue[]) => void, params: SqlValue[] = []): void {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    while (stmt.step()) visit(stmt.get());
  } finally {
    stmt.free();
  }
}

/** For each order, the products of its lines that a later line reverses. */
function returnedPurchases(db: Database): Map<string, Set<string>> {
  const returned = new Map<string, Set<string>>();
  each(
    db,
    `SELECT l.order_id, l.product_id FROM order_lines r JOIN order_lines l ON l.line_id = r.reverses_line
     WHERE r.reverses_line IS NOT NULL AND l.product_id IS NOT NULL`,
    ([orderId, productId]) => {
      let products = returned.get(orderId as string);
      if (!products) returned.set(orderId as string, (products = new Set()));
      products.add(productId as string);
    },
  );
  return returned;
}

/**
 * The customers whose order of purchases is known: with an as-of date, those with dated orders;
 * without one, also those whose orders have no dates but a place in their sequence.
 */
export function customersInOrder(history: PurchaseHistory, asOf: string | undefined): CustomerHistory[] {
  return asOf === undefined ? [...history.customers, ...history.undated.customers] : history.customers;
}

/** Whether a customer's order `day`s are days apart (dates, or days since each prior order), not only places. */
export function daysApart(history: PurchaseHistory): (customer: CustomerHistory) => boolean {
  if (history.undated.inDays) return () => true;
  const placesOnly = new Set(history.undated.customers);
  return (customer) => !placesOnly.has(customer);
}

/** The customer's orders placed before `day` (all of them when `day` is null). */
export function ordersBefore(customer: CustomerHistory, day: number | null): CustomerOrder[] {
  if (day === null) return customer.orders;
  let end = customer.orders.length;
  while (end > 0 && customer.orders[end - 1].day >= day) end--;
  return end === customer.orders.length ? customer.orders : customer.orders.slice(0, end);
}
