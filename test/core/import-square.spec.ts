import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadBaskets } from '../../src/core/analysis/combinations/baskets';
import type { FileImportOutcome } from '../../src/core/import/import-file';
import { describeReach } from '../../src/core/import/reach';
import type { Database } from '../../src/core/store/sqlite';
import { join } from 'node:path';
import { cli } from '../support/cli-process';
import { fixture, rows, value } from '../support/import-helpers';
import { scratchDir } from '../support/workspace-fixtures';
import { emptyWorkspace, importFixture } from '../support/layout-import';

// A Square item sales export, imported with no choices at all.
test.describe.configure({ mode: 'serial' });

const SQUARE = 'square-item-sales.csv';
let db: Database;
let outcome: FileImportOutcome;

test.beforeAll(async () => {
  db = await emptyWorkspace('Corner Bakery');
  outcome = await importFixture(db, SQUARE);
  if (!outcome.ok) throw new Error(outcome.failure.message);
});

test.afterAll(() => db?.close());

test('the preview recognises the layout and proposes its own mapping', () => {
  expect(outcome.preview?.layout).toEqual({ id: 'square-item-sales', label: 'Looks like a Square item sales export' });
  expect(outcome.preview?.bom).toBe(true);
  expect(outcome.preview?.mapping).toMatchObject({
    kind: 'order_lines_flat',
    layout: 'square-item-sales',
    columns: {
      order_id: 'Transaction ID',
      product_id: 'SKU',
      product_name: 'Item',
      quantity: 'Qty',
      unit_price: 'Gross Sales',
      discount: 'Discounts',
      customer_id: 'Customer ID',
      ordered_at: 'Date',
      channel: 'Channel',
    },
  });
});

test('every row is imported; refunds join the sale they refund, so orders, customers and products come out exact', () => {
  if (!outcome.ok) return;
  const { report } = outcome;
  expect(report.rowsRead).toBe(14);
  expect(report.rowsImported).toBe(14);
  expect(report.rowsRejected).toBe(0);
  expect(report.written).toMatchObject({ orders: 6, orderLines: 14, customers: 3, products: 6 });
  expect(value(db, 'SELECT count(*) FROM orders')).toBe(6);
  expect(value(db, 'SELECT count(*) FROM order_lines')).toBe(14);
  expect(value(db, 'SELECT count(*) FROM customers')).toBe(3);
  expect(value(db, 'SELECT count(*) FROM products WHERE is_product = 1')).toBe(4);
  expect(rows(db, 'SELECT product_id FROM products WHERE is_product = 0 ORDER BY product_id')).toEqual([
    { product_id: 'Custom Amount' },
    { product_id: 'Gift Card' },
  ]);
});

test('an item without a SKU is known by its name and price point', () => {
  expect(rows(db, 'SELECT product_id, name FROM products WHERE is_product = 1 ORDER BY product_id')).toEqual([
    { product_id: 'BRD-SOUR', name: 'Sourdough Loaf' },
    { product_id: 'Latte', name: 'Latte' },
    { product_id: 'Latte (Large)', name: 'Latte (Large)' },
    { product_id: 'PST-CRO', name: 'Croissant' },
  ]);
});

test('dates join the Date and Time columns on the shop’s clock; walk-ins have no customer', () => {
  expect(rows(db, 'SELECT order_id, customer_id, ordered_at FROM orders ORDER BY ordered_at')).toEqual([
    { order_id: 'tx1Lf5VoO8sXcZY', customer_id: 'C4LICE7Q2M9RZ0', ordered_at: '2025-06-09T15:20:00' },
    { order_id: 'tx2Ke6UpP9tYdZY', customer_id: null, ordered_at: '2025-06-10T07:55:10' },
    { order_id: 'tx3JmR8vYw2KqZY', customer_id: 'C4LICE7Q2M9RZ0', ordered_at: '2025-06-11T08:02:33' },
    { order_id: 'tx4Gd7TsQ1uWeZY', customer_id: 'C4R0L5H8D2F6GK', ordered_at: '2025-06-12T11:30:05' },
    { order_id: 'tx5Pq9LmX3vBnZY', customer_id: 'B0B8K3J6N1V5TX', ordered_at: '2025-06-13T17:45:00' },
    { order_id: 'tx6Hc2WbN0aLpZY', customer_id: null, ordered_at: '2025-06-14T09:12:40' },
  ]);
  if (!outcome.ok) return;
  expect(outcome.report.warnings.order_conflicts).toBeUndefined();
});

