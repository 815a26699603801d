import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { AnalysisName, ParamsOf } from '../../src/core/analysis/catalogue';
import { previewImport } from '../../src/core/import/preview';
import { bytesSource } from '../../src/core/import/source';
import { migrate } from '../../src/core/store/migrate';
import { APPLICATION_ID } from '../../src/core/store/schema';
import { openWorkspaceBytes } from '../../src/core/store/open-workspace';
import { queryValue } from '../../src/core/store/sqlite';
import { createEngine } from '../../src/engine/engine';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { fixture } from '../support/import-helpers';

// A grocery app's export (the Instacart layout): orders numbered per customer with the days since
// the prior order, and no dates. 12 orders of 4 customers: user 1 has 5 (days since prior 15, 21,
// 29, 28), user 2 has 4 (8, 30, 7; the 4th, a "test" order, has no lines), user 7 has 2 (0 days
// apart), user 9 has 1. The order lines name 6 products in 26 lines over 11 orders.
test.describe.configure({ mode: 'serial' });

const ORDERS = 'instacart-orders.csv';
const LINES = 'instacart-order-products.csv';

type Engine = ReturnType<typeof createEngine>;
let engine: Engine;

const bytes = (name: string) => new Uint8Array(readFileSync(fixture(name)));

async function engineWith(...files: string[]): Promise<Engine> {
  const fresh = createEngine(await loadSqlJs());
  await fresh.workspace.create('Grocer');
  for (const file of files) {
    const outcome = await fresh.imports.run(bytes(file), file, {});
    if (!outcome.ok) throw new Error(outcome.failure.message);
  }
  return fresh;
}

async function run<N extends AnalysisName>(on: Engine, name: N, params: ParamsOf<N>) {
  const outcome = await on.analyses.run(name, params);
  return outcome.ok ? { result: outcome.result, message: null } : { result: null, message: outcome.failure.message };
}

const COMBINE = { level: 'product', minSupport: 0.1, minConfidence: 0.2, maxLength: 2, consequents: 'one' } as const;

test.beforeAll(async () => {
  engine = await engineWith();
});

test('the orders file imports as orders with their sequence, and counts its customers', async () => {
  const outcome = await engine.imports.run(bytes(ORDERS), ORDERS, {});
  if (!outcome.ok) throw new Error(outcome.failure.message);
  expect(outcome.report.kind).toBe('orders');
  expect(outcome.report.mapping.columns).toEqual({
    order_id: 'order_id',
    customer_id: 'user_id',
    sequence: 'order_number',
    days_since_prior: 'days_since_prior_order',
  });
  expect(outcome.report.written).toMatchObject({ orders: 12, customers: 4 });
  expect(outcome.report.rowsRejected).toBe(0);
});

test('the order products file imports as order lines', async () => {
  const outcome = await engine.imports.run(bytes(LINES), LINES, {});
  if (!outcome.ok) throw new Error(outcome.failure.message);
  expect(outcome.report.kind).toBe('order_lines');
  expect(outcome.report.written).toMatchObject({ orderLines: 26, products: 6 });
});

test('the overview counts agree: 4 customers, 12 orders without dates, 3 customers with 2+ orders', async () => {
  const summary = await engine.workspace.summary();
  expect(summary.counts).toMatchObject({ customers: 4, orders: 12, order_lines: 26, products: 6 });
  expect(summary.orderDateRange).toBeNull();
  expect(summary.undatedOrders).toBe(12);
  const readiness = await engine.workspace.readiness();
  const completion = readiness.strategies.find((s) => s.strategy === 'completion')!;
  expect(completion.counts.find((c) => c.key === 'repeatCustomers')?.value).toBe(3);
});

test('combinations by order run; by a window of days they say the dates are missing', async () => {
  const byOrder = await run(engine, 'combinations', { ...COMBINE, basket: { kind: 'order' } });
  expect(byOrder.result?.baskets).toBe(11);
  const byDays = await run(engine, 'combinations', { ...COMBINE, basket: { kind: 'days', days: 7 } });
  expect(byDays.message).toBe(
    'These orders have no dates, so a customer’s orders cannot be grouped into 7-day baskets. Combine products by order instead.',
  );
});

test('sequences follow each customer’s order numbers, with the days since the prior order', async () => {
  const { result } = await run(engine, 'sequences', { minCustomers: 2 });
  expect(result?.repeatCustomers).toBe(3);
  const row = result?.rows.find((r) => r.from.id === '12427' && r.to.id === '196');
  // User 1 bought 196 again 15 days after first buying 12427, user 7 in an order of the same day.
  expect(row).toMatchObject({ customers: 2, fromCustomers: 2, days: { count: 2, median: 7.5 } });
});

test('the time to a second order comes from the days since the prior order', async () => {
  const { result } = await run(engine, 'secondPurchase', {});
  expect(result?.overall).toMatchObject({ customers: 4, repeatCustomers: 3, days: { median: 8, q1: 4, q3: 11.5 } });
});

