import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e';
import { createWorkspace, csvFile, saved } from '../support/e2e-steps';

const dialog = (page: Page) => page.getByRole('dialog', { name: /import/i });
const queued = (page: Page) => dialog(page).getByTestId('queued-file');

const CUSTOMERS = csvFile(
  'customers.csv',
  'customer_id,email,first_name',
  'C1,ann@example.com,Ann',
  'C2,ben@example.com,Ben',
  'C3,cy@example.com,Cy',
);
const ORDER_LINES = csvFile(
  'orders.csv',
  'order_id,customer_id,ordered_at,product_id,quantity,unit_price',
  '1001,C1,2024-03-01 10:00:00,P1,2,9.50',
  '1001,C1,2024-03-01 10:00:00,P2,1,4.00',
  '1002,C2,2024-03-02 11:00:00,P1,1,9.50',
);
const EVENTS = csvFile('events.csv', 'customer_id,timestamp,event_type,product_id', 'C1,2024-03-05 10:00:00,view,P2');

/** Several files are reviewed as one set first; these specs take them one at a time. */
const oneAtATime = (page: Page) => dialog(page).getByRole('button', { name: 'Import them one at a time' }).click();

async function pick(
  page: Page,
  files: ReturnType<typeof csvFile>[],
  button = page.getByRole('button', { name: 'Import data…' }),
) {
  const chooser = page.waitForEvent('filechooser');
  await button.click();
  await (await chooser).setFiles(files);
}

test('two files picked together can be imported one after the other, each with its own review and report', async ({
  app,
}) => {
  await createWorkspace(app, 'Tea Corner');
  await pick(app, [CUSTOMERS, ORDER_LINES]);
  await oneAtATime(app);

  await expect(dialog(app).getByText('File 1 of 2')).toBeVisible();
  await expect(queued(app)).toHaveText([/customers\.csv\s*now/, /orders\.csv\s*waiting/]);
  await expect(app.getByLabel('The file holds')).toHaveValue('customers');
  await dialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog(app).getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(app.getByTestId('report-imported')).toContainText('3');
  await expect(queued(app)).toHaveText([/customers\.csv\s*imported/, /orders\.csv\s*waiting/]);

  await dialog(app).getByRole('button', { name: 'Next file' }).click();
  await expect(dialog(app).getByText('File 2 of 2')).toBeVisible();
  await expect(app.getByLabel('The file holds')).toHaveValue('order_lines_flat');
  await dialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog(app).getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(app.getByTestId('report-imported')).toContainText('3');
  await expect(queued(app)).toHaveText([/imported/, /imported/]);
  await dialog(app).getByRole('button', { name: 'Done' }).click();
  await expect(dialog(app)).toBeHidden();

  await expect(app.getByTestId('count-customers')).toContainText('3');
  await expect(app.getByTestId('count-order_lines')).toContainText('3');
  await expect(app.getByTestId('history-entry')).toHaveCount(2);
  await saved(app);
});

/** Drops files on the window the way a file manager does. */
async function drop(page: Page, files: ReturnType<typeof csvFile>[]) {
  const dropped = files.map(({ name, buffer }) => ({ name, text: buffer.toString('utf8') }));
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const { name, text } of list) data.items.add(new File([text], name, { type: 'text/csv' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, dropped);
}

test('a file of the queue can be skipped, and files dropped together queue up the same way', async ({ app }) => {
  await createWorkspace(app, 'Tea Corner');
  await drop(app, [CUSTOMERS, EVENTS]);
  await oneAtATime(app);
  await expect(queued(app)).toHaveText([/customers\.csv\s*now/, /events\.csv\s*waiting/]);
  // A file dropped while the dialog is open joins the queue.
  await drop(app, [ORDER_LINES]);

  await expect(queued(app)).toHaveText([/customers\.csv\s*now/, /events\.csv\s*waiting/, /orders\.csv\s*waiting/]);
  await dialog(app).getByRole('button', { name: 'Skip this file' }).click();
  await expect(queued(app)).toHaveText([/customers\.csv\s*skipped/, /events\.csv\s*now/, /orders\.csv\s*waiting/]);
  await expect(app.getByLabel('The file holds')).toHaveValue('events');
  await dialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog(app).getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await dialog(app).getByRole('button', { name: 'Next file' }).click();
  await expect(queued(app)).toHaveText([/skipped/, /events\.csv\s*imported/, /orders\.csv\s*now/]);
  await dialog(app).getByRole('button', { name: 'Skip this file' }).click();
  await expect(dialog(app)).toBeHidden();

  await expect(app.getByTestId('count-events')).toContainText('1');
  await expect(app.getByTestId('count-customers')).toContainText('0');
  await expect(app.getByTestId('count-order_lines')).toContainText('0');
});

test('a file that imports nothing is marked, and the next one still comes', async ({ app }) => {
  await createWorkspace(app, 'Tea Corner');
  await pick(app, [csvFile('no-numbers.csv', 'customer_id,email,first_name', ',ann@example.com,Ann'), CUSTOMERS]);
  await oneAtATime(app);
  await dialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog(app).getByRole('heading', { name: 'Nothing was imported' })).toBeVisible();
  await expect(queued(app)).toHaveText([/no-numbers\.csv\s*not imported/, /customers\.csv\s*waiting/]);
  await dialog(app).getByRole('button', { name: 'Next file' }).click();
  await dialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog(app).getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await dialog(app).getByRole('button', { name: 'Done' }).click();
  await expect(app.getByTestId('count-customers')).toContainText('3');
});

test('the import button of a readiness hint opens the import with the kind it asks for', async ({ app }) => {
  await createWorkspace(app, 'Tea Corner');
  const evolution = app.getByTestId('readiness-evolution');
  await expect(evolution.getByTestId('readiness-hint')).toContainText('product file');
  // Column names that say nothing: the hint's kind is taken.
  await pick(
    app,
    [csvFile('list.csv', 'code,label,step', 'A1,Starter shoe,1', 'A2,Racing shoe,2')],
    evolution.getByRole('button', { name: 'Import a file…' }),
  );
  await expect(app.getByLabel('The file holds')).toHaveValue('products');
  await dialog(app).getByRole('button', { name: 'Cancel' }).click();

  // A file that says what it holds keeps its own kind.
  await pick(app, [CUSTOMERS], evolution.getByRole('button', { name: 'Import a file…' }));
  await expect(app.getByLabel('The file holds')).toHaveValue('customers');
});
