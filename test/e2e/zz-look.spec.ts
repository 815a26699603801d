import { expect, test } from '../support/e2e';
test('look', async ({ app }) => {
  await app.setViewportSize({ width: 1280, height: 1000 });
  await app.getByRole('button', { name: /Open demo: Glow/ }).click();
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 60_000 });
  await app.getByRole('tab', { name: 'Insights' }).click();
  await expect(app.getByTestId('rules-summary')).toBeVisible({ timeout: 60_000 });
  await app.screenshot({ path: '/tmp/look-rules.png', fullPage: true });
  await app.getByRole('tab', { name: 'Bought next' }).click();
  await expect(app.getByTestId('second-purchase-summary')).toBeVisible({ timeout: 60_000 });
  await app.screenshot({ path: '/tmp/look-seq.png', fullPage: true });
});
