import { createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeOrderLinesCsv } from '../../src/core/demo/order-lines-csv';
import { scratchDir } from '../support/workspace-fixtures';
import { CUSTOMERS_SHEET, ORDER_LINES_SHEET, workbook } from '../support/workbook-fixtures';
import { expect, test } from '../support/e2e';
import { createWorkspace, saved } from '../support/e2e-steps';

const FIXTURES = 'test/fixtures/import-e2e';
const dialog = (page: Page) => page.getByRole('dialog');

async function chooseFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import data…' }).click();
  await (await chooser).setFiles(path);
}

/** A flat order-line export of the running shop, written at test time. */
async function demoLinesFile(lines: number): Promise<string> {
  const path = join(scratchDir('xsell-import-'), 'big-orders.csv');
  const out = createWriteStream(path);
  writeOrderLinesCsv('running', { lines }, (chunk) => out.write(chunk));
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return path;
}

test('order lines are detected, mapped, imported and kept', async ({ app }) => {
  await createWorkspace(app, 'Tea Corner');
  await chooseFile(app, join(FIXTURES, 'shop-orders.csv'));

  await expect(dialog(app).getByRole('heading', { name: 'Import data' })).toBeVisible();
  await expect(app.getByLabel('The file holds')).toHaveValue('order_lines_flat');
  await expect(app.getByLabel('Values separated by')).toHaveValue(',');
  await expect(app.getByTestId('import-encoding')).toHaveText('UTF-8');
  await expect(app.getByLabel(/^Order number/)).toHaveValue('order_id');
  await expect(app.getByLabel(/^Unit price/)).toHaveValue('unit_price');
  await expect(dialog(app).getByRole('table')).toContainText('2024-03-01 10:00:00');

  await dialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog(app).getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(app.getByTestId('report-read')).toContainText('7');
  await expect(app.getByTestId('report-imported')).toContainText('5');
  await expect(app.getByTestId('report-rejected')).toContainText('2');
  await expect(app.getByTestId('rejected-reasons')).toContainText('A date we cannot read: 1');
  await expect(app.getByTestId('rejected-reasons')).toContainText('A number we cannot read: 1');

  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Save rejected rows as CSV…' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('Row,Reason,Problem,order_id,customer_id,ordered_at,product_id,quantity,unit_price,channel');
  expect(lines[1]).toMatch(/^6,bad_date,/);
  expect(lines[2]).toMatch(/^7,bad_number,/);
  expect(lines[2]).toContain(`"'=HYPERLINK(""http://example.com"")"`);

  await app.getByRole('button', { name: 'Done' }).click();
  await expect(dialog(app)).toHaveCount(0);
  await expect(app.getByTestId('count-order_lines')).toContainText('5');
  await expect(app.getByTestId('count-orders')).toContainText('4');
  await expect(app.getByTestId('count-customers')).toContainText('3');
  await expect(app.getByTestId('count-imports')).toContainText('1');
  await saved(app);

  await app.reload();
  await app.getByRole('button', { name: /^Tea Corner/ }).click();
  await expect(app.getByTestId('count-order_lines')).toContainText('5');
  await expect(app.getByTestId('count-imports')).toContainText('1');
});

test('an Excel workbook imports the sheet chosen in the review step', async ({ app }) => {
  await createWorkspace(app, 'Spreadsheet Shop');
  const path = join(scratchDir('xsell-import-'), 'shop.xlsx');
  writeFileSync(path, workbook({ Customers: CUSTOMERS_SHEET, Orders: ORDER_LINES_SHEET }));
  await chooseFile(app, path);

  await expect(app.getByTestId('import-sheet')).toHaveValue('Customers');
  await expect(app.getByLabel('The file holds')).toHaveValue('customers');
  await app.getByTestId('import-sheet').selectOption('Orders');
  await expect(app.getByLabel('The file holds')).toHaveValue('order_lines_flat');
  await expect(dialog(app).getByRole('table')).toContainText('2024-03-01T09:15:00');
  await expect(app.getByTestId('import-merge-code-case')).toBeChecked();
  await expect(app.getByLabel('Values separated by')).toHaveCount(0);

  await dialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog(app).getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(dialog(app)).toContainText('merged into 1 product (84997c → 84997C)');
  await app.getByRole('button', { name: 'Done' }).click();
  await expect(app.getByTestId('count-order_lines')).toContainText('6');
  await expect(app.getByTestId('count-products')).toContainText('3');
});

