import { queryValue, type Database, type SqlValue } from '../../store/sqlite';
import { orderTimeline } from '../undated-orders';
import { basketSetFromPairs, BasketSetBuilder, type BasketSet } from './basket-set';
import {
  CombinationsCancelled,
  CombinationsUnavailable,
  type BasketOptions,
  type BasketSource,
  type ItemLevel,
  type MiningHooks,
} from './types';
import { z } from 'zod';
import { readStoredJson } from '../../store/stored-json';

const basketItemsSchema = z.array(z.string());

/**
 * Baskets from a workspace. Order lines count when they are purchases of products: returns
 * (negative quantities, lines that reverse another line), lines of cancelled orders and codes
 * that are not products (postage, fees) are left out. A basket is
 * - per order: the distinct items of one order;
 * - per N days: a customer's orders taken in date order, the first one opening a basket that takes
 *   in every later order placed at most N days after it; the next order after that opens a new
 *   basket. Orders without a customer or without a date stay baskets of their own.
 * When the workspace holds no order lines but imported basket files, their rows are the baskets.
 */

/** Who and what is behind one basket, for showing the customers behind a rule. */
export interface BasketOrigin {
  customerId: string | null;
  orderIds: string[];
  /** The row of the imported basket file's table, for baskets that came from one. */
  importedBasketId: number | null;
}

export interface LoadedBaskets {
  source: BasketSource;
  baskets: BasketSet;
  /** Where each of the given baskets came from (looked up when asked: few callers need it). */
  originsOf(baskets: readonly number[]): BasketOrigin[];
}

const PURCHASE_LINES = `
  FROM order_lines l
  LEFT JOIN orders o ON o.order_id = l.order_id
  LEFT JOIN products p ON p.product_id = l.product_id
  WHERE l.product_id IS NOT NULL AND l.reverses_line IS NULL AND (l.quantity IS NULL OR l.quantity > 0)
    AND (o.status IS NULL OR lower(o.status) NOT IN ('cancelled', 'canceled'))
    AND coalesce(p.is_product, 1) = 1`;

const DAY_MS = 86_400_000;
/** An order's time in whole milliseconds, so that "at most N days later" compares exactly. */
const ORDER_MS = 'CAST(round((julianday(o.ordered_at) - 2440587.5) * 86400000) AS INTEGER)';

/** Reading can be stopped (isCancelled); its progress is not reported, only the mining's. */
export function loadBaskets(
  db: Database,
  options: BasketOptions,
  hooks: Pick<MiningHooks, 'isCancelled'> = {},
): LoadedBaskets {
  const rows = rowReader(db, hooks.isCancelled);
  const hasLines = queryValue(db, 'SELECT EXISTS (SELECT 1 FROM order_lines)') === 1;
  const hasImportedBaskets = queryValue(db, 'SELECT EXISTS (SELECT 1 FROM baskets)') === 1;
  if (!hasLines && hasImportedBaskets) return loadImportedBaskets(rows, options);
  if (!hasLines) {
    throw new CombinationsUnavailable(
      'There are no orders to look for combinations in yet. Import order lines (one row per product in an order, with the order number) or a basket file.',
    );
  }
  if (options.level === 'category') checkCategories(db);
  if (options.basket.kind !== 'order') checkDates(db, options.basket.days);
  const loaded =
    options.basket.kind === 'order'
      ? loadOrderBaskets(db, rows, options.level)
      : loadWindowBaskets(rows, options.level, options.basket.days);
  if (loaded.baskets.count === 0) {
    throw new CombinationsUnavailable(
      'None of the orders holds a product to combine: every line is a return, part of a cancelled order or a code that is not a product.',
    );
  }
  return loaded;
}

function checkDates(db: Database, days: number): void {
  const { dated, sequenced } = orderTimeline(db);
  if (dated > 0 || sequenced === 0) return;
  throw new CombinationsUnavailable(
    `These orders have no dates, so a customer’s orders cannot be grouped into ${days}-day baskets. Combine products by order instead.`,
  );
}

function checkCategories(db: Database): void {
  if (queryValue(db, 'SELECT EXISTS (SELECT 1 FROM products WHERE category IS NOT NULL AND is_product = 1)') === 1)
    return;
  throw new CombinationsUnavailable(
    'Combinations by category need product categories, and no product has one yet. Import a products file with a product code column and a category column.',
  );
}

/**
 * One basket per order, read as integers (order and product row ids) where the rows exist,
 * since reading text out of sql.js costs more than the query itself. Lines of an order or a
 * product missing from its table carry their ids as text instead.
 */
