import { loadSqlJs } from '../../src/node/node-sqljs';
import { assessReadiness } from '../../src/core/analysis/readiness';
import { DEMO_WORKSPACES } from '../../src/core/demo/demo-workspaces';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { expect, test } from '../support/e2e';
import { createWorkspace } from '../support/e2e-steps';

test('the skincare demo is ready for completion and shows its multi-item orders', async ({ app }) => {
  const demo = DEMO_WORKSPACES.find((d) => d.industry === 'beauty')!;
  const db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
  const completion = assessReadiness(db).strategies.find((s) => s.strategy === 'completion')!;
  db.close();
  const multiItemOrders = completion.counts.find((c) => c.key === 'multiItemOrders')!.value;
  expect(multiItemOrders).toBeGreaterThan(0);

  await app.getByRole('button', { name: `Open demo: ${demo.name}` }).click();
  await expect(app.getByRole('heading', { name: 'Ready for which strategy?' })).toBeVisible({ timeout: 60_000 });
  const card = app.getByTestId('readiness-completion');
  await expect(card.getByTestId('readiness-status')).toHaveText('Ready');
  await expect(card.getByTestId('readiness-count-multiItemOrders')).toContainText(multiItemOrders.toLocaleString('en'));
});

test('a new empty workspace is ready for none of the strategies, and says what to import', async ({ app }) => {
  await createWorkspace(app, 'Empty shop');

  for (const id of ['completion', 'evolution', 'ecosystem']) {
    const card = app.getByTestId(`readiness-${id}`);
    await expect(card.getByTestId('readiness-status')).toHaveText('Not ready');
    await expect(card.getByTestId('readiness-hint')).toContainText('Import');
  }
  await expect(app.getByTestId('readiness-evolution').getByTestId('readiness-hint')).toContainText('tier column');
});

test('an import refreshes the readiness cards', async ({ app }) => {
  await createWorkspace(app, 'Tea Corner');
  const completion = app.getByTestId('readiness-completion');
  await expect(completion.getByTestId('readiness-status')).toHaveText('Not ready');

  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Import data…' }).click();
  await (await chooser).setFiles('test/fixtures/import-e2e/shop-orders.csv');
  await app.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
  await app.getByRole('button', { name: 'Done' }).click();

  await expect(completion.getByTestId('readiness-status')).toHaveText('Partly ready');
  await expect(completion.getByTestId('readiness-count-multiItemOrders')).toContainText('1');
  await expect(completion.getByTestId('readiness-count-repeatCustomers')).toContainText('1');
});
