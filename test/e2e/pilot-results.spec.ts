import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { resultDifference } from '../../src/core/export/report-format';
import type { PilotResults } from '../../src/core/results/result-types';
import { recordedSentence } from '../../src/core/results/sends-file';
import { createEngine } from '../../src/engine/engine';
import { expect, test } from '../support/e2e';
import { plantedPilot, type PlantedPilot } from '../support/planted-pilot';
import { scratchDir } from '../support/workspace-fixtures';

/**
 * The loop after a pilot: the beauty demo's example pilot ran with a planted effect (treated
 * customers bought their suggested products far more often); its sends and the orders since the
 * start are loaded in the app, which calls it a win on screen and in the exported report.
 */

/**
 * What the same files give in Node: the sends recorded, what was read and the results the screen
 * must show. The audience file's sends are loaded before the orders since the start; a send log
 * after them, once the audience file has been exported from the workspace.
 */
async function expectedResults(
  pilot: PlantedPilot,
  sends: 'audienceCsv' | 'sendLogCsv' = 'audienceCsv',
): Promise<{ recorded: string; message: string; results: PilotResults }> {
  const engine = createEngine(await loadSqlJs());
  try {
    await engine.workspace.createDemo('beauty');
    const [plan] = await engine.plans.list();
    const bytes = (text: string) => new TextEncoder().encode(text);
    const importOrders = async () => {
      if (!(await engine.imports.run(bytes(pilot.ordersCsv), 'orders.csv', {})).ok)
        throw new Error('The orders did not import.');
    };
    if (sends === 'sendLogCsv') {
      if (!(await engine.exports.plan(plan.planId, 'audience-csv')).ok)
        throw new Error('The audience file was not exported.');
      await importOrders();
    }
    const recorded = await engine.pilot.recordSends(plan.planId, bytes(pilot[sends]));
    if (!recorded.ok) throw new Error(recorded.failure.message);
    if (sends === 'audienceCsv') await importOrders();
    const results = await engine.pilot.results(plan.planId);
    if (!results.ok) throw new Error(results.failure.message);
    return {
      recorded: recordedSentence(recorded, sends === 'sendLogCsv' ? 'email-send-log.csv' : 'pilot-audience.csv'),
      message: recorded.message,
      results: results.value,
    };
  } finally {
    await engine.workspace.close();
  }
}

/** Opens the beauty demo's plan at its Check and export step; answers the Results section. */
async function openResults(app: Page, planName: string, workspaceButton: RegExp = /Open demo: Glow/) {
  await app.getByRole('button', { name: workspaceButton }).click();
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 60_000 });
  await app.getByRole('tab', { name: 'Plans' }).click();
  await app.getByRole('button', { name: planName, exact: true }).click();
  await app
    .getByRole('navigation', { name: 'Plan steps' })
    .getByRole('button', { name: /Check and export/ })
    .click();
  return app.getByRole('region', { name: 'Results' });
}

async function pick(app: Page, button: string, path: string): Promise<void> {
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(path);
}

