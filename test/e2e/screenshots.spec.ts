import { expect, test } from '../support/e2e';

// Run with `npm run screenshots`: refreshes the pictures the README shows.
test('screenshots of the home screen, a demo workspace, its insights, its example plan and its exercises', async ({ app }) => {
  test.setTimeout(180_000);
  await app.getByRole('button', { name: 'New workspace…' }).waitFor();
  await app.screenshot({ path: 'docs/screenshots/home.png' });

  await app.getByRole('button', { name: /^Open demo: Glow/ }).click();
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 60_000 });
  await app.screenshot({ path: 'docs/screenshots/demo-workspace.png', fullPage: true });
  // The tour offer is in the picture above; the rest show the screens themselves.
  await app.getByRole('button', { name: 'Not now' }).click();

  await app.getByRole('tab', { name: 'Insights' }).click();
  await expect(app.getByTestId('rules-summary')).toBeVisible({ timeout: 60_000 });
  await app.screenshot({ path: 'docs/screenshots/insights.png', fullPage: true });

  await app.getByRole('tab', { name: 'Plans' }).click();
  await app.getByTestId('plan-row').first().getByRole('button').first().click();
  const steps = app.getByRole('navigation', { name: 'Plan steps' });
  await steps.getByRole('button', { name: /Messages/ }).click();
  await expect(app.getByText('Everything this step needs is in place.')).toBeVisible({ timeout: 60_000 });
  await app.screenshot({ path: 'docs/screenshots/plan-messages.png', fullPage: true });
  await steps.getByRole('button', { name: /Check and export/ }).click();
  await expect(app.getByTestId('checklist-summary')).toBeVisible({ timeout: 60_000 });
  await app.screenshot({ path: 'docs/screenshots/plan-checklist.png', fullPage: true });

  await app.getByRole('tab', { name: 'Exercises' }).click();
  await expect(app.getByTestId('exercise-feedback').first()).toBeVisible({ timeout: 60_000 });
  await app.screenshot({ path: 'docs/screenshots/exercises.png', fullPage: true });
});
