import type { Page } from '@playwright/test';
import { expect } from './e2e';

/** Steps many e2e specs take the same way. */

export const saved = (page: Page) => expect(page.getByTestId('save-state')).toHaveText('All changes saved');

/** A CSV file to hand to a file chooser, one string a line. */
export const csvFile = (name: string, ...lines: string[]) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(`${lines.join('\n')}\n`),
});

/** Creates an empty workspace from the home screen and waits until it is saved. */
export async function createWorkspace(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New workspace…' }).click();
  await page.getByLabel('Name of the business or client').fill(name);
  await page.getByLabel('Name of the business or client').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await saved(page);
}

/** Starts a new plan with a strategy and a moment from the day after the data ends, and waits until its audience is counted. */
export async function newPlanAudience(page: Page, name: string, strategy: string, moment: string) {
  await page.getByRole('tab', { name: 'Plans' }).click();
  await page.getByRole('button', { name: 'New plan…' }).click();
  await page.getByLabel('Plan name').fill(name);
  await page.getByLabel('Plan name').press('Enter');
  await page.getByTestId(`strategy-${strategy}`).getByRole('radio').check();
  await page.getByRole('button', { name: 'Next: Moment' }).click();
  await page.getByTestId(`moment-${moment}`).click();
  await page.getByRole('button', { name: /^Start on / }).click();
  return page.getByTestId('audience-count');
}
