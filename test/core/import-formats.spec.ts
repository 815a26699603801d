import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { csvCell, csvLine } from '../../src/core/export/csv-cell';
import { importFile } from '../../src/core/import/import-file';
import { proposeColumns } from '../../src/core/import/mapping';
import { previewImport } from '../../src/core/import/preview';
import { detectKind, looksLikeHeader, sampleRecords, sniffDelimiter, sniffLineEnd } from '../../src/core/import/sniff';
import { bytesSource } from '../../src/core/import/source';
import {
  guessDateFormat,
  guessDecimalSeparator,
  normaliseEmail,
  normaliseId,
  parseDateTime,
  parseNumber,
  parseYesNo,
} from '../../src/core/import/values';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import { fixture } from '../support/import-helpers';

// How files are recognised and how their values are read.

const delimiterOf = (text: string) => sniffDelimiter(sampleRecords(text));

test('the separator is found by counting it outside quotes on every sampled row', async () => {
  expect(delimiterOf('a,b,c\n1,"x, y",3\n2,z,4\n').delimiter).toBe(',');
  expect(delimiterOf('a;b;c\n1;2,5;3\n2;3,1;4\n').delimiter).toBe(';');
  expect(delimiterOf('a\tb\n1\t2\n').delimiter).toBe('\t');
  expect(delimiterOf('a|b\n1|2\n').delimiter).toBe('|');
  expect(delimiterOf('a;b,c\n1;2,3\n')).toMatchObject({ ambiguous: true, candidates: [',', ';'] });
});

test('two equally good separators need a choice; once chosen, the file imports', async () => {
  const bytes = new TextEncoder().encode('customer;first,last\n1001;Ann,Lee\n1002;Ben,Ray\n');
  const db = createWorkspaceDb(await loadSqlJs(), 'Shop');
  const unsure = await importFile(db, bytesSource('a.csv', bytes), { kind: 'customers' });
  expect(!unsure.ok && unsure.failure.message).toBe(
    'We cannot tell whether this file separates its values with “,” or “;”. Choose the separator it uses.',
  );
  const chosen = await importFile(db, bytesSource('a.csv', bytes), { kind: 'customers', delimiter: ';' });
  expect(chosen.ok && chosen.report.rowsImported).toBe(2);
});

test('line ends are recognised', async () => {
  expect(sniffLineEnd('a\nb\n')).toBe('lf');
  expect(sniffLineEnd('a\r\nb\r\n')).toBe('crlf');
  expect(sniffLineEnd('a\rb\r')).toBe('cr');
  expect(sniffLineEnd('a\r\nb\n')).toBe('mixed');
});

test('a header row is told from a first row of data', async () => {
  expect(looksLikeHeader(['Customer ID', 'Email'], [['1001', 'a@example.com']])).toBe(true);
  expect(
    looksLikeHeader(
      ['Kundennummer', 'Umsatz'],
      [
        ['1001', '25,50'],
        ['1002', '3,10'],
      ],
    ),
  ).toBe(true);
  expect(looksLikeHeader(['1001', 'a@example.com'], [['1002', 'b@example.com']])).toBe(false);
  expect(looksLikeHeader(['citrus fruit', 'margarine'], [['whole milk'], ['yogurt', 'coffee']])).toBe(false);
});

test('what a file holds is read from its column names', async () => {
  expect(detectKind(['Customer ID', 'E-mail', 'First Name', 'Loyalty Tier'], true)).toBe('customers');
  expect(detectKind(['SKU', 'Name', 'Category', 'Price'], true)).toBe('products');
  expect(detectKind(['Order Number', 'Customer', 'Order Date', 'Status'], true)).toBe('orders');
  expect(detectKind(['order_id', 'sku', 'qty', 'price'], true)).toBe('order_lines');
  expect(
    detectKind(
      ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'],
      true,
    ),
  ).toBe('order_lines_flat');
  expect(detectKind(['customer_id', 'timestamp', 'event_type', 'product_id'], true)).toBe('events');
  expect(detectKind(['Member_number', 'Date', 'itemDescription'], true)).toBe('order_lines_flat');
  expect(detectKind(null, false)).toBe('baskets');
  expect(detectKind(['colour', 'size'], true)).toBeNull();
});

test('columns are matched to fields by their names, whatever the spelling', async () => {
  expect(
    proposeColumns('order_lines_flat', [
      'Invoice No',
      'Stock Code',
      'Description',
      'Qty',
      'Order Date',
      'Price',
      'Customer ID',
      'Country',
      'Colour',
    ]),
  ).toEqual({
    order_id: 'Invoice No',
    product_id: 'Stock Code',
    product_name: 'Description',
    quantity: 'Qty',
    ordered_at: 'Order Date',
    unit_price: 'Price',
    customer_id: 'Customer ID',
    country: 'Country',
  });
  expect(proposeColumns('products', ['SKU', 'Description', 'Price'])).toEqual({
    product_id: 'SKU',
    name: 'Description',
    price: 'Price',
  });
  expect(proposeColumns('customers', ['E-mail', 'Member_number'])).toEqual({
    email: 'E-mail',
    customer_id: 'Member_number',
  });
});

