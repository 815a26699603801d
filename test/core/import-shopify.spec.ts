import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { loadBaskets } from '../../src/core/analysis/combinations/baskets';
import { createEngine } from '../../src/engine/engine';
import { importFile, type FileImportOutcome } from '../../src/core/import/import-file';
import { previewImport } from '../../src/core/import/preview';
import { bytesSource } from '../../src/core/import/source';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import type { Database } from '../../src/core/store/sqlite';
import { join } from 'node:path';
import { cli } from '../support/cli-process';
import { fixture, ONLINE_RETAIL, rows, value } from '../support/import-helpers';
import { scratchDir } from '../support/workspace-fixtures';

// A Shopify orders export, imported with no choices at all.
test.describe.configure({ mode: 'serial' });

const SHOPIFY = 'shopify-orders.csv';
let db: Database;
let outcome: FileImportOutcome;

const shopifyText = () => readFileSync(fixture(SHOPIFY), 'utf8');
const source = (text: string) => bytesSource(SHOPIFY, new TextEncoder().encode(text));

async function importInto(text: string, choices: Parameters<typeof importFile>[2] = {}) {
  const fresh = createWorkspaceDb(await loadSqlJs(), 'Shopify shop');
  return { db: fresh, outcome: await importFile(fresh, source(text), choices) };
}

test.beforeAll(async () => {
  const SQL = await loadSqlJs();
  db = createWorkspaceDb(SQL, 'Shopify shop');
  outcome = await importFile(db, bytesSource(SHOPIFY, readFileSync(fixture(SHOPIFY))));
  if (!outcome.ok) throw new Error(outcome.failure.message);
});

test.afterAll(() => db?.close());

test('the preview recognises the layout and proposes its own mapping', async () => {
  expect(outcome.preview?.layout).toEqual({ id: 'shopify-orders', label: 'Looks like a Shopify orders export' });
  expect(outcome.preview?.detectedKind).toBe('order_lines_flat');
  expect(outcome.preview?.mapping).toMatchObject({
    kind: 'order_lines_flat',
    layout: 'shopify-orders',
    columns: {
      order_id: 'Name',
      product_id: 'Lineitem sku',
      product_name: 'Lineitem name',
      quantity: 'Lineitem quantity',
      unit_price: 'Lineitem price',
      discount: 'Lineitem discount',
      customer_id: 'Email or phone',
      email: 'Email',
      ordered_at: 'Created at',
      status: 'Financial Status',
      channel: 'Source',
      country: 'Billing Country',
      email_opt_in: 'Accepts Marketing',
    },
  });
});

test('every line is imported, none rejected, and orders, customers and products come out exact', async () => {
  if (!outcome.ok) return;
  const { report } = outcome;
  expect(report.rowsRead).toBe(17);
  expect(report.rowsImported).toBe(17);
  expect(report.rowsRejected).toBe(0);
  expect(report.written).toMatchObject({ orders: 9, orderLines: 17, customers: 7, products: 6 });
  expect(value(db, 'SELECT count(*) FROM orders')).toBe(9);
  expect(value(db, 'SELECT count(*) FROM order_lines')).toBe(17);
  expect(value(db, 'SELECT count(*) FROM customers')).toBe(7);
  expect(value(db, 'SELECT count(*) FROM products WHERE is_product = 1')).toBe(5);
  // The tip is a line item without a SKU: kept, but not a product.
  expect(rows(db, 'SELECT product_id, is_product FROM products WHERE is_product = 0')).toEqual([
    { product_id: 'Tip', is_product: 0 },
  ]);
});

test('a blank SKU falls back to the line item name', async () => {
  expect(
    rows(db, "SELECT order_id, product_id, quantity, unit_price FROM order_lines WHERE order_id = '#1002'"),
  ).toEqual([
    { order_id: '#1002', product_id: 'TEA-EG', quantity: 1, unit_price: 9.5 },
    { order_id: '#1002', product_id: 'Hand-painted Mug (custom name)', quantity: 1, unit_price: 32 },
  ]);
});

test('customers are known by their email, in any case, and a repeat customer is one customer', async () => {
  expect(
    rows(
      db,
      "SELECT order_id, customer_id FROM orders WHERE order_id IN ('#1001', '#1006', '#1009') ORDER BY order_id",
    ),
  ).toEqual([
    { order_id: '#1001', customer_id: 'alice@example.com' },
    { order_id: '#1006', customer_id: 'alice@example.com' },
    { order_id: '#1009', customer_id: null },
  ]);
  expect(value(db, "SELECT email FROM customers WHERE customer_id = 'bob@example.com'")).toBe('bob@example.com');
  expect(value(db, "SELECT country FROM customers WHERE customer_id = 'carol@example.org'")).toBe('DE');
});

test('Accepts Marketing becomes the email consent of the customer', async () => {
  expect(value(db, 'SELECT count(*) FROM customers WHERE email_opt_in = 1')).toBe(4);
  expect(rows(db, 'SELECT customer_id FROM customers WHERE email_opt_in = 0 ORDER BY customer_id')).toEqual([
    { customer_id: 'bob@example.com' },
    { customer_id: 'dan@example.com' },
    { customer_id: 'frank@example.com' },
  ]);
});

