import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { explainGrouping, groupingLabel } from '../../src/core/import/basket-grouping';
import { importFile } from '../../src/core/import/import-file';
import { withGrouping, type ImportMapping } from '../../src/core/import/mapping';
import { previewImport } from '../../src/core/import/preview';
import { findPreset, rememberImportMapping } from '../../src/core/import/presets';
import { bytesSource } from '../../src/core/import/source';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { readFileSync } from 'node:fs';
import { cli, fixture, openFile, rows, tempDir, value } from '../support/import-helpers';

// A customer / date / item file (the Groceries layout): 4 members, 12 lines, one item a line,
// dates written dd-mm-yyyy. Member 1808 buys on 21, 23 July and 2 August (two items on the 21st),
// 2552 on 5 (two items), 7 January and 19 February, 2300 on 19 September (two items), 1187 on
// 12 and 14 December 2015.
const GROCERIES = 'groceries-by-member.csv';
// The same lines, with the member number in a column named "Transaction".
const MEMBER_AS_TRANSACTION = 'groceries-transaction-is-member.csv';

const source = (name: string) => bytesSource(name, readFileSync(fixture(name)));
const HEADERS = ['Member_number', 'Date', 'itemDescription'];

async function freshDb() {
  return createWorkspaceDb(await loadSqlJs(), 'Grocer');
}

test('the proposal groups lines by customer and day, by name, when no column holds an order number', async () => {
  const preview = await previewImport(source(GROCERIES));
  if (!preview.ok) throw new Error(preview.error.message);
  expect(preview.value.mapping).toEqual({
    kind: 'order_lines_flat',
    columns: { customer_id: 'Member_number', ordered_at: 'Date', product_id: 'itemDescription' },
    decimalSeparator: '.',
    dayMonthOrder: 'dmy',
    groupBy: 'customer-day',
  });
  expect(preview.value.groupingReason).toBeNull();
  expect(groupingLabel(1)).toBe('Group by customer and day');
  expect(groupingLabel(3)).toBe('Group by customer and 3 days');
  expect(explainGrouping(1)).toBe(
    'Each customer’s purchases on the same day form one basket: for files without an order number that name the customer and the date on every line.',
  );
});

test('a column that repeats across dates is never proposed as the order number', async () => {
  const preview = await previewImport(source(MEMBER_AS_TRANSACTION));
  if (!preview.ok) throw new Error(preview.error.message);
  expect(preview.value.mapping?.columns).toEqual({
    customer_id: 'Transaction',
    ordered_at: 'Date',
    product_id: 'Item',
  });
  expect(preview.value.mapping?.groupBy).toBe('customer-day');
  expect(preview.value.groupingReason).toBe(
    '“Transaction” holds the same value on different dates (such as 1808 on 21-07-2015 and on 02-08-2015), so it names a customer, not an order.',
  );

  const db = await freshDb();
  const outcome = await importFile(db, source(MEMBER_AS_TRANSACTION));
  if (!outcome.ok) throw new Error(outcome.failure.message);
  expect(outcome.report.written).toMatchObject({ orders: 9, orderLines: 12, customers: 4, products: 7 });
  expect(outcome.report.notes.map((n) => n.message)).toEqual([
    '9 baskets: each customer’s purchases on one day, as no column holds an order number: “Transaction” holds the same value on different dates (such as 1808 on 21-07-2015 and on 02-08-2015), so it names a customer, not an order.',
  ]);
});

test('an invoice number that stays on one date is still the order number', async () => {
  const preview = await previewImport(
    bytesSource(
      'invoices.csv',
      new TextEncoder().encode(
        'InvoiceNo,StockCode,InvoiceDate,CustomerID\n1,A,01/12/2010 08:26,17850\n1,B,01/12/2010 08:26,17850\n2,A,02/12/2010 09:00,17850\n3,C,03/12/2010 10:00,13047\n',
      ),
    ),
  );
  if (!preview.ok) throw new Error(preview.error.message);
  expect(preview.value.mapping?.columns.order_id).toBe('InvoiceNo');
  expect(preview.value.mapping?.groupBy).toBeUndefined();
});

