import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadBaskets } from '../../src/core/analysis/combinations/baskets';
import type { FileImportOutcome } from '../../src/core/import/import-file';
import { detectLayout } from '../../src/core/import/layouts';
import { previewImport } from '../../src/core/import/preview';
import { describeReach } from '../../src/core/import/reach';
import { bytesSource } from '../../src/core/import/source';
import type { Database } from '../../src/core/store/sqlite';
import { fixture, rows, value } from '../support/import-helpers';
import { emptyWorkspace, importFixture } from '../support/layout-import';

// A Squarespace orders export: laid out like Shopify's, and recognised as itself.
test.describe.configure({ mode: 'serial' });

const SQUARESPACE = 'squarespace-orders.csv';
let db: Database;
let outcome: FileImportOutcome;

test.beforeAll(async () => {
  db = await emptyWorkspace('Planter Shop');
  outcome = await importFixture(db, SQUARESPACE);
  if (!outcome.ok) throw new Error(outcome.failure.message);
});

test.afterAll(() => db?.close());

test('a Squarespace export is recognised as Squarespace, and a Shopify export still as Shopify', async () => {
  expect(outcome.preview?.layout).toEqual({
    id: 'squarespace-orders',
    label: 'Looks like a Squarespace orders export',
  });
  expect(outcome.preview?.mapping).toMatchObject({
    kind: 'order_lines_flat',
    layout: 'squarespace-orders',
    columns: {
      order_id: 'Order ID',
      product_id: 'Lineitem sku',
      product_name: 'Lineitem name',
      quantity: 'Lineitem quantity',
      unit_price: 'Lineitem price',
      customer_id: 'Email',
      ordered_at: 'Created at',
      status: 'Financial Status',
      country: 'Billing Country',
    },
  });
  const shopify = await previewImport(bytesSource('shopify-orders.csv', readFileSync(fixture('shopify-orders.csv'))));
  expect(shopify.ok && shopify.value.layout?.id).toBe('shopify-orders');
  // Each is told apart by its order column alone.
  const squarespaceHeaders = outcome.preview?.headers ?? [];
  expect(detectLayout(squarespaceHeaders.map((name) => (name === 'Order ID' ? 'Name' : name)))?.id).toBe(
    'shopify-orders',
  );
});

test('every line is imported, and orders, customers and products come out exact', () => {
  if (!outcome.ok) return;
  const { report } = outcome;
  expect(report.rowsRead).toBe(9);
  expect(report.rowsImported).toBe(9);
  expect(report.rowsRejected).toBe(0);
  expect(report.written).toMatchObject({ orders: 6, orderLines: 9, customers: 4, products: 5 });
  expect(value(db, 'SELECT count(*) FROM customers')).toBe(4);
  expect(rows(db, 'SELECT product_id, name FROM products ORDER BY product_id')).toEqual([
    { product_id: 'Brass Watering Can', name: 'Brass Watering Can' },
    { product_id: 'SQ4471023', name: 'Ceramic Planter (Small / Sage)' },
    { product_id: 'SQ4471031', name: 'Ceramic Planter (Large / Clay)' },
    { product_id: 'SQ5510042', name: 'Hanging Planter' },
    { product_id: 'SQ9920147', name: 'Succulent Trio' },
  ]);
});

test('order details come from each order’s first row; customers are known by their email in any case', () => {
  expect(rows(db, 'SELECT order_id, customer_id, ordered_at, status FROM orders ORDER BY order_id')).toEqual([
    { order_id: '1021', customer_id: 'sam@example.org', ordered_at: '2025-06-02T07:05:10', status: 'PAID' },
    { order_id: '1022', customer_id: 'nora@example.com', ordered_at: '2025-06-05T20:15:42', status: 'PAID' },
    { order_id: '1023', customer_id: 'leo@example.com', ordered_at: '2025-06-09T08:45:33', status: 'cancelled' },
    { order_id: '1024', customer_id: 'maya@example.com', ordered_at: '2025-06-10T14:12:09', status: 'cancelled' },
    { order_id: '1025', customer_id: 'leo@example.com', ordered_at: '2025-06-11T09:30:00', status: 'PAID' },
    { order_id: '1026', customer_id: 'nora@example.com', ordered_at: '2025-06-12T18:04:51', status: 'PAID' },
  ]);
  const notes = JSON.parse(
    String(value(db, "SELECT extra FROM order_lines WHERE order_id = '1026' ORDER BY line_id LIMIT 1")),
  ) as Record<string, string>;
  expect(notes['Private Notes']).toBe('Leave by the gate.\nThe dog is friendly!');
});

test('cancelled and refunded orders are kept but form no basket', () => {
  if (!outcome.ok) return;
  expect(outcome.report.warnings).toMatchObject({ cancelled_in_shop: 2, cancelled_order_lines: 3 });
  expect(loadBaskets(db, { level: 'product', basket: { kind: 'order' } }).baskets.count).toBe(4);
});

test('nobody can be reached: the export holds no marketing consent', () => {
  if (!outcome.ok) return;
  expect(outcome.report.reach).toEqual({ customers: 4, email: 0, sms: 0 });
  expect(describeReach(outcome.report.reach)).toMatch(/so nobody can be sent a message yet/);
});
