import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e';
import { createWorkspace } from '../support/e2e-steps';

// A grocery app's orders, numbered per customer with no dates, and their lines: 12 orders of 4 customers.

async function importFile(app: Page, path: string) {
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Import data…' }).click();
  await (await chooser).setFiles(path);
  await app.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
  await app.getByRole('button', { name: 'Done' }).click();
}

async function openPage(app: Page, title: string) {
  await app.getByRole('tablist', { name: 'Insights' }).getByRole('tab', { name: title }).click();
  await expect(app.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

test('orders without dates: the counts agree, and each page runs or says what is missing', async ({ app }) => {
  await createWorkspace(app, 'Corner Grocer');
  await importFile(app, 'test/fixtures/import/instacart-orders.csv');
  await importFile(app, 'test/fixtures/import/instacart-order-products.csv');

  await expect(app.getByTestId('count-customers')).toContainText('4');
  await expect(app.getByTestId('count-orders')).toContainText('12');
  await expect(app.getByTestId('undated-orders')).toContainText('None of the 12 orders has a date.');
  await expect(app.getByTestId('readiness-count-repeatCustomers')).toContainText('3');

  await app.getByRole('tablist', { name: 'Workspace' }).getByRole('tab', { name: 'Insights' }).click();
  await openPage(app, 'Segments');
  await expect(app.getByTestId('segments-summary')).toHaveText('4 customers who bought in the orders imported.');
  await expect(app.getByTestId('segments-undated')).toContainText('These orders have no dates');
  await openPage(app, 'Moments');
  await expect(app.getByTestId('analysis-problem')).toContainText(
    'These orders have no dates, so customer moments cannot be found',
  );
});