function loadOrderBaskets(db: Database, eachRow: RowReader, level: ItemLevel): LoadedBaskets {
  const labelOfRow = new Map<number, string | null>();
  eachRow('SELECT rowid, product_id, category FROM products', (row) => {
    labelOfRow.set(Number(row[0]), textOrNull(row[level === 'product' ? 1 : 2]));
  });
  const labels: string[] = [];
  const codeOfLabel = new Map<string, number>();
  const codeOfRow = new Map<number, number>();
  const codeOf = (label: string) => {
    let code = codeOfLabel.get(label);
    if (code === undefined) codeOfLabel.set(label, (code = labels.push(label) - 1));
    return code;
  };
  const basketOfKey = new Map<number | string, number>();
  const keys: (number | string)[] = [];
  let basketOf = new Int32Array(1 << 16);
  let itemOf = new Int32Array(1 << 16);
  let length = 0;
  let lastKey: number | string | null = null;
  let lastBasket = -1;
  eachRow(
    `SELECT o.rowid, CASE WHEN o.rowid IS NULL THEN l.order_id END, p.rowid, CASE WHEN p.rowid IS NULL THEN l.product_id END
     ${PURCHASE_LINES}${level === 'category' ? ' AND p.category IS NOT NULL' : ''}`,
    (row) => {
      let code: number;
      if (row[2] === null) code = codeOf(String(row[3]));
      else {
        const rowid = row[2] as number;
        const known = codeOfRow.get(rowid);
        code = known ?? codeOf(labelOfRow.get(rowid)!);
        if (known === undefined) codeOfRow.set(rowid, code);
      }
      const key = row[0] ?? String(row[1]);
      if (key !== lastKey) {
        lastKey = key as number | string;
        let basket = basketOfKey.get(lastKey);
        if (basket === undefined) {
          basketOfKey.set(lastKey, (basket = keys.length));
          keys.push(lastKey);
        }
        lastBasket = basket;
      }
      if (length === basketOf.length) {
        basketOf = grow(basketOf);
        itemOf = grow(itemOf);
      }
      basketOf[length] = lastBasket;
      itemOf[length++] = code;
    },
  );
  const baskets = basketSetFromPairs(basketOf.subarray(0, length), itemOf.subarray(0, length), keys.length, labels);
  return {
    source: 'order-lines',
    baskets,
    originsOf: (chosen) =>
      orderOrigins(
        db,
        chosen.map((b) => keys[b]),
      ),
  };
}

/** Who placed each order: keys are order row ids, or the ids of orders missing from their table. */
function orderOrigins(db: Database, keys: (number | string)[]): BasketOrigin[] {
  const statement = db.prepare('SELECT order_id, customer_id FROM orders WHERE rowid = ?');
  try {
    return keys.map((key) => {
      if (typeof key === 'string') return { customerId: null, orderIds: [key], importedBasketId: null };
      const [orderId, customerId] = statement.get([key]);
      return { customerId: textOrNull(customerId), orderIds: [String(orderId)], importedBasketId: null };
    });
  } finally {
    statement.free();
  }
}

function loadWindowBaskets(eachRow: RowReader, level: ItemLevel, days: number): LoadedBaskets {
  const item = level === 'product' ? 'l.product_id' : 'p.category';
  const itemFilter = level === 'category' ? ' AND p.category IS NOT NULL' : '';
  const origins: BasketOrigin[] = [];
  const builder = new BasketSetBuilder();
  let currentOrder: string | null = null;
  let currentCustomer: string | null = null;
  let windowStart: number | null = null;
  let origin: BasketOrigin | null = null;
  eachRow(
    `SELECT l.order_id, ${item}, o.customer_id, ${ORDER_MS} AS at ${PURCHASE_LINES}${itemFilter}
     ORDER BY o.customer_id, at, l.order_id`,
    (row) => {
      const orderId = String(row[0]);
      if (orderId !== currentOrder) {
        currentOrder = orderId;
        const customer = textOrNull(row[2]);
        const at = typeof row[3] === 'number' ? row[3] : null;
        const joins =
          customer !== null &&
          customer === currentCustomer &&
          at !== null &&
          windowStart !== null &&
          at - windowStart <= days * DAY_MS;
        if (joins && origin) {
          origin.orderIds.push(orderId);
        } else {
          builder.startBasket();
          currentCustomer = customer;
          windowStart = at;
          origin = { customerId: customer, orderIds: [orderId], importedBasketId: null };
          origins.push(origin);
        }
      }
      builder.add(String(row[1]));
    },
  );
  return { source: 'order-lines', baskets: builder.finish(), originsOf: (chosen) => chosen.map((b) => origins[b]) };
}

function loadImportedBaskets(eachRow: RowReader, options: BasketOptions): LoadedBaskets {
  if (options.level === 'category') {
    throw new CombinationsUnavailable(
      'The imported baskets list item names only, so they cannot be grouped by category. Use the product level, or import order lines and products with categories.',
    );
  }
  if (options.basket.kind === 'days') {
    throw new CombinationsUnavailable(
      'The imported baskets carry no customers or dates, so they cannot be joined over days. Use one basket per order (each imported line is one basket).',
    );
  }
  const origins: BasketOrigin[] = [];
  const builder = new BasketSetBuilder();
  eachRow('SELECT basket_id, items FROM baskets ORDER BY basket_id', (row) => {
    // The loader writes a JSON list of names; a basket of any other shape (a file from elsewhere) is left out.
    const items = readStoredJson(row[1], basketItemsSchema);
    if (!items || items.length === 0) return;
    builder.startBasket();
    for (const label of items) builder.add(label);
    origins.push({ customerId: null, orderIds: [], importedBasketId: Number(row[0]) });
  });
  return {
    source: 'imported-baskets',
    baskets: builder.finish(),
    originsOf: (chosen) => chosen.map((b) => origins[b]),
  };
}

type RowReader = (sql: string, visit: (row: SqlValue[]) => void) => void;

/** Runs a query row by row, asking every 65,536 rows whether to stop. */
function rowReader(db: Database, isCancelled?: () => boolean): RowReader {
  return (sql, visit) => {
    const statement = db.prepare(sql);
    try {
      for (let n = 1; statement.step(); n++) {
        if ((n & 0xffff) === 0 && isCancelled?.()) throw new CombinationsCancelled();
        visit(statement.get());
      }
    } finally {
      statement.free();
    }
  };
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

const textOrNull = (value: SqlValue) => (value === null ? null : String(value));
