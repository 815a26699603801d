import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e';
import { createWorkspace, newPlanAudience, saved } from '../support/e2e-steps';

const SHOTS = '/tmp/x/shots';
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
const dialog = (page: Page) => page.getByRole('dialog', { name: /import/i });

async function pick(page: Page, paths: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import data…' }).click();
  await (await chooser).setFiles(paths);
}

test.use({ viewport: { width: 1280, height: 900 } });

test('walk: real Shopify export', async ({ app }) => {
  test.setTimeout(180_000);
  await createWorkspace(app, 'Real Shopify shop');
  await pick(app, ['/tmp/x/shop/orders_export21.csv']);
  await expect(app.getByTestId('import-layout')).toBeVisible();
  await shot(app, 's1-review');
  await dialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog(app).getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  await shot(app, 's2-report');
  await app.getByRole('button', { name: 'Done' }).click();
  await saved(app);
  await shot(app, 's3-data');
});

test('walk: real Olist set', async ({ app }) => {
  test.setTimeout(180_000);
  await createWorkspace(app, 'Real Olist shop');
  const dir = '/tmp/x/olist';
  await pick(app, readdirSync(dir).map((f) => join(dir, f)));
  await expect(dialog(app).getByRole('heading', { name: 'Import files together' })).toBeVisible();
  await shot(app, 'o1-set-review');
  await dialog(app).getByRole('button', { name: 'Import these files together' }).click();
  await expect(dialog(app).getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  await shot(app, 'o2-set-report');
  await dialog(app).getByRole('button', { name: 'Done' }).click();
  await saved(app);
  await shot(app, 'o3-data');
  const audience = await newPlanAudience(app, 'Complete the purchase', 'completion', 'post-purchase');
  await app.waitForTimeout(3000);
  await shot(app, 'o4-moment');
});

test('walk: Online Retail', async ({ app }) => {
  test.setTimeout(400_000);
  await createWorkspace(app, 'Online Retail');
  await pick(app, [join(process.cwd(), '../shared/datasets/online-retail/online_retail.csv')]);
  await expect(app.getByLabel('The file holds')).toBeVisible({ timeout: 30_000 });
  await shot(app, 'r1-review');
  await dialog(app).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog(app).getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 300_000 });
  await shot(app, 'r2-report');
  await app.getByTestId('import-warnings').scrollIntoViewIfNeeded();
  await shot(app, 'r3-warnings');
  await app.getByRole('button', { name: 'Done' }).click();
  await saved(app);
  await shot(app, 'r4-data');
});