test('grouped by customer and day: 9 baskets, and the report says how they were formed', async () => {
  const db = await freshDb();
  const outcome = await importFile(db, source(GROCERIES));
  if (!outcome.ok) throw new Error(outcome.failure.message);
  expect(outcome.report.written).toMatchObject({ orders: 9, orderLines: 12, customers: 4, products: 7 });
  expect(outcome.report.notes.map((n) => n.message)).toEqual([
    '9 baskets: each customer’s purchases on one day, as the file has no order number.',
  ]);
  expect(
    rows(db, "SELECT product_id FROM order_lines WHERE order_id = '1808 2015-07-21' ORDER BY line_id").map(
      (r) => r.product_id,
    ),
  ).toEqual(['tropical fruit', 'whole milk']);
  expect(value(db, "SELECT count(*) FROM orders WHERE customer_id = '1808'")).toBe(3);
});

test('grouped by customer and 7 days: one basket per customer and week, Monday to Sunday', async () => {
  const db = await freshDb();
  const outcome = await importFile(db, source(GROCERIES), { groupDays: 7 });
  if (!outcome.ok) throw new Error(outcome.failure.message);
  expect(outcome.report.mapping).toMatchObject({ groupBy: 'customer-day', groupDays: 7 });
  expect(outcome.report.written).toMatchObject({ orders: 7, orderLines: 12 });
  // Days of one week may differ within a basket: no "lines disagree on the date" note.
  expect(outcome.report.notes.map((n) => n.message)).toEqual([
    '7 baskets: each customer’s purchases in one week (Monday to Sunday), as the file has no order number.',
  ]);
  // Tuesday 21 and Thursday 23 July share the week of Monday 20 July; Sunday 2 August closes the next week.
  expect(rows(db, "SELECT order_id, ordered_at FROM orders WHERE customer_id = '1808' ORDER BY order_id")).toEqual([
    { order_id: '1808 2015-07-20', ordered_at: '2015-07-21T00:00:00' },
    { order_id: '1808 2015-07-27', ordered_at: '2015-08-02T00:00:00' },
  ]);
  // Saturday 12 and Monday 14 December fall in different weeks.
  expect(value(db, "SELECT count(*) FROM orders WHERE customer_id = '1187'")).toBe(2);
});

test('grouped by customer and 3 days: fixed periods run back to back from a Monday', async () => {
  const db = await freshDb();
  const outcome = await importFile(db, source(GROCERIES), { groupDays: 3 });
  if (!outcome.ok) throw new Error(outcome.failure.message);
  // Periods are fixed, not counted from each customer's first purchase: 20–22 July is one, so the
  // 21st and the 23rd fall in different periods; 12 December is in 11–13, the 14th in 14–16.
  expect(outcome.report.written.orders).toBe(9);
  expect(rows(db, "SELECT order_id FROM orders WHERE customer_id = '1808' ORDER BY order_id")).toEqual([
    { order_id: '1808 2015-07-20' },
    { order_id: '1808 2015-07-23' },
    { order_id: '1808 2015-08-01' },
  ]);
  expect(outcome.report.notes[0].message).toBe(
    '9 baskets: each customer’s purchases within one 3-day period, as the file has no order number.',
  );
});

