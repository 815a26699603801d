import { expect, test } from '@playwright/test';
import { loadBaskets } from '../../src/core/analysis/combinations/baskets';
import type { FileImportOutcome } from '../../src/core/import/import-file';
import { describeReach } from '../../src/core/import/reach';
import type { Database } from '../../src/core/store/sqlite';
import { rows, value } from '../support/import-helpers';
import { emptyWorkspace, importFixture } from '../support/layout-import';

// A Wix Stores orders export, imported with no choices at all.
test.describe.configure({ mode: 'serial' });

const WIX = 'wix-orders.csv';
let db: Database;
let outcome: FileImportOutcome;

test.beforeAll(async () => {
  db = await emptyWorkspace('Linen & Light');
  outcome = await importFixture(db, WIX);
  if (!outcome.ok) throw new Error(outcome.failure.message);
});

test.afterAll(() => db?.close());

test('the preview recognises the layout and proposes its own mapping', () => {
  expect(outcome.preview?.layout).toEqual({ id: 'wix-orders', label: 'Looks like a Wix Stores orders export' });
  expect(outcome.preview?.mapping).toMatchObject({
    kind: 'order_lines_flat',
    layout: 'wix-orders',
    columns: {
      order_id: 'Order number',
      product_id: 'SKU',
      product_name: 'Item',
      quantity: 'Qty',
      unit_price: 'Price',
      customer_id: 'Contact email',
      email: 'Contact email',
      ordered_at: 'Date created',
      status: 'Payment status',
      country: 'Billing country',
    },
  });
});

test('every row is imported, and orders, lines, customers and products come out exact', () => {
  if (!outcome.ok) return;
  const { report } = outcome;
  expect(report.rowsRead).toBe(8);
  expect(report.rowsImported).toBe(8);
  expect(report.rowsRejected).toBe(0);
  expect(report.written).toMatchObject({ orders: 5, orderLines: 8, customers: 3, products: 4 });
  expect(value(db, 'SELECT count(*) FROM customers')).toBe(3);
  expect(rows(db, 'SELECT product_id, name FROM products ORDER BY product_id')).toEqual([
    { product_id: 'Beeswax Candle', name: 'Beeswax Candle' },
    { product_id: 'LN-NAP-OT4', name: 'Linen Napkins (Color:Oat | Size:Set of 4)' },
    { product_id: 'LN-NAP-SG4', name: 'Linen Napkins (Color:Sage | Size:Set of 4)' },
    { product_id: 'TR-150', name: 'Table Runner' },
  ]);
});

test('dates written "Jan 9, 2025" with a 12-hour time are read on the shop’s clock, noon and midnight included', () => {
  expect(rows(db, 'SELECT order_id, customer_id, ordered_at, status FROM orders ORDER BY order_id')).toEqual([
    { order_id: '10042', customer_id: 'ben@example.com', ordered_at: '2024-12-28T00:05:00', status: 'Paid' },
    { order_id: '10043', customer_id: 'cleo@example.org', ordered_at: '2024-12-30T23:59:59', status: 'cancelled' },
    { order_id: '10044', customer_id: 'ava.lind@example.com', ordered_at: '2025-01-05T12:30:45', status: 'Paid' },
    { order_id: '10045', customer_id: 'ben@example.com', ordered_at: '2025-01-07T09:05:00', status: 'cancelled' },
    {
      order_id: '10046',
      customer_id: 'ava.lind@example.com',
      ordered_at: '2025-01-09T18:42:17',
      status: 'Partially refunded',
    },
  ]);
});

test('phone numbers and postal codes lose the quotes that kept them as text; notes keep their lines', () => {
  const extra = JSON.parse(
    String(value(db, "SELECT extra FROM order_lines WHERE order_id = '10046' ORDER BY line_id LIMIT 1")),
  ) as Record<string, string>;
  expect(extra['Billing phone']).toBe('0701234567');
  expect(extra['Delivery zip/postal code']).toBe('11646');
  expect(extra['Note from customer']).toBe('Gift for my sister,\nplease leave out the receipt');
});

test('a line counts what the customer kept: the quantity refunded is taken off, and stays with the line', () => {
  expect(
    rows(db, "SELECT product_id, quantity, extra FROM order_lines WHERE order_id = '10046' ORDER BY line_id").map(
      (line) => ({ ...line, extra: (JSON.parse(String(line.extra)) as Record<string, string>)['Quantity refunded'] }),
    ),
  ).toEqual([
    { product_id: 'LN-NAP-SG4', quantity: 1, extra: '0' },
    { product_id: 'Beeswax Candle', quantity: 1, extra: '1' },
  ]);
});

test('cancelled and refunded orders are kept but form no basket', () => {
  if (!outcome.ok) return;
  expect(outcome.report.warnings).toMatchObject({ cancelled_in_shop: 2, cancelled_order_lines: 3 });
  expect(loadBaskets(db, { level: 'product', basket: { kind: 'order' } }).baskets.count).toBe(3);
});

test('nobody can be reached: the export holds no marketing consent', () => {
  if (!outcome.ok) return;
  expect(outcome.report.reach).toEqual({ customers: 3, email: 0, sms: 0 });
  expect(describeReach(outcome.report.reach)).toMatch(/so nobody can be sent a message yet/);
});
