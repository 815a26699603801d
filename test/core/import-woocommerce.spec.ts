import { expect, test } from '@playwright/test';
import { loadBaskets } from '../../src/core/analysis/combinations/baskets';
import type { FileImportOutcome } from '../../src/core/import/import-file';
import { splitPackedItems } from '../../src/core/import/packed-items';
import type { Database } from '../../src/core/store/sqlite';
import { rows, value } from '../support/import-helpers';
import { fixtureText, importFixtures, importText, reportOf } from '../support/layout-import';

// WooCommerce exports, imported with no choices at all: the Customer/Order/Coupon Export
// extension's customers and orders (one row per item), and the Analytics orders report.
test.describe.configure({ mode: 'serial' });

const standingBaskets = (db: Database) =>
  loadBaskets(db, { level: 'product', basket: { kind: 'order' } }).baskets.count;

test.describe('the extension’s customers and orders, imported together', () => {
  let db: Database;
  let customers: FileImportOutcome;
  let orders: FileImportOutcome;

  test.beforeAll(async () => {
    ({
      db,
      outcomes: [customers, orders],
    } = await importFixtures('woocommerce-customers.csv', 'woocommerce-order-items.csv'));
  });

  test.afterAll(() => db?.close());

  test('both files are recognised and mapped with no choices', () => {
    expect(customers.preview?.layout).toEqual({
      id: 'woocommerce-customers',
      label: 'Looks like a WooCommerce customers export',
    });
    expect(customers.preview?.mapping?.columns).toEqual({
      customer_id: 'Email or phone',
      email: 'email',
      first_name: 'first_name',
      last_name: 'last_name',
      phone: 'billing_phone',
      country: 'billing_country',
      signup_at: 'date_registered',
    });
    expect(orders.preview?.layout).toEqual({
      id: 'woocommerce-order-items',
      label: 'Looks like a WooCommerce orders export with one row per item',
    });
    expect(orders.preview?.mapping).toMatchObject({
      kind: 'order_lines_flat',
      columns: {
        order_id: 'order_id',
        product_id: 'item_sku',
        product_name: 'item_name',
        quantity: 'item_quantity',
        unit_price: 'item_price',
        customer_id: 'Email or phone',
        email: 'billing_email',
        ordered_at: 'date',
        status: 'status',
        country: 'billing_country',
      },
    });
  });

  test('orders, lines, customers and products come out exact, with nobody reachable (no consent columns)', () => {
    expect(reportOf(customers)).toMatchObject({ rowsRead: 6, rowsImported: 6, rowsRejected: 0 });
    expect(reportOf(orders)).toMatchObject({ rowsRead: 10, rowsImported: 10, rowsRejected: 0 });
    expect(value(db, 'SELECT count(*) FROM orders')).toBe(7);
    expect(value(db, 'SELECT count(*) FROM order_lines')).toBe(10);
    // The six listed customers, and the cash-on-delivery guest known by phone.
    expect(value(db, 'SELECT count(*) FROM customers')).toBe(7);
    expect(value(db, 'SELECT count(*) FROM products')).toBe(6);
    expect(reportOf(orders).reach).toEqual({ customers: 7, email: 0, sms: 0 });
  });

  test("every order's customer is the listed one, by billing email in any case, else by phone", () => {
    expect(rows(db, 'SELECT order_id, customer_id FROM orders ORDER BY order_id')).toEqual([
      { order_id: '2041', customer_id: 'alice@example.com' },
      { order_id: '2042', customer_id: 'bob@example.com' },
      { order_id: '2043', customer_id: 'carol@example.org' },
      { order_id: '2044', customer_id: 'dan@example.com' },
      { order_id: '2045', customer_id: 'erin@example.com' },
      { order_id: '2046', customer_id: '+447700900123' },
      { order_id: '2047', customer_id: 'alice@example.com' },
    ]);
    expect(
      value(
        db,
        'SELECT count(*) FROM orders o JOIN customers c ON c.customer_id = o.customer_id WHERE c.import_id = ?',
        [reportOf(customers).importId],
      ),
    ).toBe(6);
    // A profile left blank takes the billing names; the sign-up date is read.
    expect(
      rows(db, "SELECT first_name, last_name, signup_at FROM customers WHERE customer_id = 'erin@example.com'"),
    ).toEqual([{ first_name: 'Erin', last_name: 'Walsh', signup_at: '2025-01-15T17:45:00' }]);
  });

  test('cancelled, refunded and failed orders are kept, marked cancelled, and form no basket', () => {
    expect(rows(db, "SELECT order_id FROM orders WHERE status = 'cancelled' ORDER BY order_id")).toEqual([
      { order_id: '2043' },
      { order_id: '2044' },
      { order_id: '2045' },
    ]);
    expect(value(db, "SELECT status FROM orders WHERE order_id = '2047'")).toBe('on-hold');
    expect(reportOf(orders).warnings).toMatchObject({ cancelled_in_shop: 3, cancelled_order_lines: 3 });
    expect(reportOf(orders).notes.find((note) => note.kind === 'cancelled_in_shop')?.message).toContain(
      '(1 refunded, 1 cancelled, 1 failed)',
    );
    expect(standingBaskets(db)).toBe(4);
  });

  test('a product without SKU, or deleted since, is coded by its name; a later row of an order takes its details', () => {
    expect(rows(db, 'SELECT product_id, name FROM products ORDER BY product_id')).toEqual([
      { product_id: 'Hand-thrown Bowl', name: 'Hand-thrown Bowl' },
      { product_id: 'MUG-BLU', name: 'Stoneware Mug - Blue' },
      { product_id: 'MUG-RED', name: 'Stoneware Mug - Red' },
      { product_id: 'Old Teapot', name: 'Old Teapot' },
      { product_id: 'TEA-EG', name: 'Earl Grey Loose Leaf 100g' },
      { product_id: 'TEA-GRN', name: 'Sencha Green Tea 100g' },
    ]);
    expect(reportOf(orders).warnings.missing_customer).toBeUndefined();
    const note = JSON.parse(
      String(value(db, "SELECT extra FROM order_lines WHERE order_id = '2041' ORDER BY line_id LIMIT 1")),
    ) as Record<string, string>;
    expect(note.customer_note).toBe('Please leave it with the neighbour\nat no. 14.');
    expect(note.billing_postcode).toBe('02134');
  });

  test('an export written with a byte-order mark reads the same', async () => {
    const run = await importText('orders.csv', `\uFEFF${fixtureText('woocommerce-order-items.csv')}`);
    expect(run.outcome.preview?.layout?.id).toBe('woocommerce-order-items');
    expect(reportOf(run.outcome).written).toMatchObject({ orders: 7, orderLines: 10, customers: 6 });
    run.db.close();
  });
});

