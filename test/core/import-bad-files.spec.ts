import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cli, fileSha, fixture, openFile, tempDir, value, workspaceWithData } from '../support/import-helpers';

// Files that cannot be imported: a clear message, exit code 1, and the workspace file byte for byte as before.

async function expectRefused(file: string, extraArgs: string[] = []) {
  const dir = tempDir();
  const workspace = await workspaceWithData(dir);
  const before = fileSha(workspace);
  const run = await cli(file, '--workspace', workspace, '--json', ...extraArgs);
  expect(run.code).toBe(1);
  expect(run.json.ok).toBe(false);
  expect(fileSha(workspace), 'the workspace must be left exactly as it was').toBe(before);
  return run.json.error!;
}

test('an empty file', async () => {
  const error = await expectRefused(fixture('empty.csv'));
  expect(error).toMatchObject({ code: 'empty', message: 'This file is empty: there is nothing to import.' });
});

test('a file with column names but no rows', async () => {
  const error = await expectRefused(fixture('header-only.csv'));
  expect(error.message).toBe('This file has column names but no rows of data under them.');
  expect(error.detail).toBe('Its columns are: customer_id, email, first_name, country.');
});

test('a zipped workbook renamed to .csv', async () => {
  const error = await expectRefused(fixture('zipped-workbook.csv'));
  expect(error.code).toBe('not_text');
  expect(error.message).toBe(
    'This file cannot be imported. It is a ZIP archive, not a CSV text file. Unpack it (on Windows: right-click it and choose Extract All; on a Mac: double-click it) and import the CSV files inside.',
  );
  expect(error.detail).toContain('Save or export the data as CSV');
});

test('a file whose values are separated by a character we do not read', async () => {
  const error = await expectRefused(fixture('unknown-separator.csv'));
  expect(error.message).toBe(
    'This file seems to separate its values with “^”, which we do not read. Save it with commas, semicolons or tabs between the values and import it again.',
  );
});

test('a file of another kind than the one chosen with --as', async () => {
  const error = await expectRefused(fixture('order-lines.csv'), ['--as', 'customers']);
  expect(error.code).toBe('kind_mismatch');
  expect(error.message).toBe(
    'You chose to import a customer list, but this file looks like order lines with the order details on each line. Choose what the file really holds, or map its columns yourself.',
  );
  expect(error.detail).toContain('InvoiceNo, StockCode');
});

test('a 10 MB file that is one single line', async () => {
  const file = join(tempDir(), 'one-line.csv');
  writeFileSync(file, 'customer_id,'.repeat((10 * 1024 * 1024) / 12));
  const error = await expectRefused(file);
  expect(error.code).toBe('not_a_table');
  expect(error.message).toBe(
    'This file does not look like a table: its first line runs on for more than a megabyte without a line break.',
  );
});

test('day-first dates that could also be month-first need a choice, and the choice is applied', async () => {
  const error = await expectRefused(fixture('day-first-ambiguous.csv'));
  expect(error.code).toBe('choose_date_order');
  expect(error.message).toBe(
    'The dates in column “order_date” (such as 03/04/2024) can be read day first or month first. Choose which one the file uses.',
  );

  const dir = tempDir();
  const workspace = join(dir, 'new.xsell');
  const text = await cli(fixture('day-first-ambiguous.csv'), '--workspace', workspace);
  expect(text.err).toContain('Use --date-format dmy (day first) or --date-format mdy (month first).');
  expect(existsSync(workspace), 'a failed import creates no workspace').toBe(false);

  expect((await cli(fixture('day-first-ambiguous.csv'), '--workspace', workspace, '--date-format', 'dmy')).code).toBe(
    0,
  );
  const dayFirst = await openFile(workspace);
  expect(value(dayFirst, "SELECT ordered_at FROM orders WHERE order_id = 'A-1'")).toBe('2024-04-03T00:00:00');
  expect(value(dayFirst, "SELECT ordered_at FROM orders WHERE order_id = 'A-2'")).toBe('2024-06-05T14:30:00');

  const other = join(dir, 'us.xsell');
  expect((await cli(fixture('day-first-ambiguous.csv'), '--workspace', other, '--date-format', 'mdy')).code).toBe(0);
  expect(value(await openFile(other), "SELECT ordered_at FROM orders WHERE order_id = 'A-1'")).toBe(
    '2024-03-04T00:00:00',
  );
});

