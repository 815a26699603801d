import { loadSqlJs } from '../../src/node/node-sqljs';
import { mineCombinations } from '../../src/core/analysis/combinations/mine';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { DEFAULT_PARAMS } from '../../src/renderer/state/insights-defaults';
import { expect, test } from '../support/e2e';

/** The rule counts the same demo data gives in Node, at the screen's default and a lower minimum support. */
async function expectedRuleCounts(minSupports: number[]): Promise<number[]> {
  const db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
  const counts = minSupports.map(
    (minSupport) => mineCombinations(db, { ...DEFAULT_PARAMS.combinations, minSupport }).rules.length,
  );
  db.close();
  return counts;
}

test('changing the minimum support re-runs the analysis and changes the rules; a rule opens onto its customers and their orders', async ({
  app,
}) => {
  const [atDefault, atLower] = await expectedRuleCounts([DEFAULT_PARAMS.combinations.minSupport, 0.004]);
  expect(atLower).toBeGreaterThan(atDefault);

  await app.getByRole('button', { name: /Open demo: Glow/ }).click();
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 60_000 });
  await app.getByRole('tab', { name: 'Insights' }).click();
  await expect(app.getByTestId('rules-summary')).toContainText(`${atDefault.toLocaleString('en-US')} rules`, {
    timeout: 60_000,
  });

  await app.getByLabel('Minimum support').fill('0.4');
  await app.getByLabel('Minimum support').press('Enter');
  await expect(app.getByTestId('rules-summary')).toContainText(`${atLower.toLocaleString('en-US')} rules`, {
    timeout: 60_000,
  });
  await expect(app.getByTestId('analysis-computed')).toContainText('Computed');

  // The table sorts by lift; Enter on the first row opens the customers behind it.
  const body = app.getByRole('rowgroup', { name: /Association rules: arrow keys move/ });
  await body.focus();
  await body.press('Enter');
  const dialog = app.getByRole('dialog');
  await expect(dialog.getByTestId('drill-total')).toContainText('matches');
  await dialog
    .getByRole('button', { name: /^Orders of / })
    .first()
    .click();
  await expect(dialog.getByTestId('customer-orders')).toContainText('Order ');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // Back at the default: answered from the workspace's cache.
  await app.getByLabel('Minimum support').fill(String(DEFAULT_PARAMS.combinations.minSupport * 100));
  await app.getByLabel('Minimum support').press('Enter');
  await expect(app.getByTestId('rules-summary')).toContainText(`${atDefault.toLocaleString('en-US')} rules`);
  await expect(app.getByTestId('analysis-computed')).toContainText('Kept from');
});