test('segments score how often customers buy, not how recently, and say why', async () => {
  const { result } = await run(engine, 'segments', {});
  expect(result?.customers).toBe(4);
  expect(result?.parameters.asOf).toBeNull();
  expect(result?.frequency.map((g) => g.customers)).toEqual([1, 1, 1, 1, 0]);
  expect(result?.recency.every((g) => g.customers === 0)).toBe(true);
  expect(result?.undated).toBe(
    'These orders have no dates, so customers cannot be scored on recency (how long since their last order): their recency score is 0, and they are scored on how often and how much they bought, from their orders in sequence.',
  );
});

test('families and baselines run on the order of purchases', async () => {
  expect((await run(engine, 'families', {})).message).toBeNull();
  const baselines = await run(engine, 'baselines', { minCustomers: 2 });
  expect(baselines.message).toBeNull();
  expect(baselines.result?.acceptance.pairs.length).toBeGreaterThan(0);
});

test('moments and ladders say exactly what is missing', async () => {
  expect((await run(engine, 'moments', {})).message).toBe(
    'These orders have no dates, so customer moments cannot be found: each one looks back a number of hours or days from a date (who just bought, who has gone quiet, whose season is starting). Import the orders with their order date to see it.',
  );
  expect((await run(engine, 'ladders', {})).message).toBe(
    'These orders have no dates, so who is ready for the next tier cannot be found: the signs of it (more orders, more use, milestones) are counted over the recent weeks before a date. Import the orders with their order date to see it.',
  );
});

test('a customer file after the orders fills in the customers they named', async () => {
  const customers = new TextEncoder().encode('customer_id,email\n1,ann@example.com\n9,bo@example.com\n');
  const outcome = await engine.imports.run(customers, 'customers.csv', {});
  if (!outcome.ok) throw new Error(outcome.failure.message);
  expect(outcome.report).toMatchObject({ rowsImported: 2, rowsRejected: 0 });
  expect((await engine.workspace.summary()).counts.customers).toBe(4);
});

test('numbered orders without days: the order runs, the days between are reported as missing', async () => {
  const numbered = await engineWith('orders-numbered-without-days.csv', 'order-lines-of-numbered-orders.csv');
  const sequences = await run(numbered, 'sequences', { minCustomers: 1 });
  const row = sequences.result?.rows.find((r) => r.from.id === '12427' && r.to.id === '196');
  expect(row?.days.median).toBeNull();
  expect(row?.explanation).toBe(
    'Of the 1 customers who bought 12427 and ordered again afterwards, 1 (100 %) later bought 196 (their orders have no dates, so the time between is not known).',
  );
  expect((await run(numbered, 'secondPurchase', {})).message).toBe(
    'These orders have no dates and no days since the previous order, so the time from a first order to a second cannot be measured. Import the orders with their order date to see it.',
  );
  expect((await run(numbered, 'baselines', {})).message).toBe(
    'These orders have no dates and no days since the previous order, so purchases within a number of days of another cannot be counted. Import the orders with their order date to see it.',
  );
  expect((await run(numbered, 'segments', {})).result?.customers).toBe(3);
});

test('a shop’s own order number, unique on every row, is not taken for a customer’s order count', async () => {
  const text = 'Order ID,Order Number,Customer ID\n5001,1001,c1\n5002,1002,c2\n5003,1003,c1\n';
  const preview = await previewImport(bytesSource('shop-orders.csv', new TextEncoder().encode(text)));
  if (!preview.ok) throw new Error(preview.error.message);
  expect(preview.value.mapping?.columns).toEqual({ order_id: 'Order ID', customer_id: 'Customer ID' });
});

test('a workspace saved before orders counted their customers counts them once opened', async () => {
  const SQL = await loadSqlJs();
  const old = new SQL.Database();
  // Version 6: before version 7 added the customers that orders name.
  migrate(old, 6);
  old.run(`PRAGMA application_id = ${APPLICATION_ID}`);
  old.run(`INSERT INTO customers(customer_id, email) VALUES ('1', 'ann@example.com')`);
  old.run(`INSERT INTO orders(order_id, customer_id) VALUES ('101', '1'), ('102', '1'), ('201', '2'), ('301', NULL)`);
  const opened = openWorkspaceBytes(SQL, old.export());
  if (!opened.ok) throw new Error(opened.error.message);
  expect(queryValue(opened.value, 'SELECT count(*) FROM customers')).toBe(2);
  expect(queryValue(opened.value, "SELECT email FROM customers WHERE customer_id = '1'")).toBe('ann@example.com');
});

test('a customer’s orders without dates are listed newest first by their number', async () => {
  const orders = await engine.analyses.customerOrders('1');
  expect(orders.map((o) => [o.orderId, o.orderedAt])).toEqual([
    ['105', null],
    ['104', null],
    ['103', null],
    ['102', null],
    ['101', null],
  ]);
  expect(orders[0].lines.map((l) => l.productId)).toEqual(['196', '47209']);
});
