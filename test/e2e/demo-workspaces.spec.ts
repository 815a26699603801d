import { loadSqlJs } from '../../src/node/node-sqljs';
import { DEMO_WORKSPACES } from '../../src/core/demo/demo-workspaces';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { summarizeWorkspace } from '../../src/core/store/workspace-summary';
import type { WorkspaceSummary } from '../../src/core/store/workspace-types';
import { expect, test } from '../support/e2e';

/** What the same generator, with the same default seed, produces in Node. */
async function expectedSummary(industry: (typeof DEMO_WORKSPACES)[number]['industry']): Promise<WorkspaceSummary> {
  const db = generateDemoWorkspace(await loadSqlJs(), industry);
  const summary = summarizeWorkspace(db, 0);
  db.close();
  return summary;
}

const longDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });

for (const demo of DEMO_WORKSPACES) {
  test(`the ${demo.industry} demo shows its numbers, and they are still there after a reload`, async ({ app }) => {
    const expected = await expectedSummary(demo.industry);

    await app.getByRole('button', { name: `Open demo: ${demo.name}` }).click();
    await expect(app.getByRole('heading', { level: 1, name: expected.name })).toBeVisible({ timeout: 60_000 });
    await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 30_000 });

    const checkNumbers = async () => {
      for (const table of ['customers', 'products', 'orders', 'order_lines', 'events'] as const) {
        await expect(app.getByTestId(`count-${table}`)).toContainText(expected.counts[table].toLocaleString('en'));
      }
      await expect(app.getByTestId('order-range')).toContainText(longDate(expected.orderDateRange!.first));
      await expect(app.getByTestId('order-range')).toContainText(longDate(expected.orderDateRange!.last));
      const customersTable = app.getByRole('table', { name: 'Customers' });
      await expect(customersTable.getByRole('row')).toHaveCount(1 + 5);
      await expect(customersTable).toContainText(String(expected.samples[0].rows[0][0]));
    };
    expect(expected.counts.customers).toBeGreaterThanOrEqual(4_500);
    expect(expected.counts.order_lines).toBeGreaterThanOrEqual(45_000);
    await checkNumbers();

    await app.reload();
    await app.getByRole('button', { name: new RegExp(`^${demo.name.replace(/[.()&]/g, '\\$&')}`) }).click();
    await expect(app.getByRole('heading', { level: 1, name: expected.name })).toBeVisible({ timeout: 30_000 });
    await checkNumbers();
  });
}

test('building a demo shows progress while the engine works', async ({ app }) => {
  await app.getByRole('button', { name: `Open demo: ${DEMO_WORKSPACES[0].name}` }).click();
  await expect(app.getByRole('dialog', { name: /Building demo workspace|Generating|Writing/ })).toBeVisible();
  await expect(app.getByRole('progressbar')).toBeVisible();
  await expect(app.getByRole('dialog')).toBeHidden({ timeout: 60_000 });
});
