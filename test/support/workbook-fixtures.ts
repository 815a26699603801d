import { utils, write, type CellObject, type WorkSheet } from '@e965/xlsx';

/**
 * Small Excel workbooks for the import specs, written when a spec runs rather than kept as binary
 * files. Cells are stored as Excel stores them: text, plain numbers, and dates as day numbers
 * (days since 30 December 1899, the time as a fraction of a day) with a date format.
 */

type Cell = string | number | { date: string } | null;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function cell(value: Cell): CellObject | null {
  if (value === null) return null;
  if (typeof value === 'number') return { t: 'n', v: value };
  if (typeof value === 'string') return { t: 's', v: value };
  const serial = (Date.parse(`${value.date}Z`) - EXCEL_EPOCH) / 86_400_000;
  return { t: 'n', v: serial, z: value.date.includes('T') ? 'yyyy-mm-dd hh:mm' : 'dd/mm/yyyy' };
}

function sheet(rows: Cell[][]): WorkSheet {
  const sheet: WorkSheet = {};
  let width = 0;
  rows.forEach((row, r) => {
    width = Math.max(width, row.length);
    row.forEach((value, c) => {
      const written = cell(value);
      if (written) sheet[utils.encode_cell({ r, c })] = written;
    });
  });
  sheet['!ref'] = utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(0, rows.length - 1), c: Math.max(0, width - 1) },
  });
  return sheet;
}

export function workbook(sheets: Record<string, Cell[][]>): Uint8Array {
  const book = utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) utils.book_append_sheet(book, sheet(rows), name);
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/**
 * A shop's order lines as a spreadsheet user keeps them: real date cells (one without a time),
 * numbers as numbers, a description with a comma, a blank row in the middle, and one stock code
 * written in two letter cases under the same name.
 */
export const ORDER_LINES_SHEET: Cell[][] = [
  ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'],
  [
    10001,
    '84997C',
    'CHILDRENS CUTLERY POLKADOT BLUE',
    6,
    { date: '2024-03-01T09:15:00' },
    4.15,
    17850,
    'United Kingdom',
  ],
  [10001, '22633', 'HAND WARMER, UNION JACK', 12, { date: '2024-03-01T09:15:00' }, 2.1, 17850, 'United Kingdom'],
  [10002, '84997c', 'childrens cutlery polkadot blue ', 2, { date: '2024-03-02T14:40:00' }, 4.15, 13047, 'France'],
  [10002, '85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 4, { date: '2024-03-02T14:40:00' }, 2.55, 13047, 'France'],
  [null, null, null, null, null, null, null, null],
  [10003, '84997C', 'CHILDRENS CUTLERY POLKADOT BLUE', 1, { date: '2024-03-05' }, 4.15, 12583, 'Germany'],
  [10003, '22633', 'HAND WARMER, UNION JACK', 3, { date: '2024-03-05' }, 2.1, 12583, 'Germany'],
];

export const CUSTOMERS_SHEET: Cell[][] = [
  ['customer_id', 'email', 'country'],
  [17850, 'ann@example.com', 'United Kingdom'],
  [13047, 'bea@example.com', 'France'],
  [12583, 'carl@example.com', 'Germany'],
];
