import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { importFile } from '../../src/core/import/import-file';
import { RowReader, type SourceRow } from '../../src/core/import/read-rows';
import { bytesSource } from '../../src/core/import/source';
import { parseDateTime } from '../../src/core/import/values';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import { rows } from '../support/import-helpers';

// The ways the loader goes faster on big files (rows split a piece at a time, rows written a
// hundred to a statement, the usual date shape read directly) change nothing in what it reads.

test('a file of many chunks reads into the same rows as in tiny chunks, quoted line breaks and all', async () => {
  const expected: string[][] = [['id', 'note', 'amount']];
  let text = 'id,note,amount\r\n';
  for (let i = 1; text.length < 400_000; i++) {
    // Notes of every length, some quoted with commas, doubled quotes and line breaks inside.
    const plain = 'x'.repeat(i % 97);
    const note = i % 5 === 0 ? `say "hi",\nthen ${plain}` : plain;
    const cell = i % 5 === 0 ? `"${note.replace(/"/g, '""')}"` : note;
    text += `${i},${cell},${i % 13}.5${i % 7 === 0 ? '\n' : '\r\n'}`;
    expected.push([String(i), note, `${i % 13}.5`]);
  }
  const bytes = new TextEncoder().encode(text);
  const read = async (chunkBytes?: number) => {
    const reader = new RowReader(bytesSource('big.csv', bytes), 'utf-8', ',', { chunkBytes });
    const all: SourceRow[] = [];
    for await (const batch of reader.batches()) for (const row of batch.rows) all.push(row);
    return all;
  };

  const whole = await read();
  expect(whole.map((row) => row.cells)).toEqual(expected);
  expect(whole.every((row, i) => row.row === i + 1 && !row.problem)).toBe(true);
  expect(await read(1000)).toEqual(whole);
});

test('dates in the usual export shape are read exactly, and impossible ones refused', async () => {
  expect(parseDateTime('2024-02-29 23:59:59', 'dmy')).toBe('2024-02-29T23:59:59');
  expect(parseDateTime('2024-02-29T23:59:59', 'mdy')).toBe('2024-02-29T23:59:59');
  expect(parseDateTime('2023-02-29 10:00:00', 'dmy')).toBeNull();
  expect(parseDateTime('2010-13-01 00:00:00', 'dmy')).toBeNull();
  expect(parseDateTime('2010-12-01T24:00:00', 'dmy')).toBeNull();
  expect(parseDateTime('2010-12-01 08:60:00', 'dmy')).toBeNull();
});

test('lines written a hundred at a time across chunks all arrive, with their orders, customers and products', async () => {
  // 1,234 lines (not a multiple of a hundred) of 500 orders; every fifth order's customer is only
  // named on its later lines, which come after a chunk boundary. An order has one date, as in a real export.
  let csv = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n';
  for (let i = 0; i < 1234; i++) {
    const order = 500000 + (i % 500);
    const customer = order % 5 === 0 && i < 500 ? '' : String(12000 + (order % 37));
    csv += `${order},P${i % 23},Item ${i % 23},${(i % 4) + 1},2011-01-${String(1 + ((order - 500000) % 28)).padStart(2, '0')} 10:00:00,1.25,${customer},Norway\n`;
  }
  const SQL = await loadSqlJs();
  const db = createWorkspaceDb(SQL, 'big');
  const source = bytesSource('lines.csv', new TextEncoder().encode(csv));
  const outcome = await importFile(db, source, {}, { chunkBytes: 4096 });
  if (!outcome.ok) throw new Error(outcome.failure.message);
  expect(outcome.report.written).toMatchObject({ orderLines: 1234, orders: 500, customers: 37, products: 23 });

  const [totals] = rows(
    db,
    'SELECT count(*) AS n, sum(quantity) AS quantity, count(DISTINCT source_row) AS sourceRows FROM order_lines',
  );
  expect(totals).toEqual({ n: 1234, quantity: 3083, sourceRows: 1234 });
  expect(rows(db, 'SELECT count(*) AS n FROM orders WHERE customer_id IS NULL')).toEqual([{ n: 0 }]);
  expect(rows(db, `SELECT customer_id, ordered_at FROM orders WHERE order_id = '500000'`)).toEqual([
    { customer_id: '12019', ordered_at: '2011-01-01T10:00:00' },
  ]);

  // Again in update mode: each order's lines are replaced, not added to.
  const again = await importFile(db, source, { mode: 'update' }, { chunkBytes: 4096 });
  expect(again.ok).toBe(true);
  expect(rows(db, 'SELECT count(*) AS n FROM order_lines')).toEqual([{ n: 1234 }]);
  expect(rows(db, 'SELECT count(*) AS n FROM orders')).toEqual([{ n: 500 }]);
});
