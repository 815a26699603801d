import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e';

const FILE = join('test/fixtures/import-e2e', 'shop-orders.csv');
const dialog = (page: Page) => page.getByRole('dialog');

async function chooseFile(page: Page) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import data…' }).click();
  await (await chooser).setFiles(FILE);
}

test('the column choices of an import are offered again for a file with the same header', async ({ app }) => {
  await app.getByRole('button', { name: 'New workspace…' }).click();
  await app.getByLabel('Name of the business or client').fill('Tea Corner');
  await app.getByLabel('Name of the business or client').press('Enter');
  await expect(app.getByRole('heading', { level: 1, name: 'Tea Corner' })).toBeVisible();

  await chooseFile(app);
  await expect(app.getByLabel(/^Sales channel/)).toHaveValue('channel');
  await expect(app.getByTestId('import-preset')).toHaveCount(0);
  await app.getByLabel(/^Sales channel/).selectOption('');
  await dialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog(app).getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await app.getByRole('button', { name: 'Done' }).click();
  await expect(dialog(app)).toHaveCount(0);

  await chooseFile(app);
  await expect(app.getByTestId('import-preset')).toContainText(
    'Using the column choices you saved for files with these columns on',
  );
  await expect(app.getByLabel(/^Sales channel/)).toHaveValue('');
  await expect(app.getByLabel(/^Order number/)).toHaveValue('order_id');

  await app.getByRole('button', { name: 'Use the suggested mapping instead' }).click();
  await expect(app.getByTestId('import-preset')).toHaveCount(0);
  await expect(app.getByLabel(/^Sales channel/)).toHaveValue('channel');
});
