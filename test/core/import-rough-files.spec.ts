import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { cli, fixture, openFile, rows, tempDir, value } from '../support/import-helpers';

// Files that import, but not every row or value is clean: what is refused says why, and nothing goes missing.

async function importInto(file: string, ...args: string[]) {
  const dir = tempDir();
  const workspace = join(dir, 'shop.xsell');
  const rejectedOut = join(dir, 'rejected.csv');
  const run = await cli(file, '--workspace', workspace, '--json', '--rejected-out', rejectedOut, ...args);
  expect(run.code, run.err || JSON.stringify(run.json.error)).toBe(0);
  const json = run.json as Record<string, number | unknown> & { rejected: Record<string, number>; notes: string[] };
  expect(Number(json.rowsImported) + Number(json.rowsRejected)).toBe(json.rowsRead);
  expect(Object.values(json.rejected).reduce((a, b) => a + b, 0)).toBe(json.rowsRejected);
  const rejected = Papa.parse<Record<string, string>>(readFileSync(rejectedOut, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(rejected).toHaveLength(Number(json.rowsRejected));
  return { json, db: await openFile(workspace), rejected };
}

test('a row that uses another separator than the rest is refused with a hint', async () => {
  const { json, db, rejected } = await importInto(fixture('mixed-separators.csv'));
  expect(json).toMatchObject({ rowsRead: 5, rowsImported: 4, rowsRejected: 1, rejected: { ragged_row: 1 } });
  expect(rejected[0]).toMatchObject({
    row: '3',
    reason: 'ragged_row',
    message: 'Row 3 has 1 cell, but the file has 4 columns. It seems to separate its values with “;” instead.',
  });
  expect(value(db, 'SELECT count(*) FROM customers')).toBe(4);
});

test('rows with too few or too many cells are refused; a trailing empty cell is not a problem', async () => {
  const { json, rejected } = await importInto(fixture('ragged-rows.csv'));
  expect(json).toMatchObject({ rowsRead: 4, rowsImported: 2, rowsRejected: 2 });
  expect(rejected.map((r) => r.message)).toEqual([
    'Row 3 has 3 cells, but the file has 4 columns.',
    'Row 4 has 5 cells, but the file has 4 columns.',
  ]);
  expect(rejected[1]).toMatchObject({ customer_id: '1003', country: 'DE', 'Column 5': 'extra value' });
});

test('a quote that never closes costs one row, not the rest of the file', async () => {
  const { json, db, rejected } = await importInto(fixture('unclosed-quote.csv'));
  expect(json).toMatchObject({ rowsRead: 4, rowsImported: 3, rowsRejected: 1, rejected: { unclosed_quote: 1 } });
  expect(rejected[0]).toMatchObject({
    row: '3',
    message: 'Row 3 opens a quote (") that is never closed, so we cannot tell where its cells end.',
  });
  expect(rows(db, 'SELECT customer_id, email, country FROM customers ORDER BY customer_id')).toEqual([
    { customer_id: '1001', email: 'ann@example.com', country: 'UK' },
    { customer_id: '1003', email: 'cat@example.com', country: 'DE' },
    { customer_id: '1004', email: 'dan@example.com', country: 'NL' },
  ]);
});

test('a row of two megabytes is refused as too long, the rows around it are kept', async () => {
  const file = join(tempDir(), 'long-row.csv');
  writeFileSync(
    file,
    `customer_id,email,first_name\n1001,ann@example.com,Ann\n1002,ben@example.com,${'B'.repeat(2_000_000)}\n1003,cat@example.com,Cat\n`,
  );
  const { json, rejected } = await importInto(file);
  expect(json).toMatchObject({ rowsRead: 3, rowsImported: 2, rowsRejected: 1, rejected: { row_too_long: 1 } });
  expect(rejected[0].message).toBe('Row 3 is longer than a million characters, far beyond any real row.');
});

test('blank and repeated column names get names of their own and their values are kept', async () => {
  const { json, db } = await importInto(fixture('duplicate-and-blank-headers.csv'));
  expect(json.warnings).toEqual({ renamed_columns: 2 });
  expect(json.notes).toEqual([
    'Some columns needed a name: “email” appears more than once, so column 3 is called “email (2)”; column 4 has no name, so it is called “Column 4”.',
  ]);
  expect(JSON.parse(String(value(db, "SELECT extra FROM customers WHERE customer_id = '1001'")))).toEqual({
    'email (2)': 'ann@work.example',
    'Column 4': 'x',
  });
});

test('a UTF-8 byte order mark is not part of the first column name', async () => {
  const { json, db } = await importInto(fixture('utf8-bom.csv'));
  expect(json).toMatchObject({ encoding: 'utf-8', kind: 'customers', rowsImported: 2 });
  expect((json.mapping as { columns: Record<string, string> }).columns.customer_id).toBe('customer_id');
  expect(rows(db, 'SELECT first_name, country FROM customers ORDER BY customer_id')).toEqual([
    { first_name: 'Zoë', country: 'España' },
    { first_name: 'José', country: 'Österreich' },
  ]);
});

test('Windows (CRLF) and old Mac (CR) line ends read like any other', async () => {
  const crlf = await importInto(fixture('crlf.csv'));
  expect(crlf.json).toMatchObject({ rowsRead: 3, rowsImported: 3 });
  expect(value(crlf.db, "SELECT first_name FROM customers WHERE customer_id = '1002'")).toBe('Ben\nJunior');
  expect(value(crlf.db, "SELECT country FROM customers WHERE customer_id = '1003'")).toBe('DE');
  const cr = await importInto(fixture('cr-only.csv'));
  expect(cr.json).toMatchObject({ rowsRead: 3, rowsImported: 3 });
  expect(value(cr.db, "SELECT country FROM customers WHERE customer_id = '1003'")).toBe('DE');
});

test('Windows-1252 text keeps its pound signs and accents', async () => {
  const { json, db } = await importInto(fixture('windows-1252.csv'));
  expect(json).toMatchObject({ encoding: 'windows-1252', kind: 'products', rowsImported: 3 });
  expect(rows(db, 'SELECT product_id, name, price FROM products ORDER BY product_id')).toEqual([
    { product_id: '22423', name: 'Café crème cake stand', price: 12.75 },
    { product_id: '84879', name: 'Assorted colour bird ornament', price: 1.69 },
    { product_id: 'GV10', name: 'Gift voucher £10', price: 10 },
  ]);
});

test('a semicolon file with decimal commas and day-first dates', async () => {
  const { json, db } = await importInto(fixture('semicolon-decimal-comma.csv'));
  expect(json).toMatchObject({ delimiter: ';', kind: 'order_lines_flat', rowsImported: 4, orders: 3 });
  expect(json.mapping).toMatchObject({ decimalSeparator: ',', dayMonthOrder: 'dmy' });
  expect(rows(db, 'SELECT order_id, unit_price FROM order_lines ORDER BY line_id').map((r) => r.unit_price)).toEqual([
    2.55, 3.39, 1.85, 1234.5,
  ]);
  expect(value(db, "SELECT ordered_at FROM orders WHERE order_id = '536366'")).toBe('2010-12-13T08:28:00');
});

test('unambiguous day-first dates are recognised without asking', async () => {
  const { json, db } = await importInto(fixture('day-first-clear.csv'));
  expect(json.mapping).toMatchObject({ dayMonthOrder: 'dmy' });
  expect(value(db, "SELECT ordered_at FROM orders WHERE order_id = 'A-2'")).toBe('2024-12-25T14:30:00');
  expect(value(db, "SELECT ordered_at FROM orders WHERE order_id = 'A-1'")).toBe('2024-04-03T00:00:00');
});

test('cells starting with =, +, - or @ are stored exactly, and defused in the rejected-rows file', async () => {
  const { json, db, rejected } = await importInto(fixture('formula-cells.csv'));
  expect(json).toMatchObject({ rowsImported: 2, rowsRejected: 1, rejected: { bad_yes_no: 1 } });
  expect(rows(db, 'SELECT first_name, last_name FROM customers ORDER BY customer_id')).toEqual([
    { first_name: '=HYPERLINK("http://example.com","click")', last_name: '+cmd' },
    { first_name: '-2+3', last_name: '@SUM(A1:A2)' },
  ]);
  expect(rejected[0]).toMatchObject({
    row: '4',
    reason: 'bad_yes_no',
    message: 'Row 4: “maybe” in column “email_opt_in” is not a yes or a no.',
    first_name: "'=1+1",
    last_name: "'@me",
  });
});

test('the same id twice with different values is reported, and the last row wins', async () => {
  const { json, db } = await importInto(fixture('conflicting-ids.csv'));
  expect(json).toMatchObject({
    rowsRead: 4,
    rowsImported: 4,
    customers: 2,
    warnings: { id_conflicts: 1, duplicate_rows: 1 },
  });
  expect(json.notes).toContain(
    '1 number appears on more than one row with different values (for example customer 1001); the last row wins.',
  );
  expect(value(db, "SELECT email FROM customers WHERE customer_id = '1001'")).toBe('ann.new@example.com');
});

test('a small order-line export derives orders, customers and products, and flags what needs care', async () => {
  const { json, db } = await importInto(fixture('order-lines.csv'));
  expect(json).toMatchObject({ orders: 3, orderLines: 4, customers: 1, products: 3 });
  expect(json.warnings).toMatchObject({ missing_customer: 1, not_a_product: 1, returns: 1, cancelled_orders: 1 });
  expect(rows(db, 'SELECT order_id, customer_id, status FROM orders ORDER BY order_id')).toEqual([
    { order_id: '536365', customer_id: '17850', status: null },
    { order_id: '536366', customer_id: null, status: null },
    { order_id: 'C536379', customer_id: '17850', status: 'cancelled' },
  ]);
  const original = value(db, "SELECT line_id FROM order_lines WHERE order_id = '536365' AND product_id = '85123A'");
  expect(value(db, "SELECT reverses_line FROM order_lines WHERE order_id = 'C536379'")).toBe(original);
  expect(value(db, "SELECT is_product FROM products WHERE product_id = 'POST'")).toBe(0);
});

test('grocery lines without order numbers form one order per customer and day', async () => {
  const { json, db } = await importInto(fixture('grocery-lines.csv'));
  expect(json).toMatchObject({ kind: 'order_lines_flat', orders: 3, orderLines: 4, customers: 3, products: 3 });
  expect((json.mapping as { columns: Record<string, string> }).columns).toEqual({
    product_id: 'itemDescription',
    customer_id: 'Member_number',
    ordered_at: 'Date',
  });
  expect(
    rows(db, "SELECT product_id FROM order_lines WHERE order_id = '1808 2015-07-21' ORDER BY line_id").map(
      (r) => r.product_id,
    ),
  ).toEqual(['tropical fruit', 'whole milk']);
});

test('basket lines without a header become baskets', async () => {
  const { json, db } = await importInto(fixture('baskets.csv'));
  expect(json).toMatchObject({ kind: 'baskets', hasHeader: false, rowsRead: 5, baskets: 5 });
  expect(JSON.parse(String(value(db, 'SELECT items FROM baskets WHERE source_row = 2')))).toEqual([
    'tropical fruit',
    'yogurt',
    'coffee',
  ]);
});

test('a tab-separated file named .csv is read with tabs', async () => {
  const { json } = await importInto(fixture('tab-separated.csv'));
  expect(json).toMatchObject({ delimiter: '\t', kind: 'customers', rowsImported: 2 });
});

test('update overwrites by id, replace removes what the earlier import of the kind brought in', async () => {
  const dir = tempDir();
  const workspace = join(dir, 'shop.xsell');
  expect((await cli(fixture('order-lines.csv'), '--workspace', workspace)).code).toBe(0);
  expect((await cli(fixture('order-lines.csv'), '--workspace', workspace, '--mode', 'update')).code).toBe(0);
  let db = await openFile(workspace);
  expect(value(db, 'SELECT count(*) FROM order_lines')).toBe(4);
  expect(value(db, 'SELECT count(*) FROM orders')).toBe(3);

  expect((await cli(fixture('semicolon-decimal-comma.csv'), '--workspace', workspace, '--mode', 'replace')).code).toBe(
    0,
  );
  db = await openFile(workspace);
  expect(value(db, 'SELECT count(*) FROM order_lines')).toBe(4);
  expect(rows(db, 'SELECT DISTINCT order_id FROM order_lines ORDER BY order_id').map((r) => r.order_id)).toEqual([
    '536365',
    '536366',
    '536367',
  ]);
  expect(value(db, 'SELECT count(*) FROM imports WHERE undone = 1')).toBe(2);
});

test('a saved mapping reads a file without a header row by column position', async () => {
  const dir = tempDir();
  const preset = join(dir, 'preset.json');
  writeFileSync(
    preset,
    JSON.stringify({
      kind: 'customers',
      columns: { customer_id: 'Column 1', email: 'Column 2', signup_at: 'Column 3' },
      dayMonthOrder: 'mdy',
    }),
  );
  const file = join(dir, 'no-header.csv');
  writeFileSync(file, '1001,Ann@Example.com,03/04/2024\n1002,ben@example.com,12/25/2024\n');
  const { json, db } = await importInto(file, '--mapping', preset);
  expect(json).toMatchObject({ kind: 'customers', hasHeader: false, rowsImported: 2 });
  expect(rows(db, 'SELECT customer_id, email, signup_at FROM customers ORDER BY customer_id')).toEqual([
    { customer_id: '1001', email: 'ann@example.com', signup_at: '2024-03-04T00:00:00' },
    { customer_id: '1002', email: 'ben@example.com', signup_at: '2024-12-25T00:00:00' },
  ]);
});

test('without --json the result is told in plain sentences', async () => {
  const workspace = join(tempDir(), 'shop.xsell');
  const run = await cli(fixture('order-lines.csv'), '--workspace', workspace);
  expect(run.code).toBe(0);
  expect(run.out).toContain('order-lines.csv: order lines with the order details on each line\n');
  expect(run.out).toContain('\n  4 rows read: 4 imported, 0 rejected\n');
  expect(run.out).toContain('\n  Added or updated: 3 orders, 4 order lines, 1 customer, 3 products\n');
  expect(run.out).toContain(
    '\n  - 1 order is a cancellation (order number starting with “C”), kept and marked as cancelled.\n',
  );
  expect(run.out).toContain(
    '\n  - 1 line has a negative quantity (returns and cancellations), kept as they are; 1 of 1 matched to the earlier purchase they reverse.\n',
  );
  expect(run.out).toContain(`Saved ${workspace}.`);
});