test("order dates keep the shop's clock as the export writes it (the offset is read, not applied), also on rows that leave the date blank", async () => {
  expect(rows(db, 'SELECT order_id, ordered_at FROM orders ORDER BY order_id')).toEqual([
    { order_id: '#1001', ordered_at: '2025-06-02T09:15:00' },
    { order_id: '#1002', ordered_at: '2025-06-03T23:30:00' },
    { order_id: '#1003', ordered_at: '2025-06-05T14:02:11' },
    { order_id: '#1004', ordered_at: '2025-06-06T10:00:00' },
    { order_id: '#1005', ordered_at: '2025-06-07T12:59:30' },
    { order_id: '#1006', ordered_at: '2025-06-09T07:30:12' },
    { order_id: '#1007', ordered_at: '2025-06-10T19:45:00' },
    { order_id: '#1008', ordered_at: '2025-06-11T08:05:40' },
    { order_id: '#1009', ordered_at: '2025-06-12T16:20:05' },
  ]);
  if (!outcome.ok) return;
  expect(outcome.report.warnings.order_conflicts).toBeUndefined();
});

test('cancelled, voided and refunded orders are kept but form no basket', async () => {
  expect(rows(db, 'SELECT order_id, status FROM orders ORDER BY order_id')).toEqual([
    { order_id: '#1001', status: 'paid' },
    { order_id: '#1002', status: 'paid' },
    { order_id: '#1003', status: 'paid' },
    { order_id: '#1004', status: 'cancelled' },
    { order_id: '#1005', status: 'cancelled' },
    { order_id: '#1006', status: 'paid' },
    { order_id: '#1007', status: 'partially_refunded' },
    { order_id: '#1008', status: 'cancelled' },
    { order_id: '#1009', status: 'paid' },
  ]);
  const baskets = loadBaskets(db, { level: 'product', basket: { kind: 'order' } });
  expect(baskets.baskets.count).toBe(6);
  if (!outcome.ok) return;
  expect(outcome.report.warnings).toMatchObject({ cancelled_in_shop: 3, cancelled_order_lines: 6 });
  expect(outcome.report.notes.find((note) => note.kind === 'cancelled_in_shop')?.message).toBe(
    '3 orders were cancelled, voided, refunded or never paid in the shop (1 cancelled, 1 refunded, 1 voided): kept and marked as cancelled, so they do not count as purchases.',
  );
});

test('later lines of an order are filled in from its first line, and the rest is kept as read', async () => {
  if (!outcome.ok) return;
  // Only the guest order at the till has no customer.
  expect(outcome.report.warnings.missing_customer).toBe(1);
  const extra = JSON.parse(
    String(value(db, "SELECT extra FROM order_lines WHERE order_id = '#1001' ORDER BY line_id LIMIT 1")),
  ) as Record<string, string>;
  expect(extra['Billing Zip']).toBe('02134');
  expect(extra['Billing Phone']).toBe('+16175550123');
  const notes = JSON.parse(
    String(value(db, "SELECT extra FROM order_lines WHERE order_id = '#1002' ORDER BY line_id LIMIT 1")),
  ) as Record<string, string>;
  expect(notes.Notes).toBe('Please gift wrap the mug.\nCard: "Happy birthday, Mia!"\nLeave at the side door.');
});

test('importing the same export again appends nothing and refuses every line as already there', async () => {
  const again = await importFile(db, bytesSource(SHOPIFY, readFileSync(fixture(SHOPIFY))));
  expect(again.ok).toBe(false);
  expect(again.report?.rejected).toEqual({ already_in_workspace: 17 });
  expect(value(db, 'SELECT count(*) FROM order_lines')).toBe(17);
});

