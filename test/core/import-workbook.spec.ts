import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { createEngine } from '../../src/engine/engine';
import { cli, fileSha, fixture, openFile, rows, tempDir, value, workspaceWithData } from '../support/import-helpers';
import { CUSTOMERS_SHEET, ORDER_LINES_SHEET, workbook } from '../support/workbook-fixtures';

// Excel workbooks import as CSV files do; other binary files are refused with how to get CSV out of them.

function write(name: string, bytes: Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

test('a workbook with one sheet imports like the same table in CSV, dates and numbers read from the cells', async () => {
  const file = write('orders.xlsx', workbook({ Orders: ORDER_LINES_SHEET }));
  const workspace = join(tempDir(), 'shop.xsell');
  const run = await cli(file, '--workspace', workspace, '--json');
  expect(run.code).toBe(0);
  expect(run.json).toMatchObject({
    ok: true,
    kind: 'order_lines_flat',
    rowsRead: 6,
    rowsImported: 6,
    rowsRejected: 0,
    blankRowsSkipped: 1,
    orders: 3,
    orderLines: 6,
    customers: 3,
    products: 3,
  });
  const db = await openFile(workspace);
  expect(rows(db, 'SELECT order_id, customer_id, ordered_at FROM orders ORDER BY order_id')).toEqual([
    { order_id: '10001', customer_id: '17850', ordered_at: '2024-03-01T09:15:00' },
    { order_id: '10002', customer_id: '13047', ordered_at: '2024-03-02T14:40:00' },
    { order_id: '10003', customer_id: '12583', ordered_at: '2024-03-05T00:00:00' },
  ]);
  expect(value(db, "SELECT name FROM products WHERE product_id = '22633'")).toBe('HAND WARMER, UNION JACK');
  expect(value(db, 'SELECT unit_price FROM order_lines WHERE source_row = 3')).toBe(2.1);
  // 84997c on row 4 is 84997C under the same name: one product.
  expect(value(db, "SELECT count(*) FROM order_lines WHERE product_id = '84997C'")).toBe(3);
  expect((run.json.notes as string[]).find((note) => note.startsWith('2 product codes'))).toBe(
    '2 product codes differ from another only in letter case or spaces and share its name: merged into 1 product (84997c → 84997C). To keep such codes apart, undo this import and import it again with merging turned off.',
  );
});

test('a workbook with data on two sheets asks which one, and imports the one chosen', async () => {
  const file = write('shop.xlsx', workbook({ Orders: ORDER_LINES_SHEET, Customers: CUSTOMERS_SHEET }));
  const workspace = await workspaceWithData(tempDir());
  const before = fileSha(workspace);

  const asked = await cli(file, '--workspace', workspace, '--json');
  expect(asked.code).toBe(1);
  expect(asked.json.error).toEqual({
    code: 'choose_sheet',
    message: 'This workbook has 2 sheets with data: “Orders”, “Customers”. Choose the sheet to import.',
    detail: 'Its sheets are: Orders, Customers.',
    sheets: ['Orders', 'Customers'],
    advice: ['Use --sheet with the sheet\'s name, e.g. --sheet "Orders".'],
  });
  expect(fileSha(workspace)).toBe(before);

  const wrong = await cli(file, '--workspace', workspace, '--json', '--sheet', 'Returns');
  expect(wrong.json.error?.message).toBe('This workbook has no sheet called “Returns”. Choose one of its sheets.');

  const chosen = await cli(file, '--workspace', workspace, '--json', '--sheet', 'Customers');
  expect(chosen.json).toMatchObject({ ok: true, kind: 'customers', rowsRead: 3, rowsImported: 3, customers: 3 });
  const db = await openFile(workspace);
  expect(value(db, "SELECT email FROM customers WHERE customer_id = '13047'")).toBe('bea@example.com');
  expect(value(db, 'SELECT file_name FROM imports')).toBe('shop.xlsx (Customers)');
});

test('a workbook whose other sheets are empty imports its one table without asking', async () => {
  const file = write('orders.xlsx', workbook({ Notes: [], Orders: ORDER_LINES_SHEET, Empty: [[null]] }));
  const run = await cli(file, '--workspace', join(tempDir(), 'shop.xsell'), '--json');
  expect(run.json).toMatchObject({ ok: true, kind: 'order_lines_flat', orderLines: 6 });
});

test('the preview of a workbook shows the first sheet with data and names every sheet', async () => {
  const engine = createEngine(await loadSqlJs());
  await engine.workspace.create('Shop');
  const bytes = workbook({ Notes: [], Customers: CUSTOMERS_SHEET, Orders: ORDER_LINES_SHEET });
  const first = await engine.imports.preview(bytes, 'shop.xlsx');
  expect(first.ok && first.value.workbook).toEqual({ sheets: ['Notes', 'Customers', 'Orders'], sheet: 'Customers' });
  expect(first.ok && first.value.detectedKind).toBe('customers');
  const orders = await engine.imports.preview(bytes, 'shop.xlsx', { sheet: 'Orders' });
  expect(orders.ok && orders.value.detectedKind).toBe('order_lines_flat');
  expect(orders.ok && orders.value.sampleRows[0]).toEqual([
    '10001',
    '84997C',
    'CHILDRENS CUTLERY POLKADOT BLUE',
    '6',
    '2024-03-01T09:15:00',
    '4.15',
    '17850',
    'United Kingdom',
  ]);
  const csv = await engine.imports.preview(new Uint8Array(readFileSync(fixture('order-lines.csv'))), 'o.csv');
  expect(csv.ok && csv.value.workbook).toBeNull();
  await engine.workspace.close();
});

test('product codes in two letter cases stay apart when the user says so', async () => {
  const file = write('orders.xlsx', workbook({ Orders: ORDER_LINES_SHEET }));
  const run = await cli(file, '--workspace', join(tempDir(), 'shop.xsell'), '--json', '--keep-code-case');
  expect(run.json).toMatchObject({ ok: true, products: 4, warnings: { code_case_kept: 2 } });
  expect(run.json.mapping).toMatchObject({ mergeCaseVariants: false });
  expect(run.json.notes).toContain(
    '2 product codes differ from another only in letter case or spaces (84997C / 84997c): kept as separate products, as you chose.',
  );
});

test('other binary files are refused with how to export CSV from the program that made them', async () => {
  const zip = new Uint8Array(readFileSync(fixture('zipped-workbook.csv')));
  const oldExcel = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
  const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
  const cases: [string, Uint8Array, string][] = [
    [
      'orders.xls',
      oldExcel,
      'It is an older Excel or Office document (.xls), not a CSV text file. Open it in Excel and choose File › Save As, then “Excel Workbook (.xlsx)” or “CSV UTF-8”, and import that file.',
    ],
    [
      'orders.numbers',
      zip,
      'It is an Apple Numbers document, not a CSV text file. In Numbers, choose File › Export To › CSV, and import that file.',
    ],
    [
      'orders.ods',
      zip,
      'It is an OpenDocument spreadsheet (.ods), not a CSV text file. In LibreOffice Calc, choose File › Save As with the file type “Text CSV (.csv)”, and import that file.',
    ],
    [
      'export.zip',
      zip,
      'It is a ZIP archive, not a CSV text file. Unpack it (on Windows: right-click it and choose Extract All; on a Mac: double-click it) and import the CSV files inside.',
    ],
    [
      'orders.pdf',
      pdf,
      'It is a PDF document, which holds pages rather than a table of data. Export the data as CSV or as an Excel workbook (.xlsx) from the program that made the PDF, and import that file.',
    ],
  ];
  for (const [name, bytes, message] of cases) {
    const run = await cli(write(name, bytes), '--workspace', join(tempDir(), 'shop.xsell'), '--json');
    expect(run.code, name).toBe(1);
    expect(run.json.error, name).toMatchObject({
      code: 'not_text',
      message: `This file cannot be imported. ${message}`,
    });
  }
});
