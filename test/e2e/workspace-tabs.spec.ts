import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e';
import { createWorkspace, saved } from '../support/e2e-steps';

/**
 * Two tabs of the web edition share one browser storage: a workspace open in one tab is refused in
 * another, with who has it and since when, so neither overwrites the other's saves.
 */

const refusal = (name: string) =>
  new RegExp(
    `^${name} could not be opened: This workspace is open in another tab of Cross-Sell Planner since \\d\\d:\\d\\d\\. Close it there, then try again\\.$`,
  );

async function openRecent(page: Page, name: string) {
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
}

test('a workspace open in one tab is refused in a second tab until the first closes it', async ({ app }) => {
  await createWorkspace(app, 'Corner Bakery');

  const second = await app.context().newPage();
  await second.goto('/');
  await openRecent(second, 'Corner Bakery');
  await expect(second.getByRole('alert').locator('span')).toHaveText(refusal('Corner Bakery'));
  await expect(second.getByRole('heading', { name: 'Plan your next cross-sell campaign' })).toBeVisible();

  await app.getByRole('button', { name: 'Close workspace' }).click();
  await openRecent(second, 'Corner Bakery');
  await expect(second.getByRole('heading', { level: 1, name: 'Corner Bakery' })).toBeVisible();
  await saved(second);

  await app.reload();
  await openRecent(app, 'Corner Bakery');
  await expect(app.getByRole('alert').locator('span')).toHaveText(refusal('Corner Bakery'));

  // A tab that goes away lets go of its workspace with it; the browser frees its locks a moment
  // after the tab is gone, so a user trying again straight away may be refused once more.
  await second.close();
  const opened = app.getByRole('heading', { level: 1, name: 'Corner Bakery' });
  await expect(async () => {
    if (!(await opened.isVisible())) await openRecent(app, 'Corner Bakery');
    await expect(opened).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await saved(app);
});
