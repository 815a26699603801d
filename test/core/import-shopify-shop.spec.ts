import { expect, test } from '@playwright/test';
import type { FileImportOutcome } from '../../src/core/import/import-file';
import type { Database } from '../../src/core/store/sqlite';
import { loadBaskets } from '../../src/core/analysis/combinations/baskets';
import { rows, value } from '../support/import-helpers';
import { importFixtures, reportOf } from '../support/layout-import';

// A Shopify shop's three exports imported together: customers, products, then two orders exports
// (the second with cash-on-delivery orders that give a phone number but no email).
test.describe.configure({ mode: 'serial' });

const SHOP = [
  'shopify-customers.csv',
  'shopify-products.csv',
  'shopify-orders.csv',
  'shopify-orders-cash-on-delivery.csv',
];
let db: Database;
let outcomes: FileImportOutcome[];

test.beforeAll(async () => {
  ({ db, outcomes } = await importFixtures(...SHOP));
});

test.afterAll(() => db?.close());

test('each file is recognised by its layout and imported whole', () => {
  expect(outcomes.map((outcome) => outcome.preview?.layout?.id)).toEqual([
    'shopify-customers',
    'shopify-products',
    'shopify-orders',
    'shopify-orders',
  ]);
  expect(outcomes.map((outcome) => reportOf(outcome).rowsRejected)).toEqual([0, 0, 0, 0]);
  expect(value(db, 'SELECT count(*) FROM orders')).toBe(14);
  expect(value(db, 'SELECT count(*) FROM order_lines')).toBe(24);
  // The orders name no customer the customers export did not give.
  expect(value(db, 'SELECT count(*) FROM customers')).toBe(11);
  // The products export's 8 variants, the custom item and the tip.
  expect(value(db, 'SELECT count(*) FROM products')).toBe(10);
  expect(reportOf(outcomes[3]).reach).toEqual({ customers: 11, email: 5, sms: 3 });
});

test("every order's customer comes from the customers export", () => {
  const customersImport = reportOf(outcomes[0]).importId;
  expect(
    value(db, `SELECT count(*) FROM orders o JOIN customers c ON c.customer_id = o.customer_id WHERE c.import_id = ?`, [
      customersImport,
    ]),
  ).toBe(12);
  expect(rows(db, 'SELECT order_id FROM orders WHERE customer_id IS NULL ORDER BY order_id')).toEqual([
    { order_id: '#1009' },
    { order_id: '#1013' },
  ]);
});

test("every line's product comes from the products export, but for a custom item and the tips", () => {
  const productsImport = reportOf(outcomes[1]).importId;
  expect(
    rows(
      db,
      `SELECT l.product_id, count(*) AS lines FROM order_lines l JOIN products p ON p.product_id = l.product_id
       WHERE p.import_id <> ? GROUP BY l.product_id ORDER BY l.product_id`,
      [productsImport],
    ),
  ).toEqual([
    { product_id: 'Hand-painted Mug (custom name)', lines: 1 },
    { product_id: 'Tip', lines: 2 },
  ]);
  // A variant without a SKU is linked by its line item name.
  expect(value(db, "SELECT count(*) FROM order_lines WHERE product_id = 'Linen Tea Towel - Natural / Standard'")).toBe(
    2,
  );
  // The products export's categories reach the lines' products.
  expect(value(db, "SELECT category FROM products WHERE product_id = 'MUG-RED'")).toBe('Mugs');
});

test('cash-on-delivery orders without an email belong to the customer with that phone number, however written', () => {
  expect(
    rows(db, "SELECT order_id, customer_id, status FROM orders WHERE order_id >= '#1010' ORDER BY order_id"),
  ).toEqual([
    { order_id: '#1010', customer_id: '+919876543210', status: 'pending' },
    { order_id: '#1011', customer_id: '+919876543210', status: 'paid' },
    { order_id: '#1012', customer_id: '+919123456789', status: 'paid' },
    { order_id: '#1013', customer_id: null, status: 'paid' },
    { order_id: '#1014', customer_id: '+919876543210', status: 'cancelled' },
  ]);
  expect(reportOf(outcomes[3]).warnings).toMatchObject({ missing_customer: 1, cancelled_in_shop: 1 });
  // The cancelled order leaves no basket: 6 standing orders of the first export, 4 of the second.
  expect(loadBaskets(db, { level: 'product', basket: { kind: 'order' } }).baskets.count).toBe(10);
});

test('importing the orders before the customers links them just the same', async () => {
  const reversed = await importFixtures(SHOP[2], SHOP[3], SHOP[0], SHOP[1]);
  expect(reversed.outcomes.map((outcome) => reportOf(outcome).rowsRejected)).toEqual([0, 0, 0, 0]);
  expect(value(reversed.db, 'SELECT count(*) FROM customers')).toBe(11);
  expect(value(reversed.db, 'SELECT count(*) FROM products')).toBe(10);
  expect(value(reversed.db, "SELECT first_name FROM customers WHERE customer_id = '+919876543210'")).toBe('Priya');
  expect(reportOf(reversed.outcomes[3]).reach).toEqual({ customers: 11, email: 5, sms: 3 });
  reversed.db.close();
});
