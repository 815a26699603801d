import type { Page } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { DEMO_WORKSPACES } from '../../src/core/demo/demo-workspaces';
import { examplePlan } from '../../src/core/demo/example-plans';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { METRIC_MEANINGS } from '../../src/core/playbook/glossary';
import { MOMENT_CATALOGUE } from '../../src/core/plan/moment-catalogue';
import { STRATEGIES } from '../../src/core/plan/strategy-advice';
import { expect, test } from '../support/e2e';

const DEMO = DEMO_WORKSPACES[0];

/** The demo's example plan as the app creates it. */
async function demoPlan() {
  const db = generateDemoWorkspace(await loadSqlJs(), DEMO.industry);
  const plan = examplePlan(db, DEMO.industry);
  db.close();
  return plan;
}

const workspaceReady = (app: Page) =>
  expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 90_000 });
const tour = (app: Page) => app.getByRole('region', { name: 'Guided tour' });
const highlighted = (app: Page) => app.locator('.tour-highlight');

test('help panels explain the Insights pages, and the plan’s moment beside the Moment step, staying open on the next step', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const plan = await demoPlan();
  const moment = MOMENT_CATALOGUE[plan.moment.id!];

  await app.getByRole('button', { name: `Open demo: ${DEMO.name}` }).click();
  await workspaceReady(app);
  await tour(app).getByRole('button', { name: 'Not now' }).click();
  await expect(tour(app)).toHaveCount(0);

  await app.getByRole('tab', { name: 'Insights' }).click();
  await app.getByRole('button', { name: 'Explain these insights' }).click();
  const insightsHelp = app.getByRole('complementary', { name: 'Explanations' });
  await expect(insightsHelp.getByRole('region', { name: 'Families' })).toContainText(
    STRATEGIES.find((s) => s.id === 'ecosystem')!.what,
  );
  await app.getByRole('button', { name: 'Hide explanations' }).click();

  await app.getByRole('tab', { name: 'Plans' }).click();
  await app.getByRole('list', { name: 'Plans' }).getByRole('button', { name: plan.name, exact: true }).click();
  await app
    .getByRole('navigation', { name: 'Plan steps' })
    .getByRole('button', { name: /Moment/ })
    .click();

  const help = app.getByRole('complementary', { name: 'Explanations' });
  await expect(help).toHaveCount(0);
  const toggle = app.getByRole('button', { name: 'Explain this step' });
  await toggle.focus();
  await app.keyboard.press('Enter');
  await expect(help).toBeVisible();
  await expect(help.getByTestId(`help-moment:${moment.id}`)).toContainText(moment.title);
  await expect(help).toContainText(moment.explanation);
  await expect(help).toContainText(moment.trigger);
  // Only the chosen moment: the other moments are not what this step uses.
  const other = Object.values(MOMENT_CATALOGUE).find((m) => m.id !== moment.id)!;
  await expect(help).not.toContainText(other.explanation);

  await app.getByRole('navigation', { name: 'Plan steps' }).getByRole('button', { name: /Pilot/ }).click();
  await expect(help).toContainText(METRIC_MEANINGS.acceptance.definition);
  await expect(help).not.toContainText(moment.explanation);

  await help.getByRole('button', { name: 'Close' }).focus();
  await app.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Explain this step' })).toBeFocused();
});

test('the guided tour points at each real control, can be skipped, and resumes after a reload', async ({ app }) => {
  test.setTimeout(240_000);
  const plan = await demoPlan();

  await app.getByRole('button', { name: 'Take the tour' }).click();
  await workspaceReady(app);
  await expect(tour(app)).toContainText('Stop 1 of 5');
  await expect(highlighted(app)).toHaveText('Import data…');
  await expect(tour(app).getByRole('button', { name: 'Back' })).toBeDisabled();

  await tour(app).getByRole('button', { name: 'Next' }).click();
  await expect(tour(app)).toContainText('Stop 2 of 5');
  await expect(highlighted(app)).toHaveAttribute('id', 'area-tab-insights');
  await expect(app.locator('.tour-highlight')).toHaveCount(1);

  await tour(app).getByRole('button', { name: 'Next' }).click();
  await expect(tour(app)).toContainText('Stop 3 of 5');
  await expect(highlighted(app)).toHaveAttribute('id', 'area-tab-plans');
  await app.getByRole('tab', { name: 'Plans' }).click();
  // The highlight follows to the example plan once the list is on screen.
  await expect(highlighted(app)).toHaveText(plan.name);

  await tour(app).getByRole('button', { name: 'Skip tour' }).click();
  await expect(tour(app)).toHaveCount(0);
  await expect(highlighted(app)).toHaveCount(0);

  await app.reload();
  await app.getByRole('button', { name: 'Resume the tour (stop 3 of 5)' }).click();
  await workspaceReady(app);
  await expect(tour(app)).toContainText('Stop 3 of 5');
  await app.getByRole('tab', { name: 'Plans' }).click();
  await app.getByRole('list', { name: 'Plans' }).getByRole('button', { name: plan.name, exact: true }).click();
  await expect(highlighted(app)).toHaveAttribute('aria-label', 'Plan steps');

  await tour(app).getByRole('button', { name: 'Next' }).click();
  await expect(tour(app)).toContainText('Stop 4 of 5');
  await expect(highlighted(app)).toContainText('Check and export');
  await highlighted(app).click();

  await tour(app).getByRole('button', { name: 'Next' }).click();
  await expect(tour(app)).toContainText('Stop 5 of 5');
  await expect(highlighted(app)).toHaveText('Campaign plan (PDF)…');
  await tour(app).getByRole('button', { name: 'Back' }).click();
  await expect(tour(app)).toContainText('Stop 4 of 5');
  await tour(app).getByRole('button', { name: 'Next' }).click();
  await tour(app).getByRole('button', { name: 'Finish' }).click();
  await expect(tour(app)).toHaveCount(0);
  await expect(highlighted(app)).toHaveCount(0);
});
