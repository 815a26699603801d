import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { queryAll, type Database } from '../../src/core/store/sqlite';
import type { FileSetReport } from '../../src/core/import/set-report';
import { createEngine } from '../../src/engine/engine';
import type { EngineApi, PickedFile } from '../../src/shared/engine-api';
import { cli, fixture, tempDir } from '../support/import-helpers';
import { join } from 'node:path';

// Several files picked together: one set, one import, one undo.

const picked = (set: string): PickedFile[] =>
  readdirSync(fixture(set))
    .sort()
    .map((name) => ({ name, file: new Uint8Array(readFileSync(join(fixture(set), name))) }));

async function importSet(set: string, files = picked(set)) {
  const SQL = await loadSqlJs();
  const engine = createEngine(SQL);
  await engine.workspace.create('Shop');
  const outcome = await engine.imports.runSet(files, {});
  if (!outcome.ok) throw new Error(outcome.failure.message);
  const db: Database = new SQL.Database(await engine.workspace.toBytes());
  return { engine, report: outcome.report, db, SQL };
}

const counts = (db: Database) =>
  Object.fromEntries(
    ['customers', 'products', 'orders', 'order_lines'].map((table) => [
      table,
      queryAll<{ n: number }>(db, `SELECT count(*) AS n FROM ${table}`)[0].n,
    ]),
  );

const roles = (report: FileSetReport) => report.files.map((file) => [file.fileName, file.description]);

test.describe('an Olist-style set of nine files', () => {
  let engine: EngineApi;
  let report: FileSetReport;
  let db: Database;
  test.beforeAll(async () => ({ engine, report, db } = await importSet('olist-set')));

  test('each file gets its kind or the reason it is left out, in dependency order', () => {
    expect(roles(report)).toEqual([
      [
        'product_category_name_translation.csv',
        'names for the categories (product_category_name → product_category_name_english)',
      ],
      ['olist_products_dataset.csv', 'a product list'],
      ['olist_customers_dataset.csv', 'a customer list'],
      ['olist_orders_dataset.csv', 'a list of orders'],
      ['olist_order_items_dataset.csv', 'order lines'],
      ['olist_geolocation_dataset.csv', 'not used for cross-selling: geolocation (places on a map)'],
      ['olist_order_payments_dataset.csv', 'not used for cross-selling: payments (how orders were paid)'],
      [
        'olist_order_reviews_dataset.csv',
        'not used for cross-selling: reviews (what customers wrote about their orders)',
      ],
      ['olist_sellers_dataset.csv', 'not used for cross-selling: sellers (who sold the items)'],
    ]);
  });

  test('orders, lines, customers and products come in with no phantom orders from payments or reviews', () => {
    expect(counts(db)).toEqual({ customers: 9, products: 10, orders: 14, order_lines: 24 });
    expect(report.written).toEqual({ customers: 9, products: 10, orders: 14, orderLines: 24, events: 0, baskets: 0 });
    expect(report.rowsRejected).toBe(0);
  });

  test('orders are dated by their purchase time and belong to the person, so repeat buyers are seen', () => {
    const orders = queryAll<{ order_id: string; customer_id: string; ordered_at: string }>(
      db,
      "SELECT order_id, customer_id, ordered_at FROM orders WHERE order_id IN ('o01', 'o03', 'o09') ORDER BY order_id",
    );
    expect(orders).toEqual([
      { order_id: 'o01', customer_id: 'u01', ordered_at: '2017-10-02T10:56:33' },
      { order_id: 'o03', customer_id: 'u01', ordered_at: '2018-01-13T08:04:41' },
      { order_id: 'o09', customer_id: 'u01', ordered_at: '2018-06-24T12:00:01' },
    ]);
    const repeat = queryAll<{ n: number }>(
      db,
      'SELECT count(*) AS n FROM (SELECT customer_id FROM orders GROUP BY customer_id HAVING count(*) > 1)',
    );
    expect(repeat[0].n).toBe(2);
    const customers = report.files.find((file) => file.fileName === 'olist_customers_dataset.csv');
    expect(customers?.report?.notes.map((note) => note.message)).toEqual([
      '2 customers bought under more than one customer number of an order: each is one customer, so their repeat purchases are seen together, with the details of their last row.',
    ]);
  });

  test('categories are mapped and translated by the BOM + CRLF translation file', () => {
    const categories = queryAll<{ category: string | null; n: number }>(
      db,
      'SELECT category, count(*) AS n FROM products GROUP BY category ORDER BY category',
    );
    expect(categories).toEqual([
      { category: null, n: 3 },
      { category: 'bed_bath_table', n: 1 },
      { category: 'computers_accessories', n: 1 },
      { category: 'furniture_decor', n: 1 },
      { category: 'health_beauty', n: 2 },
      { category: 'sports_leisure', n: 2 },
    ]);
    expect(report.files[0]).toMatchObject({ role: 'lookup', lookupRows: 6, labelled: 7, hasHeader: true });
  });

  test('links that do not resolve are counted with examples', () => {
    expect(report.unresolved.map(({ link, missing, rows, examples }) => ({ link, missing, rows, examples }))).toEqual([
      { link: 'line_order', missing: 2, rows: 3, examples: ['ox1', 'ox2'] },
      { link: 'order_customer', missing: 2, rows: 2, examples: ['c98', 'c99'] },
      { link: 'line_product', missing: 2, rows: 3, examples: ['p90', 'p91'] },
    ]);
    expect(report.unresolved[0].message).toBe(
      '3 lines point to 2 orders that are not in olist_orders_dataset.csv: kept, without a customer or date.',
    );
  });

  test('the set is one import in the history, and undo empties the workspace again', async () => {
    const history = await engine.imports.history();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ kind: 'set', rowsImported: 58, undoable: true });
    expect(history[0].files).toHaveLength(9);
    const undone = await engine.imports.undoLast();
    expect(undone.ok).toBe(true);
    const after = new (await loadSqlJs()).Database(await engine.workspace.toBytes());
    expect(counts(after)).toEqual({ customers: 0, products: 0, orders: 0, order_lines: 0 });
    expect((await engine.imports.history())[0]).toMatchObject({ kind: 'set', undone: true, undoable: false });
  });
});