test.describe('the Analytics orders report', () => {
  let db: Database;
  let outcome: FileImportOutcome;

  test.beforeAll(async () => {
    ({
      db,
      outcomes: [outcome],
    } = await importFixtures('woocommerce-analytics-orders.csv'));
  });

  test.afterAll(() => db?.close());

  test('is recognised, and each product of the packed cell becomes a line of its order', () => {
    expect(outcome.preview?.layout).toEqual({
      id: 'woocommerce-analytics-orders',
      label: 'Looks like a WooCommerce Analytics orders report',
    });
    expect(outcome.preview?.mapping?.columns).toEqual({
      order_id: 'Order #',
      product_id: 'Product',
      product_name: 'Product',
      quantity: 'Quantity',
      customer_id: 'Customer',
      ordered_at: 'Date',
      status: 'Status',
    });
    const report = reportOf(outcome);
    expect(report).toMatchObject({ rowsRead: 11, rowsImported: 11, rowsRejected: 0 });
    expect(report.warnings).toMatchObject({
      packed_rows: 3,
      skipped_rows: 1,
      cancelled_in_shop: 3,
      cancelled_order_lines: 3,
      missing_customer: 1,
    });
    expect(report.notes.find((note) => note.kind === 'skipped_rows')?.message).toBe(
      '1 row was left out (orders that list no products).',
    );
    expect(report.written).toMatchObject({ orders: 8, orderLines: 11, customers: 6, products: 7 });
    expect(report.reach).toEqual({ customers: 6, email: 0, sms: 0 });
    expect(standingBaskets(db)).toBe(5);
  });

  test('quantities are read from the cell, and a product name with a comma stays whole', () => {
    expect(
      rows(db, "SELECT product_id, quantity FROM order_lines WHERE order_id IN ('2041', '2046') ORDER BY line_id"),
    ).toEqual([
      { product_id: 'Stoneware Mug - Blue', quantity: 2 },
      { product_id: 'Earl Grey Loose Leaf 100g', quantity: 1 },
      { product_id: 'Stoneware Mug - Red', quantity: 1 },
      { product_id: 'Teapot, glazed (large)', quantity: 1 },
    ]);
    // The report names customers by name only.
    expect(value(db, "SELECT count(*) FROM orders WHERE customer_id = 'Alice Nguyen'")).toBe(2);
  });
});

test('the packed-cell splitter reads quantities, keeps commas inside names, and reads a bare name as one', () => {
  expect(splitPackedItems('2× Mug, 1× Tea')).toEqual([
    { quantity: '2', name: 'Mug' },
    { quantity: '1', name: 'Tea' },
  ]);
  expect(splitPackedItems('1× Teapot, glazed (large), 3×Card')).toEqual([
    { quantity: '1', name: 'Teapot, glazed (large)' },
    { quantity: '3', name: 'Card' },
  ]);
  expect(splitPackedItems('Gift wrap')).toEqual([{ quantity: '1', name: 'Gift wrap' }]);
  expect(splitPackedItems('  ')).toEqual([]);
});

test('the Analytics customers and orders reports, imported together, name the same customers', async () => {
  const { db, outcomes } = await importFixtures(
    'woocommerce-analytics-customers.csv',
    'woocommerce-analytics-orders.csv',
  );
  const [customers, orders] = outcomes;
  expect(customers.preview?.layout).toEqual({
    id: 'woocommerce-analytics-customers',
    label: 'Looks like a WooCommerce Analytics customers report',
  });
  expect(customers.preview?.mapping?.columns).toEqual({
    customer_id: 'Name or email',
    email: 'Email',
    country: 'Country / Region',
    signup_at: 'Sign Up',
  });
  expect(reportOf(customers)).toMatchObject({ rowsRead: 7, rowsImported: 7, rowsRejected: 0 });
  // The orders add no customer: each one they name is in the customers report.
  expect(reportOf(orders).written).toMatchObject({ orders: 8, orderLines: 11, customers: 0, products: 7 });
  expect(reportOf(orders).reach).toEqual({ customers: 7, email: 0, sms: 0 });
  expect(rows(db, 'SELECT customer_id, email, signup_at FROM customers ORDER BY rowid LIMIT 2')).toEqual([
    { customer_id: 'Alice Nguyen', email: 'alice@example.com', signup_at: '2024-03-05T10:22:13' },
    { customer_id: 'Bob Okafor', email: 'bob@example.com', signup_at: null },
  ]);
  // Without a name, the email address is the key.
  expect(value(db, "SELECT count(*) FROM customers WHERE customer_id = 'hana@example.com'")).toBe(1);
  db.close();
});