test('the sends and the orders since the start of a pilot with a planted effect give the verdict "scale"', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const pilot = await plantedPilot('beauty', { treatment: 0.5, control: 0.15 }, 7);
  const { recorded, results: expected } = await expectedResults(pilot);
  const acceptance = expected.measures.find((m) => m.id === 'acceptance')!;
  const dir = scratchDir('xsell-pilot-');
  const audiencePath = join(dir, 'pilot-audience.csv');
  const ordersPath = join(dir, 'orders-since-the-start.csv');
  writeFileSync(audiencePath, pilot.audienceCsv);
  writeFileSync(ordersPath, pilot.ordersCsv);

  const results = await openResults(app, pilot.planName);
  await expect(results.getByTestId('pilot-results-missing')).toContainText('No sends are recorded');

  // The sends alone: the pilot has no orders since its start yet, so it keeps running.
  await pick(app, 'Load the sends (audience CSV or send log)…', audiencePath);
  await expect(results.getByTestId('pilot-sends-notice')).toContainText(recorded);
  await expect(results.getByTestId('pilot-verdict')).toHaveAttribute('data-decision', 'keep-running');

  // The orders since the start, a normal import.
  await pick(app, 'Import the orders since the start…', ordersPath);
  const dialog = app.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  await app.getByRole('button', { name: 'Done' }).click();

  const verdict = results.getByTestId('pilot-verdict');
  await expect(verdict).toHaveAttribute('data-decision', 'scale');
  await expect(verdict).toHaveText(expected.verdict.headline);
  const row = results.getByTestId('result-acceptance');
  await expect(row).toContainText('Cross-sell acceptance rate');
  await expect(row).toContainText(resultDifference(acceptance));
  await expect(results.getByTestId('criterion-acceptance')).toContainText('Met:');
  await expect(results).toContainText(
    `${expected.treatmentCustomers} treated and ${expected.controlCustomers} in control`,
  );

  // The checklist follows the new data: with the orders since the start the pilot's sizing no longer
  // passes, and that check is accepted with a reason before the export.
  const sample = app.getByTestId('check-pilot-sample-size');
  await expect(sample).toContainText('Fails');
  await sample.getByRole('button', { name: 'Accept with a reason…' }).click();
  await sample.getByLabel(/Why is this acceptable/).fill('The pilot has run; this export reports its results.');
  await sample.getByLabel('Accepted by').fill('Dana Reviewer');
  await sample.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(app.getByTestId('export-blocked')).toHaveCount(0);
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 60_000 });

  const saved = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Campaign plan (HTML)…' }).click();
  const html = readFileSync((await (await saved).path())!, 'utf8');
  const section = html.slice(html.indexOf('<section id="results"'));
  expect(section).toContain('<h2>Pilot results</h2>');
  expect(section).toContain(expected.verdict.headline);
  expect(section).toContain(resultDifference(acceptance));
});

test('after exporting the audience file and importing the orders since the start, an email tool’s send log gives the verdict, measured against the control group the file held back', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const pilot = await plantedPilot('beauty', { treatment: 0.5, control: 0.15 }, 7);
  const { recorded, message, results: expected } = await expectedResults(pilot, 'sendLogCsv');
  expect(message).toMatch(
    /^Read as an email tool's send log: \d+ recipients matched, \d+ control customers from the audience file exported on \d{4}-\d{2}-\d{2}, 0 rows left out\.$/,
  );
  const dir = scratchDir('xsell-pilot-log-');
  const logPath = join(dir, 'email-send-log.csv');
  const ordersPath = join(dir, 'orders-since-the-start.csv');
  writeFileSync(logPath, pilot.sendLogCsv);
  writeFileSync(ordersPath, pilot.ordersCsv);

  const results = await openResults(app, pilot.planName);
  await expect(results).toContainText('or the email tool’s send log');

  // The audience file goes to the email tool; the workspace keeps its draw and saves it, so the
  // draw is still there after a reload.
  const saved = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Audience for the email or SMS tool (CSV)…' }).click();
  expect(readFileSync((await (await saved).path())!, 'utf8')).toBe(pilot.audienceCsv);
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 60_000 });
  await app.reload();
  const reopened = await openResults(app, pilot.planName, /^Glow & Co\. skincare/);

  // The pilot ran; the orders since the start come in before the email tool's log.
  await pick(app, 'Import the orders since the start…', ordersPath);
  const dialog = app.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  await app.getByRole('button', { name: 'Done' }).click();

  await pick(app, 'Load the sends (audience CSV or send log)…', logPath);
  const notice = reopened.getByTestId('pilot-sends-notice');
  await expect(notice).toContainText(recorded);
  await expect(notice).toContainText(message);
  await expect(reopened.getByTestId('pilot-verdict')).toHaveAttribute('data-decision', 'scale');
  await expect(reopened.getByTestId('result-acceptance')).toContainText(
    resultDifference(expected.measures.find((m) => m.id === 'acceptance')!),
  );
  await expect(reopened).toContainText(
    `${expected.treatmentCustomers} treated and ${expected.controlCustomers} in control`,
  );
});