test('money written as $4.50, -$0.45 and ($0.80) is read, and the unit price is the gross amount per item', () => {
  expect(
    rows(
      db,
      "SELECT product_id, quantity, unit_price, discount FROM order_lines WHERE order_id IN ('tx1Lf5VoO8sXcZY', 'tx3JmR8vYw2KqZY', 'tx5Pq9LmX3vBnZY') ORDER BY order_id, line_id",
    ),
  ).toEqual([
    { product_id: 'BRD-SOUR', quantity: 1, unit_price: 8, discount: 0 },
    { product_id: 'PST-CRO', quantity: 3, unit_price: 3.5, discount: 0 },
    { product_id: 'PST-CRO', quantity: -1, unit_price: 3.5, discount: 0 },
    { product_id: 'PST-CRO', quantity: 1, unit_price: 3.5, discount: 0 },
    { product_id: 'Latte', quantity: 1, unit_price: 4.5, discount: 0.45 },
    { product_id: 'BRD-SOUR', quantity: 1, unit_price: 8, discount: 0.8 },
    { product_id: 'Custom Amount', quantity: 1, unit_price: 5, discount: 0 },
  ]);
  const extra = JSON.parse(
    String(value(db, "SELECT extra FROM order_lines WHERE order_id = 'tx5Pq9LmX3vBnZY' ORDER BY line_id LIMIT 1")),
  ) as Record<string, string>;
  expect(extra.Notes).toBe('Birthday order\nPick up at 5pm, ask for "Sam"');
  expect(extra['Time Zone']).toBe('Eastern Time (US & Canada)');
});

test('refunds never count as purchases and leave no order of their own', () => {
  if (!outcome.ok) return;
  // The refund of a croissant bought in this file is a return of that sale, linked to it.
  expect(outcome.report.warnings.returns).toBe(2);
  expect(value(db, 'SELECT count(*) FROM order_lines WHERE quantity < 0 AND reverses_line IS NOT NULL')).toBe(1);
  // The refund of a sale made before the export began keeps its line, but makes no order and no customer.
  expect(value(db, "SELECT count(*) FROM orders WHERE order_id = 'tx0Mg4WnN7rVbZY'")).toBe(0);
  expect(value(db, "SELECT quantity FROM order_lines WHERE order_id = 'tx0Mg4WnN7rVbZY'")).toBe(-1);
  expect(value(db, "SELECT count(*) FROM customers WHERE customer_id = 'D4NOK2F8R3Z1QP'")).toBe(0);
  // Six baskets, walk-ins' included; no refund line in any of them.
  const baskets = loadBaskets(db, { level: 'product', basket: { kind: 'order' } });
  expect(baskets.baskets.count).toBe(6);
});

test('nobody can be reached: a till export carries no marketing consent', () => {
  if (!outcome.ok) return;
  expect(outcome.report.reach).toEqual({ customers: 3, email: 0, sms: 0 });
  expect(describeReach(outcome.report.reach)).toMatch(/so nobody can be sent a message yet/);
});

test('a spreadsheet-saved copy with month-first dates and 12-hour times still reads', async () => {
  const fresh = await emptyWorkspace();
  const text = readFileSync(fixture(SQUARE), 'utf8')
    .replace(/^(\uFEFF?)2025-06-(\d\d),15:20:00,/gm, '$16/$2/2025,3:20:00 PM,')
    .replace(/^(\uFEFF?)2025-06-(\d\d),(\d\d:\d\d:\d\d),/gm, '$16/$2/2025,$3,');
  const run = await importFixture(fresh, SQUARE, {}, text);
  expect(run.ok).toBe(true);
  if (!run.ok) return;
  expect(run.report.mapping.dayMonthOrder).toBe('mdy');
  expect(value(fresh, "SELECT ordered_at FROM orders WHERE order_id = 'tx1Lf5VoO8sXcZY'")).toBe('2025-06-09T15:20:00');
  fresh.close();
});

test('the command line names the layout, in words and in its JSON', async () => {
  const workspace = join(scratchDir('xsell-square-'), 'bakery.xsell');
  const text = await cli('import', `test/fixtures/import/${SQUARE}`, '--workspace', workspace);
  expect(text.code).toBe(0);
  expect(text.stdout).toContain('Looks like a Square item sales export: read with its built-in mapping');
  expect(text.stdout).toContain('14 rows read: 14 imported, 0 rejected');
  const json = await cli(
    'import',
    `test/fixtures/import/${SQUARE}`,
    '--workspace',
    join(scratchDir('xsell-square-'), 'b.xsell'),
    '--json',
  );
  expect(JSON.parse(json.stdout)).toMatchObject({
    ok: true,
    layout: { id: 'square-item-sales', label: 'Looks like a Square item sales export' },
    reach: { email: 0, sms: 0 },
  });
});