test('the grouping is part of the mapping: saved with the preset and read back from a mapping file', async () => {
  const db = await freshDb();
  const outcome = await importFile(db, source(GROCERIES), { groupDays: 2 });
  if (!outcome.ok) throw new Error(outcome.failure.message);
  rememberImportMapping(db, outcome);
  expect(findPreset(db, HEADERS)?.mapping).toMatchObject({ groupBy: 'customer-day', groupDays: 2 });

  const dir = tempDir();
  const mapping: ImportMapping = withGrouping(
    {
      kind: 'order_lines_flat',
      columns: { customer_id: 'Member_number', ordered_at: 'Date', product_id: 'itemDescription' },
    },
    7,
  );
  writeFileSync(join(dir, 'mapping.json'), JSON.stringify(mapping));
  const workspace = join(dir, 'grocer.xsell');
  const run = await cli(fixture(GROCERIES), '--workspace', workspace, '--mapping', join(dir, 'mapping.json'), '--json');
  expect(run.code).toBe(0);
  expect(run.json).toMatchObject({ orders: 7, orderLines: 12, mapping: { groupBy: 'customer-day', groupDays: 7 } });

  writeFileSync(
    join(dir, 'both.json'),
    JSON.stringify({ ...mapping, columns: { ...mapping.columns, order_id: 'Date' } }),
  );
  const both = await cli(fixture(GROCERIES), '--workspace', workspace, '--mapping', join(dir, 'both.json'), '--json');
  expect(both.json.error?.message).toBe(
    'The mapping both reads order numbers from “Date” and groups the lines by customer and day. Choose one.',
  );
});

test('the command line groups with --group-by customer-day and --group-days N', async () => {
  const dir = tempDir();
  const day = await cli(fixture(GROCERIES), '--workspace', join(dir, 'a.xsell'), '--group-by', 'customer-day');
  expect(day.code).toBe(0);
  expect(day.out).toContain('Added or updated: 9 orders, 12 order lines, 4 customers, 7 products');
  expect(day.out).toContain('- 9 baskets: each customer’s purchases on one day, as the file has no order number.');

  const week = await cli(fixture(GROCERIES), '--workspace', join(dir, 'b.xsell'), '--group-days', '7', '--json');
  expect(week.json).toMatchObject({ orders: 7, mapping: { groupBy: 'customer-day', groupDays: 7 } });
  const db = await openFile(join(dir, 'b.xsell'));
  expect(value(db, 'SELECT count(DISTINCT customer_id) FROM orders')).toBe(4);

  const bad = await cli(fixture(GROCERIES), '--workspace', join(dir, 'c.xsell'), '--group-days', '9');
  expect(bad.code).toBe(64);
  expect(bad.err).toContain('--group-days takes a whole number of days from 1 to 7, not “9”.');
});

test('a refusal for a missing order number advises grouping by customer and day', async () => {
  const dir = tempDir();
  const run = await cli(fixture(GROCERIES), '--workspace', join(dir, 'a.xsell'), '--as', 'order-lines');
  expect(run.code).toBe(1);
  expect(run.err).toContain(
    'If the file has no order number but names the customer and the date on every line, import it as order lines with the order details on each line, grouped by customer and day.',
  );
  expect(run.err).toContain(
    'Without order numbers, each customer’s lines of one day can form an order: use --as order-lines-flat --group-by customer-day (add --group-days N for N days), or in a mapping file use kind order_lines_flat, map customer_id and ordered_at, and set "groupBy": "customer-day".',
  );
});

test('a member number taken for the order number is flagged, with the grouping to use instead', async () => {
  const db = await freshDb();
  const mapping: ImportMapping = {
    kind: 'order_lines_flat',
    columns: { order_id: 'Member_number', ordered_at: 'Date', product_id: 'itemDescription' },
  };
  const outcome = await importFile(db, source(GROCERIES), { mapping });
  if (!outcome.ok) throw new Error(outcome.failure.message);
  // One lifetime "order" per member; those of 1808, 2552 and 1187 span several days (2300 bought on one).
  expect(outcome.report.written.orders).toBe(4);
  expect(outcome.report.notes.map((n) => n.message)).toContain(
    '3 orders have lines on different days. If the order number column holds customer numbers rather than order numbers, group the lines by customer and day instead.',
  );
});
