import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { importFile } from '../../src/core/import/import-file';
import type { ImportReport } from '../../src/core/import/report';
import { bytesSource } from '../../src/core/import/source';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import type { Database } from '../../src/core/store/sqlite';
import { ONLINE_RETAIL, rows, value } from '../support/import-helpers';

// The published figures of the Online Retail data set (see its README), reproduced by one import.
test.describe.configure({ mode: 'serial' });

let db: Database;
let report: ImportReport;
let seconds = 0;

test.beforeAll(async () => {
  const SQL = await loadSqlJs();
  db = createWorkspaceDb(SQL, 'Online Retail');
  const bytes = readFileSync(ONLINE_RETAIL);
  const started = performance.now();
  const outcome = await importFile(db, bytesSource('online_retail.csv', bytes));
  seconds = (performance.now() - started) / 1000;
  if (!outcome.ok) throw new Error(outcome.failure.message);
  report = outcome.report;
});

test.afterAll(() => db?.close());

test('every row is read and imported, and the counts add up', async () => {
  test.info().annotations.push({
    type: 'speed',
    description: `${seconds.toFixed(1)} s, ${Math.round(report.rowsRead / seconds).toLocaleString('en')} rows/s`,
  });
  expect(report.rowsRead).toBe(541_909);
  expect(report.rowsImported + report.rowsRejected).toBe(report.rowsRead);
  expect(report.rowsRejected).toBe(0);
  expect(report.blankRowsSkipped).toBe(0);
  expect(value(db, 'SELECT count(*) FROM order_lines')).toBe(541_909);
});

test('the file is recognised as a flat order-line export and mapped by its column names', async () => {
  expect(report.kind).toBe('order_lines_flat');
  expect(report.encoding).toBe('utf-8');
  expect(report.delimiter).toBe(',');
  expect(report.hasHeader).toBe(true);
  expect(report.mapping.columns).toEqual({
    order_id: 'InvoiceNo',
    product_id: 'StockCode',
    product_name: 'Description',
    quantity: 'Quantity',
    ordered_at: 'InvoiceDate',
    unit_price: 'UnitPrice',
    customer_id: 'CustomerID',
    country: 'Country',
  });
});

// The file writes 4,070 stock codes; 220 of them are 110 codes written in two letter cases with the
// same description (84997C and 84997c), merged into one product each, so 3,960 products remain.
test('orders, products, customers and countries match the published figures', async () => {
  expect(report.written).toMatchObject({ orders: 25_900, products: 3_960, customers: 4_372, orderLines: 541_909 });
  expect(value(db, 'SELECT count(*) FROM orders')).toBe(25_900);
  expect(value(db, 'SELECT count(*) FROM products')).toBe(3_960);
  expect(value(db, 'SELECT count(*) FROM customers')).toBe(4_372);
  expect(value(db, "SELECT count(DISTINCT json_extract(extra, '$.country')) FROM orders")).toBe(38);
});

test('lines without a customer are kept, under orders with no customer, and reported', async () => {
  expect(report.warnings.missing_customer).toBe(135_080);
  const lines = value(
    db,
    'SELECT count(*) FROM order_lines l JOIN orders o USING (order_id) WHERE o.customer_id IS NULL',
  );
  expect(lines).toBe(135_080);
  const note = report.notes.find((n) => n.kind === 'missing_customer')!;
  expect(note.message).toBe(
    '135,080 lines have no customer number: kept as purchases by unknown customers, which count for products but cannot be followed over time.',
  );
});

test('duplicates, blank descriptions, cancellations, returns and odd prices are counted as warnings', async () => {
  expect(report.warnings).toMatchObject({
    duplicate_rows: 5_268,
    missing_product_name: 1_454,
    cancelled_order_lines: 9_288,
    cancelled_orders: 3_836,
    returns: 10_624,
    negative_price: 2,
    zero_price: 2_515,
  });
  expect(value(db, "SELECT count(*) FROM orders WHERE status = 'cancelled'")).toBe(3_836);
  expect(value(db, 'SELECT count(*) FROM order_lines WHERE quantity < 0')).toBe(10_624);
  expect(value(db, 'SELECT count(*) FROM order_lines WHERE unit_price = -11062.06')).toBe(2);
  expect(value(db, 'SELECT count(*) FROM order_lines WHERE unit_price = 0')).toBe(2_515);
  expect(report.notes.find((n) => n.kind === 'duplicate_rows')?.message).toContain(
    '5,268 rows are exact copies of an earlier row, kept because',
  );
});