test('an empty or binary file says why in words and changes nothing', async ({ app }) => {
  await createWorkspace(app, 'Empty Shelf');
  await chooseFile(app, 'test/fixtures/import/empty.csv');
  await expect(dialog(app).getByRole('alert')).toHaveText(/This file is empty: there is nothing to import\./);
  await dialog(app).getByRole('button', { name: 'Close' }).click();

  await chooseFile(app, join(FIXTURES, 'spreadsheet.csv'));
  await expect(dialog(app).getByRole('alert')).toContainText('This file cannot be imported.');
  await expect(dialog(app).getByRole('alert')).toContainText('Save or export the data as CSV');
  await expect(dialog(app).getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await app.keyboard.press('Escape');
  await expect(dialog(app)).toHaveCount(0);
  await expect(app.getByText('This workspace has no data yet.')).toBeVisible();
  await saved(app);
});

test('a large import can be cancelled half way and leaves the workspace as it was', async ({ app }) => {
  test.setTimeout(180_000);
  const big = await demoLinesFile(200_000);
  await createWorkspace(app, 'Trail Shop');
  await chooseFile(app, join(FIXTURES, 'shop-orders.csv'));
  await dialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  await app.getByRole('button', { name: 'Done' }).click();
  await expect(app.getByTestId('count-order_lines')).toContainText('5');
  await saved(app);

  // Tasks over 50 ms on the UI thread, as the browser reports them; measured, not asserted.
  const observing = await app.evaluate(() => {
    const page = window as unknown as { longTasks: number[] };
    page.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) page.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    return PerformanceObserver.supportedEntryTypes.includes('longtask');
  });

  await chooseFile(app, big);
  await expect(app.getByLabel('The file holds')).toHaveValue('order_lines_flat');
  await dialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  const bar = dialog(app).getByRole('progressbar');
  const size = statSync(big).size;
  await expect
    .poll(async () => Number(await bar.getAttribute('value')), { timeout: 60_000, intervals: [50] })
    .toBeGreaterThan(size / 3);
  const cancelledAt = await bar.getAttribute('value');
  await dialog(app).getByRole('button', { name: 'Cancel import' }).click();
  await expect(dialog(app).getByRole('status')).toHaveText(
    'The import was cancelled. Nothing was changed in the workspace.',
    { timeout: 60_000 },
  );
  const longTasks = await app.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  console.log(
    `Large import (${size.toLocaleString('en')} bytes) cancelled at byte ${Number(cancelledAt).toLocaleString('en')}; ` +
      (observing
        ? `UI thread tasks over 50 ms: ${longTasks.length}, longest ${Math.round(Math.max(0, ...longTasks))} ms`
        : 'this browser does not report long tasks'),
  );

  await dialog(app).getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(app.getByTestId('count-order_lines')).toContainText('5');
  await expect(app.getByTestId('count-imports')).toContainText('1');
  await saved(app);
});

test('a Shopify orders export is recognised and imported with no choices', async ({ app }) => {
  await createWorkspace(app, 'Kiln & Co');
  await chooseFile(app, 'test/fixtures/import/shopify-orders.csv');

  await expect(app.getByTestId('import-layout')).toHaveText('Looks like a Shopify orders export');
  await expect(app.getByLabel('The file holds')).toHaveValue('order_lines_flat');
  await expect(app.getByLabel(/^Order number/)).toHaveValue('Name');
  // The export has no customer number: the layout adds one (the email, else the phone).
  await expect(app.getByLabel(/^Customer number/)).toHaveValue('Email or phone');

  await dialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog(app).getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(app.getByTestId('report-imported')).toContainText('17');
  await expect(app.getByTestId('report-rejected')).toContainText('0');
  await expect(app.getByTestId('report-reach')).toHaveText(
    "Of the workspace's 7 customers, 4 agreed to email and 0 to text messages.",
  );
  await app.getByRole('button', { name: 'Done' }).click();
  await expect(app.getByTestId('count-orders')).toContainText('9');
  await expect(app.getByTestId('count-customers')).toContainText('7');
});

test('a customer / date / item file offers grouping by customer and day in the order number’s place', async ({
  app,
}) => {
  await createWorkspace(app, 'Corner Grocer');
  await chooseFile(app, 'test/fixtures/import/groceries-transaction-is-member.csv');

  await expect(app.getByLabel('The file holds')).toHaveValue('order_lines_flat');
  const orderNumber = app.getByTestId('order-number-choice');
  await expect(orderNumber.locator('option:checked')).toHaveText('Group by customer and day');
  await expect(app.getByLabel(/^Customer number/)).toHaveValue('Transaction');
  await expect(app.getByTestId('grouping-explained')).toContainText(
    'Each customer’s purchases on the same day form one basket',
  );
  await expect(app.getByTestId('grouping-explained')).toContainText(
    '“Transaction” holds the same value on different dates',
  );

  // An order number chosen and then left out again: the lines are grouped by customer and day, and the form says so.
  await orderNumber.selectOption('Item');
  await expect(app.getByTestId('grouping-explained')).toHaveCount(0);
  await orderNumber.selectOption('');
  await expect(orderNumber.locator('option:checked')).toHaveText('Group by customer and day');

  await orderNumber.selectOption({ label: 'Group by customer and 7 days' });
  await expect(app.getByTestId('grouping-explained')).toContainText('Monday to Sunday');
  await dialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog(app).getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(app.getByTestId('import-warnings')).toContainText(
    '7 baskets: each customer’s purchases in one week (Monday to Sunday)',
  );
  await app.getByRole('button', { name: 'Done' }).click();
  await expect(app.getByTestId('count-orders')).toContainText('7');
  await expect(app.getByTestId('count-customers')).toContainText('4');
});
