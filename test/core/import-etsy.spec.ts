import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadBaskets } from '../../src/core/analysis/combinations/baskets';
import { describeReach } from '../../src/core/import/reach';
import { fixture, rows, value } from '../support/import-helpers';
import { emptyWorkspace, importedOnce, importFixture, reportOf } from '../support/layout-import';

// Etsy's two downloads, sold order items and sold orders, imported with no choices, alone and together.
test.describe.configure({ mode: 'serial' });

const ITEMS = 'etsy-sold-order-items.csv';
const ORDERS = 'etsy-sold-orders.csv';
const shop = importedOnce(ITEMS);

test('the order items file is recognised, and its month-first dates need no question even when every day is 12 or less', () => {
  expect(shop.outcome.preview?.layout).toEqual({
    id: 'etsy-order-items',
    label: 'Looks like an Etsy sold order items export',
  });
  expect(shop.outcome.preview?.dateColumns[0].guess.ambiguous).toBe(true);
  expect(shop.outcome.preview?.mapping).toMatchObject({
    kind: 'order_lines_flat',
    layout: 'etsy-order-items',
    dayMonthOrder: 'mdy',
    columns: {
      order_id: 'Order ID',
      product_id: 'SKU',
      product_name: 'Item Name',
      quantity: 'Quantity',
      unit_price: 'Price',
      customer_id: 'Buyer',
      ordered_at: 'Sale Date',
      country: 'Ship Country',
    },
  });
});

test('orders, lines, customers and products come out exact', () => {
  const report = reportOf(shop.outcome);
  expect(report.rowsRead).toBe(8);
  expect(report.rowsRejected).toBe(0);
  expect(report.written).toMatchObject({ orders: 6, orderLines: 8, customers: 4, products: 5 });
  expect(rows(shop.db, 'SELECT order_id, customer_id, ordered_at FROM orders ORDER BY order_id')).toEqual([
    { order_id: '3007', customer_id: 'jun_w', ordered_at: '2025-06-01T00:00:00' },
    { order_id: '3008', customer_id: 'oliverk', ordered_at: '2025-06-02T00:00:00' },
    { order_id: '3009', customer_id: 'pat.h', ordered_at: '2025-06-09T00:00:00' },
    { order_id: '3010', customer_id: 'mia_reads', ordered_at: '2025-06-10T00:00:00' },
    { order_id: '3011', customer_id: 'oliverk', ordered_at: '2025-06-11T00:00:00' },
    { order_id: '3012', customer_id: 'mia_reads', ordered_at: '2025-06-12T00:00:00' },
  ]);
});

test('an item is its SKU (named with its variations), else its listing; HTML in names is read back as text; personalisation is not a product', () => {
  expect(rows(shop.db, 'SELECT product_id, name FROM products ORDER BY product_id')).toEqual([
    { product_id: '1456002', name: 'Fern Bookmark' },
    { product_id: 'BOT-A3', name: 'Botanical Print A3 (Frame:Oak, Size:A3)' },
    { product_id: 'BOT-A4', name: 'Botanical Print A4' },
    { product_id: 'CARD-FOX', name: 'Fox & Moon Card (Style:Matte)' },
    { product_id: 'STK-5', name: '"Wild" Sticker Pack' },
  ]);
  const report = reportOf(shop.outcome);
  expect(report.warnings.product_name_conflicts).toBeUndefined();
  const extra = JSON.parse(
    String(value(shop.db, "SELECT extra FROM order_lines WHERE order_id = '3012' AND product_id = '1456002'")),
  ) as Record<string, string>;
  expect(extra.Variations).toBe('Colour:Green,Personalization:For Mia&#39;s mum,\nwith love');
});

test('nobody can be reached: Etsy exports carry no marketing consent', () => {
  const report = reportOf(shop.outcome);
  expect(report.reach).toEqual({ customers: 4, email: 0, sms: 0 });
  expect(describeReach(report.reach)).toMatch(/so nobody can be sent a message yet/);
});