test.describe('an Instacart-style set', () => {
  let report: FileSetReport;
  let db: Database;
  test.beforeAll(async () => ({ report, db } = await importSet('instacart-set')));

  test('lookups name aisles and departments; orders without timestamps still import', () => {
    expect(roles(report)).toEqual([
      ['aisles.csv', 'names for the categories (aisle_id → aisle)'],
      ['departments.csv', 'names for the product families (department_id → department)'],
      ['products.csv', 'a product list'],
      ['orders.csv', 'a list of orders'],
      ['order_products__prior.csv', 'order lines'],
      ['order_products__train.csv', 'order lines'],
    ]);
    expect(counts(db)).toEqual({ customers: 6, products: 16, orders: 15, order_lines: 34 });
    const milk = queryAll(db, "SELECT name, category, family FROM products WHERE product_id = '27845'");
    expect(milk).toEqual([{ name: 'Organic Whole Milk', category: 'milk', family: 'dairy eggs' }]);
  });

  test('codes a lookup does not name, and lines pointing outside the set, are counted', () => {
    expect(report.unresolved.map(({ link, missing, rows, examples }) => ({ link, missing, rows, examples }))).toEqual([
      { link: 'product_label', missing: 1, rows: 1, examples: ['77'] },
      { link: 'line_order', missing: 1, rows: 1, examples: ['9999999'] },
      { link: 'line_product', missing: 1, rows: 1, examples: ['99999'] },
    ]);
  });
});

test('a later file adds its extra columns to a row and keeps those an earlier file wrote', async () => {
  const SQL = await loadSqlJs();
  const engine = createEngine(SQL);
  await engine.workspace.create('Shop');
  const csv = (text: string) => new TextEncoder().encode(text);
  await engine.imports.run(csv('customer_id,email,zip\nC1,a@example.com,01310\n'), 'first.csv', {});
  const second = await engine.imports.run(csv('customer_id,city\nC1,sao paulo\n'), 'second.csv', { mode: 'update' });
  expect(second.ok).toBe(true);
  const db = new SQL.Database(await engine.workspace.toBytes());
  const [row] = queryAll<{ email: string; extra: string }>(
    db,
    "SELECT email, extra FROM customers WHERE customer_id = 'C1'",
  );
  expect(row.email).toBe('a@example.com');
  expect(JSON.parse(row.extra)).toEqual({ zip: '01310', city: 'sao paulo' });
});

test('a first row of plain column names is read as the header, or declared so', async () => {
  const SQL = await loadSqlJs();
  const engine = createEngine(SQL);
  const translation = readFileSync(fixture('olist-set/product_category_name_translation.csv'));
  const seen = await engine.imports.preview(new Uint8Array(translation), 'translation.csv');
  expect(seen.ok && seen.value.format.hasHeader).toBe(true);
  const declared = await engine.imports.preview(csv2('Colour,Shade\nred,dark\n'), 'c.csv', { hasHeader: true });
  expect(declared.ok && declared.value.headers).toEqual(['Colour', 'Shade']);
});

