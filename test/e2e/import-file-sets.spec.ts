import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e';
import { createWorkspace, newPlanAudience, saved } from '../support/e2e-steps';

// Several files dropped together: reviewed as one set, imported as one, undone as one.

const importDialog = (page: Page) => page.getByRole('dialog', { name: /import/i });
const history = (page: Page) => page.getByRole('region', { name: 'Import history' });
const OLIST = 'test/fixtures/import/olist-set';

/** Drops files on the window the way a file manager does, bytes as they are (BOM and CRLF kept). */
async function drop(page: Page, folder: string, only?: string) {
  const files = readdirSync(folder)
    .filter((name) => !only || name === only)
    .sort()
    .map((name) => ({ name, bytes: [...readFileSync(join(folder, name))] }));
  await page.evaluate((list) => {
    const data = new DataTransfer();
    for (const { name, bytes } of list) data.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/csv' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
}

test('an Olist-style set dropped together is reviewed, imported and undone as one', async ({ app }) => {
  await createWorkspace(app, 'Loja');
  await drop(app, OLIST);

  const dialog = importDialog(app);
  await expect(dialog.getByRole('heading', { name: 'Import files together' })).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Files of the set' }).getByTestId('set-file')).toHaveText([
    /product_category_name_translation\.csv: names for the categories/,
    /olist_products_dataset\.csv: a product list/,
    /olist_customers_dataset\.csv: a customer list/,
    /olist_orders_dataset\.csv: a list of orders/,
    /olist_order_items_dataset\.csv: order lines/,
  ]);
  await expect(dialog.getByRole('list', { name: 'Files left out' }).getByTestId('set-file')).toHaveText([
    /olist_geolocation_dataset\.csv: not used for cross-selling: geolocation/,
    /olist_order_payments_dataset\.csv: not used for cross-selling: payments/,
    /olist_order_reviews_dataset\.csv: not used for cross-selling: reviews/,
    /olist_sellers_dataset\.csv: not used for cross-selling: sellers/,
  ]);

  await dialog.getByRole('button', { name: 'Import these files together' }).click();
  await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(app.getByTestId('report-imported')).toContainText('58');
  await expect(app.getByTestId('set-written')).toHaveText(
    'Added or updated: 9 customers, 10 products, 14 orders and 24 order lines.',
  );
  await expect(app.getByTestId('set-unresolved').getByRole('listitem')).toHaveText([
    /3 lines point to 2 orders that are not in olist_orders_dataset\.csv.*For example: ox1, ox2\./,
    /2 orders name customers not in olist_customers_dataset\.csv.*For example: c98, c99\./,
    /3 lines name 2 products not in olist_products_dataset\.csv.*For example: p90, p91\./,
  ]);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  await expect(app.getByTestId('count-orders')).toContainText('14');
  await expect(app.getByTestId('count-customers')).toContainText('9');
  await expect(history(app).getByTestId('history-entry')).toHaveCount(1);
  await expect(history(app).getByTestId('history-entry')).toContainText('9 files imported together');
  await saved(app);

  await history(app).getByRole('button', { name: 'Undo last import…' }).click();
  const confirm = app.getByRole('dialog', { name: 'Undo the last import?' });
  await confirm.getByRole('button', { name: 'Undo import' }).click();
  await expect(confirm).toBeHidden();
  await expect(app.getByTestId('count-orders')).toContainText('0');
  await expect(app.getByTestId('count-order_lines')).toContainText('0');
  await expect(app.getByTestId('count-customers')).toContainText('0');
  await saved(app);
});

test('a payments file dropped on its own is named for what it is before anything is imported', async ({ app }) => {
  await createWorkspace(app, 'Loja');
  await drop(app, OLIST, 'olist_order_payments_dataset.csv');
  await expect(importDialog(app).getByTestId('import-not-used')).toContainText(
    'This file looks like payments (how orders were paid), which cross-selling does not use.',
  );
});

test('a plan made from an imported set reaches the customers of its moment', async ({ app }) => {
  await createWorkspace(app, 'Loja');
  await drop(app, OLIST);
  const dialog = importDialog(app);
  await dialog.getByRole('button', { name: 'Import these files together' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await saved(app);

  const audience = await newPlanAudience(app, 'Complete the kit', 'completion', 'post-purchase');
  await expect(audience).toContainText(/^[1-9][\d,]* customers? (is|are) in/, { timeout: 30_000 });
});