test('the orders file is recognised and links to the same customers, adding what only it knows', async () => {
  const orders = await importFixture(shop.db, ORDERS);
  expect(orders.preview?.layout).toEqual({ id: 'etsy-orders', label: 'Looks like an Etsy sold orders export' });
  expect(orders.preview?.mapping).toMatchObject({
    kind: 'orders',
    layout: 'etsy-orders',
    dayMonthOrder: 'mdy',
    columns: { order_id: 'Order ID', customer_id: 'Buyer', ordered_at: 'Sale Date', status: 'Status' },
  });
  expect(orders.ok).toBe(true);
  if (!orders.ok) return;
  expect(orders.report.rowsRejected).toBe(0);
  expect(orders.report.written).toMatchObject({ orders: 6, customers: 0 });
  expect(value(shop.db, 'SELECT count(*) FROM orders')).toBe(6);
  expect(value(shop.db, 'SELECT count(*) FROM customers')).toBe(4);
  expect(
    value(
      shop.db,
      'SELECT count(*) FROM orders o LEFT JOIN customers c USING (customer_id) WHERE c.customer_id IS NULL',
    ),
  ).toBe(0);
  const extra = JSON.parse(String(value(shop.db, "SELECT extra FROM orders WHERE order_id = '3009'"))) as Record<
    string,
    string
  >;
  expect(extra['Buyer User ID']).toBe('600127455');
  expect(extra['Full Name']).toBe('Hart, Pat');
  // The cancelled order forms no basket.
  expect(value(shop.db, "SELECT status FROM orders WHERE order_id = '3009'")).toBe('Canceled');
  expect(loadBaskets(shop.db, { level: 'product', basket: { kind: 'order' } }).baskets.count).toBe(5);
  expect(orders.report.reach).toEqual({ customers: 4, email: 0, sms: 0 });
});

test('the two files link in either order', async () => {
  const fresh = await emptyWorkspace();
  const orders = await importFixture(fresh, ORDERS);
  expect(orders.ok).toBe(true);
  // An orders list counts the customers it names; Etsy gives no consent, so none of them can be reached.
  if (orders.ok) expect(orders.report.reach).toEqual({ customers: 4, email: 0, sms: 0 });
  const lines = await importFixture(fresh, ITEMS);
  expect(lines.ok).toBe(true);
  if (!lines.ok) return;
  expect(lines.report.rowsRejected).toBe(0);
  expect(value(fresh, 'SELECT count(*) FROM orders')).toBe(6);
  expect(value(fresh, 'SELECT count(*) FROM order_lines')).toBe(8);
  expect(value(fresh, 'SELECT count(*) FROM customers')).toBe(4);
  const extra = JSON.parse(String(value(fresh, "SELECT extra FROM orders WHERE order_id = '3009'"))) as Record<
    string,
    string
  >;
  expect(extra).toMatchObject({ 'Buyer User ID': '600127455', country: 'France' });
  expect(value(fresh, "SELECT status FROM orders WHERE order_id = '3009'")).toBe('Canceled');
  fresh.close();
});

test('a copy saved by a day-first spreadsheet is read day first, as its dates prove', async () => {
  const fresh = await emptyWorkspace();
  const text = readFileSync(fixture(ITEMS), 'utf8')
    .replace(/\b06\/12\/25\b/g, '13/06/2025')
    .replace(/\b(\d\d)\/(\d\d)\/25\b/g, '$2/$1/2025');
  const run = await importFixture(fresh, ITEMS, {}, text);
  expect(run.ok).toBe(true);
  if (!run.ok) return;
  expect(run.report.mapping.dayMonthOrder).toBe('dmy');
  expect(run.report.rowsRejected).toBe(0);
  expect(
    rows(fresh, "SELECT order_id, ordered_at FROM orders WHERE order_id IN ('3007', '3012') ORDER BY order_id"),
  ).toEqual([
    { order_id: '3007', ordered_at: '2025-06-01T00:00:00' },
    { order_id: '3012', ordered_at: '2025-06-13T00:00:00' },
  ]);
  fresh.close();
});

test('buyers written as "Full Name (username)" in the items and by full name in the orders are one customer each, by username', async () => {
  const fresh = await emptyWorkspace();
  const items = await importFixture(fresh, 'etsy-buyer-names-order-items.csv');
  expect(items.ok).toBe(true);
  if (!items.ok) return;
  expect(items.report.rowsRejected).toBe(0);
  expect(items.report.written).toMatchObject({ orders: 6, orderLines: 7, customers: 4, products: 3 });
  // A guest checkout leaves Buyer blank in the items file.
  expect(items.report.warnings.missing_customer).toBe(1);
  const orders = await importFixture(fresh, 'etsy-buyer-names-orders.csv');
  expect(orders.ok).toBe(true);
  if (!orders.ok) return;
  expect(orders.report.rowsRejected).toBe(0);
  expect(orders.report.written).toMatchObject({ orders: 6, customers: 1 });
  // Two buyers named Alex Reed stay two; the guest is known by the name the orders file gives.
  expect(rows(fresh, 'SELECT order_id, customer_id FROM orders ORDER BY order_id')).toEqual([
    { order_id: '4101', customer_id: 'rosa_makes' },
    { order_id: '4102', customer_id: 'Dan Brook' },
    { order_id: '4103', customer_id: 'rosa_makes' },
    { order_id: '4104', customer_id: 'tkato22' },
    { order_id: '4105', customer_id: 'alexr' },
    { order_id: '4106', customer_id: 'alex_reed_art' },
  ]);
  expect(value(fresh, 'SELECT count(*) FROM customers')).toBe(5);
  fresh.close();
});