const csv2 = (text: string) => new TextEncoder().encode(text);

test('the command line names the set, each file and the links; --json gives each file its kind', async () => {
  const dir = tempDir();
  const files = readdirSync(fixture('olist-set'))
    .sort()
    .map((name) => join(fixture('olist-set'), name));
  const text = await cli(...files, '--workspace', join(dir, 'o.xsell'));
  expect(text.code).toBe(0);
  expect(text.out).toContain('Imported 5 of 9 files together, as one import (one undo takes them all back):');
  expect(text.out).toContain(
    '  olist_order_payments_dataset.csv: not used for cross-selling: payments (how orders were paid)',
  );
  expect(text.out).toContain(
    "  - 2 orders name customers not in olist_customers_dataset.csv (2 customer numbers): kept, but they are not followed as any customer's purchases. For example: c98, c99.",
  );
  expect(text.out).toContain('Together: 9 customers, 10 products, 14 orders, 24 order lines added or updated.');

  const json = await cli(...files, '--workspace', join(dir, 'j.xsell'), '--json');
  expect(json.code).toBe(0);
  const perFile = (json.json.files as { file: string; role: string; kind: string | null }[]).map((f) => [
    f.file,
    f.role,
    f.kind,
  ]);
  expect(perFile).toEqual([
    ['product_category_name_translation.csv', 'lookup', null],
    ['olist_products_dataset.csv', 'data', 'products'],
    ['olist_customers_dataset.csv', 'data', 'customers'],
    ['olist_orders_dataset.csv', 'data', 'orders'],
    ['olist_order_items_dataset.csv', 'data', 'order_lines'],
    ['olist_geolocation_dataset.csv', 'skipped', null],
    ['olist_order_payments_dataset.csv', 'skipped', null],
    ['olist_order_reviews_dataset.csv', 'skipped', null],
    ['olist_sellers_dataset.csv', 'skipped', null],
  ]);
  expect(json.json).toMatchObject({ orders: 14, orderLines: 24, customers: 9, products: 10 });
  expect((json.json.unresolved as unknown[]).length).toBe(3);
});

test('a payments file on its own is refused as what it is, not imported as phantom orders', async () => {
  const run = await cli(
    fixture('olist-set/olist_order_payments_dataset.csv'),
    '--workspace',
    join(tempDir(), 'p.xsell'),
    '--json',
  );
  expect(run.code).toBe(1);
  expect(run.json.error).toMatchObject({
    code: 'kind_mismatch',
    message:
      'This file looks like payments (how orders were paid), which cross-selling does not use, so nothing was imported.',
  });
  const forced = await cli(
    fixture('olist-set/olist_order_payments_dataset.csv'),
    '--workspace',
    join(tempDir(), 'q.xsell'),
    '--as',
    'orders',
    '--json',
  );
  expect(forced.json).toMatchObject({ ok: true, orders: 12 });
});

test('lookups imported after the products name the workspace’s categories and families, and undo as one', async () => {
  const SQL = await loadSqlJs();
  const engine = createEngine(SQL);
  await engine.workspace.create('Grocer');
  const file = (set: string, name: string) => ({
    name,
    file: new Uint8Array(readFileSync(join(fixture(set), name))),
  });
  const products = file('instacart-set', 'products.csv');
  expect((await engine.imports.run(products.file, products.name, {})).ok).toBe(true);
  const lookups = await engine.imports.runSet(
    [file('instacart-set', 'aisles.csv'), file('instacart-set', 'departments.csv')],
    {},
  );
  if (!lookups.ok) throw new Error(lookups.failure.message);
  expect(lookups.report.files.map((f) => [f.fileName, f.labelled])).toEqual([
    ['aisles.csv', 14],
    ['departments.csv', 15],
  ]);
  const named = async () =>
    queryAll(
      new SQL.Database(await engine.workspace.toBytes()),
      "SELECT category, family FROM products WHERE product_id IN ('27845', '196') ORDER BY product_id",
    );
  expect(await named()).toEqual([
    { category: null, family: 'beverages' },
    { category: 'milk', family: 'dairy eggs' },
  ]);
  expect((await engine.imports.undoLast()).ok).toBe(true);
  expect(await named()).toEqual([
    { category: null, family: null },
    { category: null, family: null },
  ]);
  expect(await engine.imports.history()).toHaveLength(2);
});