test('importing the same order lines twice in append mode refuses every row and changes nothing', async () => {
  const dir = tempDir();
  const workspace = join(dir, 'shop.xsell');
  expect((await cli(fixture('order-lines.csv'), '--workspace', workspace)).code).toBe(0);
  const before = fileSha(workspace);
  const again = await cli(fixture('order-lines.csv'), '--workspace', workspace, '--json');
  expect(again.code).toBe(1);
  expect(again.json.error).toMatchObject({
    code: 'nothing_imported',
    message: 'None of the 4 rows could be imported, so the workspace was left as it was.',
    detail:
      "4 of them were refused like this one: Row 2: order 536365 is already in the workspace from an earlier import. Import with “update” to bring in this file's changes: what the earlier import gave and this file leaves blank is kept.",
  });
  expect(again.json).toMatchObject({
    rowsRead: 4,
    rowsImported: 0,
    rowsRejected: 4,
    rejected: { already_in_workspace: 4 },
  });
  expect(fileSha(workspace)).toBe(before);
});

test('a second file that fails leaves the workspace as it was, even though the first file imported', async () => {
  const dir = tempDir();
  const workspace = await workspaceWithData(dir);
  const before = fileSha(workspace);
  const run = await cli(fixture('order-lines.csv'), fixture('header-only.csv'), '--workspace', workspace, '--json');
  expect(run.code).toBe(1);
  expect(run.json).toMatchObject({ ok: false, file: fixture('header-only.csv') });
  expect(fileSha(workspace)).toBe(before);
});

test('wrong options are explained', async () => {
  const run = await cli(fixture('order-lines.csv'), '--workspace', join(tempDir(), 'w.xsell'), '--mode', 'merge');
  expect(run.code).toBe(64);
  expect(run.err).toContain('“merge” is not an import mode. Use append, update or replace.');
  const noWorkspace = await cli(fixture('order-lines.csv'));
  expect(noWorkspace.err).toContain('Name the workspace to import into, with --workspace.');
});

test('a workspace file that is not a workspace is not touched', async () => {
  const dir = tempDir();
  const notWorkspace = join(dir, 'notes.xsell');
  writeFileSync(notWorkspace, 'just some notes\n');
  const before = fileSha(notWorkspace);
  const run = await cli(fixture('order-lines.csv'), '--workspace', notWorkspace, '--json');
  expect(run.code).toBe(2);
  expect(run.json.error?.message).toContain('This file is not a Cross-Sell Planner workspace.');
  expect(fileSha(notWorkspace)).toBe(before);
});

test('a saved mapping that names a column the file does not have', async () => {
  const preset = join(tempDir(), 'preset.json');
  writeFileSync(preset, JSON.stringify({ kind: 'customers', columns: { customer_id: 'Client No', email: 'email' } }));
  const error = await expectRefused(fixture('tab-separated.csv'), ['--mapping', preset]);
  expect(error.message).toBe(
    'The mapping reads the customer number from a column “Client No”, but this file has no such column.',
  );
  expect(error.detail).toBe("The file's columns are: customer_id, email, first_name, country.");

  writeFileSync(preset, JSON.stringify({ kind: 'customers', columns: { shoe_size: 'size' } }));
  const run = await cli(fixture('tab-separated.csv'), '--workspace', join(tempDir(), 'w.xsell'), '--mapping', preset);
  expect(run.code).toBe(64);
  expect(run.err).toMatch(/is not a column mapping: columns: .*shoe_size/);
});

test('dated sales with no order number and no customer are refused as order lines, not read as a product list', async () => {
  const error = await expectRefused(fixture('sales-without-orders.csv'));
  expect(error.code).toBe('no_order_number');
  expect(error.message).toContain('We could not find a column for the order number');
  expect(error.advice).toEqual([
    expect.stringContaining('--mapping FILE.json'),
    expect.stringContaining('--group-by customer-day'),
  ]);
});
