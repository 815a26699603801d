import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e';
import { createWorkspace, csvFile, saved } from '../support/e2e-steps';

const importDialog = (page: Page) => page.getByRole('dialog', { name: /import/i });
const history = (page: Page) => page.getByRole('region', { name: 'Import history' });
const entries = (page: Page) => history(page).getByTestId('history-entry');

const CUSTOMERS = csvFile(
  'customers.csv',
  'customer_id,email,first_name',
  'C1,ann@example.com,Ann',
  'C2,ben@example.com,Ben',
  'C3,cy@example.com,Cy',
);
const MORE_CUSTOMERS = csvFile(
  'customers-may.csv',
  'customer_id,email,first_name',
  'C1,ann@work.example.com,Anna',
  'C4,dee@example.com,Dee',
);
const FEW_CUSTOMERS = csvFile('customers-june.csv', 'customer_id,email,first_name', 'C9,eve@example.com,Eve');
const EVENTS = csvFile('events.csv', 'customer_id,timestamp,event_type,product_id', 'C1,2024-03-05 10:00:00,view,P2');

/** Imports one file, in the given mode where the dialog offers a choice. */
async function importFile(page: Page, file: ReturnType<typeof csvFile>, mode?: RegExp) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import data…' }).click();
  await (await chooser).setFiles(file);
  if (mode) await importDialog(page).getByRole('radio', { name: mode }).check();
  await importDialog(page).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(importDialog(page).getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await importDialog(page).getByRole('button', { name: 'Done' }).click();
  await saved(page);
}

test('a new workspace says it has no imports yet and has nothing to undo', async ({ app }) => {
  await createWorkspace(app, 'Tea Corner');
  await expect(history(app)).toContainText('No files have been imported into this workspace yet');
  await expect(history(app).getByRole('button', { name: 'Undo last import…' })).toHaveCount(0);
});

test('a second file of the same kind can add, update or replace, and the counts follow', async ({ app }) => {
  await createWorkspace(app, 'Tea Corner');
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Import data…' }).click();
  await (await chooser).setFiles(CUSTOMERS);
  // Nothing of this kind yet: no choice to make.
  await expect(importDialog(app).getByRole('radio')).toHaveCount(0);
  await importDialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  await importDialog(app).getByRole('button', { name: 'Done' }).click();
  await expect(app.getByTestId('count-customers')).toContainText('3');

  const next = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Import data…' }).click();
  await (await next).setFiles(MORE_CUSTOMERS);
  const modes = importDialog(app).getByRole('radio');
  await expect(modes).toHaveCount(3);
  await expect(importDialog(app).getByRole('radio', { name: /^Add/ })).toBeChecked();
  await expect(importDialog(app).getByRole('group', { name: /already holds a customer list/ })).toContainText(
    'overwritten with the values of this file',
  );
  await importDialog(app)
    .getByRole('radio', { name: /^Update by number/ })
    .check();
  await importDialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(app.getByTestId('report-imported')).toContainText('2');
  await importDialog(app).getByRole('button', { name: 'Done' }).click();
  await expect(app.getByTestId('count-customers')).toContainText('4');

  await importFile(app, FEW_CUSTOMERS, /^Replace/);
  await expect(app.getByTestId('count-customers')).toContainText('1');

  // Events have no number to match: they can be added or replace earlier ones, not updated.
  await importFile(app, EVENTS);
  const eventsChooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Import data…' }).click();
  await (await eventsChooser).setFiles(EVENTS);
  await expect(importDialog(app).getByRole('radio')).toHaveCount(2);
  await expect(importDialog(app).getByRole('radio', { name: /^Update/ })).toHaveCount(0);
});

test('the history lists the imports, and undoing the last one puts the counts back', async ({ app }) => {
  await createWorkspace(app, 'Tea Corner');
  await importFile(app, CUSTOMERS);
  await importFile(app, MORE_CUSTOMERS, /^Update by number/);
  await expect(app.getByTestId('count-customers')).toContainText('4');

  await expect(entries(app)).toHaveCount(2);
  await expect(entries(app).nth(0)).toContainText('customers-may.csv');
  await expect(entries(app).nth(0)).toContainText('updated by number');
  await expect(entries(app).nth(0).getByTestId('history-counts')).toHaveText('2 rows imported, 0 rejected');
  await expect(entries(app).nth(1)).toContainText('customers.csv');

  // The column choices open from the keyboard.
  const columns = history(app).getByRole('list', { name: 'Columns of customers-may.csv' });
  await expect(columns).toBeHidden();
  await entries(app).nth(0).locator('summary').focus();
  await app.keyboard.press('Enter');
  await expect(columns).toContainText('email → email address');

  await history(app).getByRole('button', { name: 'Undo last import…' }).click();
  const confirm = app.getByRole('dialog', { name: 'Undo the last import?' });
  await expect(confirm).toContainText('2 rows imported from customers-may.csv');
  await confirm.getByRole('button', { name: 'Undo import' }).click();
  await expect(confirm).toBeHidden();

  await expect(history(app).getByRole('status')).toContainText('The import of customers-may.csv was undone');
  await expect(app.getByTestId('count-customers')).toContainText('3');
  await expect(entries(app).nth(0)).toContainText('undone');
  await expect(history(app).getByRole('button', { name: 'Undo last import…' })).toHaveCount(0);
  await saved(app);
});