test('postage, fees and manual corrections are kept as codes that are not products', async () => {
  const codes = rows<{ product_id: string }>(
    db,
    'SELECT product_id FROM products WHERE is_product = 0 ORDER BY product_id',
  ).map((r) => r.product_id);
  expect(codes).toEqual(
    expect.arrayContaining([
      'POST',
      'DOT',
      'M',
      'C2',
      'D',
      'S',
      'B',
      'BANK CHARGES',
      'AMAZONFEE',
      'CRUK',
      'PADS',
      'gift_0001_10',
      'gift_0001_50',
    ]),
  );
  expect(codes).toHaveLength(16);
  expect(value(db, "SELECT is_product FROM products WHERE product_id = '85123A'")).toBe(1);
  expect(report.notes.find((n) => n.kind === 'not_a_product')?.message).toMatch(
    /^2,950 lines are for postage, fees or manual adjustments rather than products \(POST, /,
  );
});

test('values are cleaned: ids without ".0", dates as ISO text, products named by their usual description', async () => {
  expect(rows(db, "SELECT customer_id, ordered_at, status FROM orders WHERE order_id = '536365'")).toEqual([
    { customer_id: '17850', ordered_at: '2010-12-01T08:26:00', status: null },
  ]);
  expect(value(db, "SELECT country FROM customers WHERE customer_id = '17850'")).toBe('United Kingdom');
  expect(value(db, "SELECT name FROM products WHERE product_id = '85123A'")).toBe('WHITE HANGING HEART T-LIGHT HOLDER');
  // 647 codes carry more than one description; 5 of them are lower-case spellings merged into their upper-case code.
  expect(report.warnings.product_name_conflicts).toBe(642);
  expect(report.warnings.customer_country_conflicts).toBe(8);
});

test('stock codes that differ only in letter case and share a description are one product', async () => {
  expect(report.warnings.code_case_merged).toBe(220);
  expect(report.notes.find((n) => n.kind === 'code_case_merged')?.message).toMatch(
    /^220 product codes differ from another only in letter case or spaces and share its name: merged into 110 products \(85123a → 85123A, 82494l → 82494L, 84997b → 84997B, 84997c → 84997C, /,
  );
  expect(value(db, "SELECT count(*) FROM order_lines WHERE product_id = '84997C'")).toBe(405);
  expect(value(db, "SELECT count(*) FROM order_lines WHERE product_id = '84997c'")).toBe(0);
  expect(value(db, "SELECT count(*) FROM products WHERE product_id = '84997c'")).toBe(0);
  // Without a shared description the spellings stay apart, and the report says so.
  expect(report.warnings.code_case_other_name).toBe(4);
  expect(report.notes.find((n) => n.kind === 'code_case_other_name')?.message).toContain('84971L / 84971l');
  const spellings = rows<{ code: string }>(
    db,
    "SELECT group_concat(product_id, ' / ') AS code FROM products GROUP BY lower(product_id) HAVING count(*) > 1 ORDER BY 1",
  ).map((r) => r.code);
  expect(spellings).toEqual(['72803B / 72803b', '84971L / 84971l']);
});

test('returns point at the purchase they reverse where the data allows', async () => {
  const linked = Number(value(db, 'SELECT count(*) FROM order_lines WHERE reverses_line IS NOT NULL'));
  expect(linked).toBeGreaterThan(5_000);
  const mismatched = value(
    db,
    `SELECT count(*) FROM order_lines r
       JOIN orders ro ON ro.order_id = r.order_id
       JOIN order_lines p ON p.line_id = r.reverses_line
       JOIN orders po ON po.order_id = p.order_id
      WHERE r.reverses_line IS NOT NULL
        AND (p.product_id <> r.product_id OR p.unit_price <> r.unit_price OR po.customer_id <> ro.customer_id
             OR po.ordered_at > ro.ordered_at OR p.quantity <= 0)`,
  );
  expect(mismatched).toBe(0);
  expect(report.notes.find((n) => n.kind === 'returns')?.message).toContain(
    `${linked.toLocaleString('en')} of 10,624 matched to the earlier purchase they reverse`,
  );
});

test('the import is recorded with its mapping and report, and every row carries its import id', async () => {
  const [record] = rows<Record<string, string | number>>(db, 'SELECT * FROM imports');
  expect(record).toMatchObject({
    file_name: 'online_retail.csv',
    kind: 'order_lines_flat',
    mode: 'append',
    rows_read: 541_909,
    rows_imported: 541_909,
    rows_rejected: 0,
  });
  expect(JSON.parse(String(record.mapping)).columns.order_id).toBe('InvoiceNo');
  expect(JSON.parse(String(record.report)).warnings.duplicate_rows).toBe(5_268);
  for (const table of ['order_lines', 'orders', 'customers', 'products']) {
    expect(value(db, `SELECT count(*) FROM ${table} WHERE import_id IS NOT ${record.import_id}`), table).toBe(0);
  }
});
