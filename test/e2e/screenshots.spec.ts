import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../support/e2e';
import { plantedPilot } from '../support/planted-pilot';
import { scratchDir } from '../support/workspace-fixtures';

// Run with `npm run screenshots`: refreshes the pictures the README shows.
test('screenshots of the home screen, a demo workspace, its insights, its example plan with pilot results, and its exercises', async ({
  app,
}) => {
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

  // The pilot ran (the planted pilot's files): its sends and the orders since the start give the results.
  const pilot = await plantedPilot('beauty', { treatment: 0.5, control: 0.15 }, 7);
  const dir = scratchDir('xsell-screenshots-');
  for (const [button, name, text] of [
    ['Load the sends (audience CSV or send log)…', 'pilot-audience.csv', pilot.audienceCsv],
    ['Import the orders since the start…', 'orders-since-the-start.csv', pilot.ordersCsv],
  ]) {
    writeFileSync(join(dir, name), text);
    const chooser = app.waitForEvent('filechooser');
    await app.getByRole('button', { name: button }).click();
    await (await chooser).setFiles(join(dir, name));
  }
  await app.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
  await app.getByRole('button', { name: 'Done' }).click({ timeout: 60_000 });
  const results = app.getByRole('region', { name: 'Results' });
  await expect(results.getByTestId('pilot-verdict')).toHaveAttribute('data-decision', 'scale', { timeout: 60_000 });
  await results.screenshot({ path: 'docs/screenshots/pilot-results.png' });

  await app.getByRole('tab', { name: 'Exercises' }).click();
  await expect(app.getByTestId('exercise-feedback').first()).toBeVisible({ timeout: 60_000 });
  await app.screenshot({ path: 'docs/screenshots/exercises.png', fullPage: true });
});