test('dates in the usual formats become ISO text', async () => {
  expect(parseDateTime('2010-12-01 08:26:00', 'dmy')).toBe('2010-12-01T08:26:00');
  expect(parseDateTime('2010-12-01T08:26', 'dmy')).toBe('2010-12-01T08:26:00');
  expect(parseDateTime('2010-12-01T08:26:00Z', 'dmy')).toBe('2010-12-01T08:26:00');
  expect(parseDateTime('12/1/2010 8:26', 'mdy')).toBe('2010-12-01T08:26:00');
  expect(parseDateTime('01/12/2010', 'dmy')).toBe('2010-12-01T00:00:00');
  expect(parseDateTime('1.12.2010', 'dmy')).toBe('2010-12-01T00:00:00');
  expect(parseDateTime('12/25/24 10:30 PM', 'mdy')).toBe('2024-12-25T22:30:00');
  expect(parseDateTime('29/02/2023', 'dmy')).toBeNull();
  expect(parseDateTime('yesterday', 'dmy')).toBeNull();
});

test('the day/month order is proved by a day above 12, and left open otherwise', async () => {
  expect(guessDateFormat(['03/04/2024', '25/12/2024'])).toMatchObject({ order: 'dmy', ambiguous: false });
  expect(guessDateFormat(['03/04/2024', '12/25/2024'])).toMatchObject({ order: 'mdy', ambiguous: false });
  expect(guessDateFormat(['03/04/2024', '05/06/2024'])).toMatchObject({
    order: null,
    ambiguous: true,
    example: '03/04/2024',
  });
  expect(guessDateFormat(['01/01/2024', '2024-05-06'])).toMatchObject({ order: null, ambiguous: false });
});

test('numbers with a decimal point or a decimal comma, with thousands separators', async () => {
  expect(parseNumber('2.55', '.')).toBe(2.55);
  expect(parseNumber('-11062.06', '.')).toBe(-11062.06);
  expect(parseNumber('1,234.50', '.')).toBe(1234.5);
  expect(parseNumber('£3.20', '.')).toBe(3.2);
  expect(parseNumber('2,55', ',')).toBe(2.55);
  expect(parseNumber('1.234,50', ',')).toBe(1234.5);
  expect(parseNumber('2,55', '.')).toBeNull();
  expect(parseNumber('six', '.')).toBeNull();
  expect(guessDecimalSeparator(['2,55', '3,10', '12'])).toBe(',');
  expect(guessDecimalSeparator(['2.55', '1,234'])).toBe('.');
});

test('ids, emails and yes/no answers are normalised', async () => {
  expect(normaliseId(' 17850.0 ')).toBe('17850');
  expect(normaliseId('85123A')).toBe('85123A');
  expect(normaliseId('10.5')).toBe('10.5');
  expect(normaliseEmail('  Ann.Lee@Example.COM ')).toBe('ann.lee@example.com');
  expect(['yes', 'Y', 'true', '1'].map(parseYesNo)).toEqual([1, 1, 1, 1]);
  expect(['no', 'N', 'false', '0'].map(parseYesNo)).toEqual([0, 0, 0, 0]);
  expect(parseYesNo('maybe')).toBeNull();
});

test('CSV cells we write cannot run as spreadsheet formulas', async () => {
  expect(csvCell('=1+1')).toBe("'=1+1");
  expect(csvCell('+cmd')).toBe("'+cmd");
  expect(csvCell('-2+3')).toBe("'-2+3");
  expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  expect(csvCell('-5')).toBe('-5');
  expect(csvCell(-5)).toBe('-5');
  expect(csvLine(['a,b', null, 'plain'])).toBe('"a,b",,plain\r\n');
});

test('the preview shows what a file holds before anything is written', async () => {
  const previewed = await previewImport(bytesSource('order-lines.csv', readFileSync(fixture('order-lines.csv'))));
  expect(previewed.ok).toBe(true);
  if (!previewed.ok) return;
  const preview = previewed.value;
  expect(preview).toMatchObject({
    fileName: 'order-lines.csv',
    detectedKind: 'order_lines_flat',
    format: { encoding: 'utf-8', delimiter: ',', hasHeader: true },
    lineEnd: 'lf',
    delimiter: { ambiguous: false, regular: true },
    headers: ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'],
  });
  expect(preview.mapping).toMatchObject({
    kind: 'order_lines_flat',
    decimalSeparator: '.',
    columns: { order_id: 'InvoiceNo', customer_id: 'CustomerID' },
  });
  expect(preview.dateColumns).toEqual([
    { column: 'InvoiceDate', guess: { order: null, ambiguous: false, unreadable: 0, example: null } },
  ]);
  expect(preview.sampleRows).toHaveLength(4);
  expect(preview.sampleRows[1]).toEqual([
    '536365',
    'POST',
    'POSTAGE',
    '1',
    '2010-12-01 08:26:00',
    '18.00',
    '17850.0',
    'United Kingdom',
  ]);
});