test('an export that writes the email on the first line of an order only still knows the customer of every line', async () => {
  // Blank the email of the later lines of #1003 (its first line is the one with a Financial Status).
  const text = shopifyText().replace(/^#1003,carol@example\.org,,/gm, '#1003,,,');
  expect(text.match(/^#1003,,,/gm)).toHaveLength(2);
  const run = await importInto(text);
  expect(run.outcome.ok).toBe(true);
  if (!run.outcome.ok) return;
  expect(run.outcome.report.warnings.missing_customer).toBe(1);
  expect(value(run.db, "SELECT count(*) FROM customers WHERE customer_id = 'carol@example.org'")).toBe(1);
  expect(value(run.db, "SELECT email_opt_in FROM customers WHERE customer_id = 'carol@example.org'")).toBe(1);
  run.db.close();
});

test('choosing order lines, with or without the order details, uses the same layout', async () => {
  for (const kind of ['order_lines', 'order_lines_flat'] as const) {
    const run = await importInto(shopifyText(), { kind });
    expect(run.outcome.ok).toBe(true);
    if (!run.outcome.ok) continue;
    expect(run.outcome.report.mapping.layout).toBe('shopify-orders');
    expect(run.outcome.report.rowsRejected).toBe(0);
    expect(value(run.db, 'SELECT count(*) FROM order_lines')).toBe(17);
    run.db.close();
  }
});

test("a customer's consent is the answer on their latest order", async () => {
  // Alice opted out on her later order (#1006, written first in the file).
  const text = shopifyText().replace(/^(#1006,Alice@Example\.com,paid,[^,]*,[^,]*,[^,]*,)yes,/m, '$1no,');
  expect(text).not.toBe(shopifyText());
  const run = await importInto(text);
  expect(value(run.db, "SELECT email_opt_in FROM customers WHERE customer_id = 'alice@example.com'")).toBe(0);
  run.db.close();
});

test('a flat order-line file and the Online Retail data set are not taken for a Shopify export', async () => {
  for (const [name, bytes] of [
    ['order-lines.csv', readFileSync(fixture('order-lines.csv'))],
    ['online_retail.csv', readFileSync(ONLINE_RETAIL)],
  ] as const) {
    const preview = await previewImport(bytesSource(name, bytes));
    expect(preview.ok).toBe(true);
    if (!preview.ok) continue;
    expect(preview.value.layout).toBeNull();
    expect(preview.value.detectedKind).toBe('order_lines_flat');
    expect(preview.value.mapping?.layout).toBeUndefined();
    expect(preview.value.mapping?.columns).toEqual({
      order_id: 'InvoiceNo',
      product_id: 'StockCode',
      product_name: 'Description',
      quantity: 'Quantity',
      ordered_at: 'InvoiceDate',
      unit_price: 'UnitPrice',
      customer_id: 'CustomerID',
      country: 'Country',
    });
  }
});

test('the engine previews and imports the export with no choices', async () => {
  const engine = createEngine(await loadSqlJs());
  await engine.workspace.create('Shop');
  const bytes = new Uint8Array(readFileSync(fixture(SHOPIFY)));
  const preview = await engine.imports.preview(bytes, SHOPIFY);
  expect(preview.ok && preview.value.layout?.id).toBe('shopify-orders');
  const run = await engine.imports.run(bytes, SHOPIFY, {}, () => {});
  expect(run.ok).toBe(true);
  if (!run.ok) return;
  expect(run.report.rowsRejected).toBe(0);
  expect(run.summary.counts).toMatchObject({ orders: 9, order_lines: 17, customers: 7, products: 6 });
});

test('the command line names the layout it recognised, in words and in its JSON', async () => {
  const workspace = join(scratchDir('xsell-shopify-'), 'shop.xsell');
  const text = await cli('import', 'test/fixtures/import/shopify-orders.csv', '--workspace', workspace);
  expect(text.code).toBe(0);
  expect(text.stdout).toContain('Looks like a Shopify orders export: read with its built-in mapping');
  expect(text.stdout).toContain('17 rows read: 17 imported, 0 rejected');
  expect(text.stdout).toContain("Of the workspace's 7 customers, 4 agreed to email and 0 to text messages.");

  const again = await cli(
    'import',
    'test/fixtures/import/order-lines.csv',
    '--workspace',
    join(scratchDir('xsell-flat-'), 'flat.xsell'),
    '--json',
  );
  expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, layout: null, reach: { email: 0, sms: 0 } });
});

test('the report counts who can be reached per channel, and says so when nobody can', async () => {
  if (!outcome.ok) return;
  expect(outcome.report.reach).toEqual({ customers: 7, email: 4, sms: 0 });
  const flat = await cli(
    'import',
    'test/fixtures/import/order-lines.csv',
    '--workspace',
    join(scratchDir('xsell-flat-'), 'f.xsell'),
  );
  expect(flat.stdout).toMatch(/agreed to email and 0 to text messages, so nobody can be sent a message yet/);
});

test('an abandoned checkouts export (the same columns, no payment status) makes no purchase but keeps its customers and consent', async () => {
  const fresh = createWorkspaceDb(await loadSqlJs(), 'Shopify shop');
  const name = 'shopify-abandoned-checkouts.csv';
  const run = await importFile(fresh, bytesSource(name, readFileSync(fixture(name))));
  if (!run.ok) throw new Error(run.failure.message);
  expect(run.preview?.layout?.id).toBe('shopify-orders');
  expect(run.report.rowsRejected).toBe(0);
  expect(run.report.written).toMatchObject({ orders: 3, orderLines: 5, customers: 3, products: 3 });
  expect(run.report.warnings).toMatchObject({ cancelled_in_shop: 3, cancelled_order_lines: 5 });
  expect(run.report.notes.find((note) => note.kind === 'cancelled_in_shop')?.message).toBe(
    '3 orders were cancelled, voided, refunded or never paid in the shop (3 unpaid): kept and marked as cancelled, so they do not count as purchases.',
  );
  expect(value(fresh, "SELECT count(*) FROM orders WHERE status = 'cancelled'")).toBe(3);
  expect(() => loadBaskets(fresh, { level: 'product', basket: { kind: 'order' } })).toThrow(
    /None of the orders holds a product to combine/,
  );
  expect(run.report.reach).toEqual({ customers: 3, email: 2, sms: 0 });
  fresh.close();
});
