import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeShopifyOrdersCsv } from '../../src/core/demo/shopify-orders-csv';
import { scratchDir } from '../support/workspace-fixtures';
import { expect, test } from '../support/e2e';
import { createWorkspace, newPlanAudience, saved } from '../support/e2e-steps';

const dialog = (page: Page) => page.getByRole('dialog');

/** A Shopify orders export of the lighting shop, written at test time. */
function shopifyExport(lines: number) {
  let text = '';
  const summary = writeShopifyOrdersCsv('lighting', { lines }, (chunk) => (text += chunk));
  const path = join(scratchDir('xsell-shopify-'), 'orders_export_1.csv');
  writeFileSync(path, text);
  return { path, summary };
}

test('a Shopify orders export is recognised, imports with no choices, and a new plan reaches its customers', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const { path, summary } = shopifyExport(3000);
  await createWorkspace(app, 'Lumora Lights');
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Import data…' }).click();
  await (await chooser).setFiles(path);

  await expect(app.getByTestId('import-layout')).toContainText('Looks like a Shopify orders export');
  await expect(app.getByLabel('The file holds')).toHaveValue('order_lines_flat');
  await expect(app.getByLabel(/^Order number/)).toHaveValue('Name');
  await dialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog(app).getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  await expect(app.getByTestId('report-imported')).toContainText(summary.lines.toLocaleString('en-US'));
  await expect(app.getByTestId('report-rejected')).toContainText('0');
  await expect(app.getByTestId('report-reach')).toContainText(`${summary.customers} customers`);
  await app.getByRole('button', { name: 'Done' }).click();

  await expect(app.getByTestId('count-orders')).toContainText(summary.orders.toLocaleString('en-US'));
  await expect(app.getByTestId('count-customers')).toContainText(String(summary.customers));
  await saved(app);

  const audience = await newPlanAudience(app, 'After a first kit', 'ecosystem', 'post-purchase');
  await expect(audience).toContainText(/^[1-9][\d,]* customers? (is|are) in/, {
    timeout: 30_000,
  });
});
