import type { Locator, Page } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { DEMO_WORKSPACES } from '../../src/core/demo/demo-workspaces';
import { examplePlan } from '../../src/core/demo/example-plans';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { RULE_MEASURE_MEANINGS, explainEvidence, shownPercent } from '../../src/core/playbook/measure-explanations';
import { expect, test } from '../support/e2e';

const DEMO = DEMO_WORKSPACES[0];

async function openDemo(app: Page) {
  await app.getByRole('button', { name: `Open demo: ${DEMO.name}` }).click();
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 90_000 });
  const tour = app.getByRole('region', { name: 'Guided tour' });
  await tour.getByRole('button', { name: 'Not now' }).click();
  await expect(tour).toHaveCount(0);
}

/** The tooltip that describes an element, found through its aria-describedby. */
async function tooltipOf(app: Page, element: Locator): Promise<Locator> {
  const id = await element.getAttribute('aria-describedby');
  expect(id, 'the element is described by a tooltip').toBeTruthy();
  return app.locator(`[role="tooltip"][id="${id}"]`);
}

test('column headers say what a measure means and cells say what it means for their row, in its own numbers', async ({
  app,
}) => {
  test.setTimeout(240_000);
  await openDemo(app);
  await app.getByRole('tablist', { name: 'Workspace' }).getByRole('tab', { name: 'Insights' }).click();
  await expect(app.getByTestId('analysis-computed')).toBeVisible({ timeout: 120_000 });
  const table = app.getByRole('table', { name: 'Association rules' });

  // Hovering a header shows what the measure means in general; focusing one with the keyboard does too.
  const confidenceHeader = table.getByRole('columnheader', { name: 'Confidence' }).getByRole('button');
  const confidenceMeaning = await tooltipOf(app, confidenceHeader);
  await expect(confidenceMeaning).toBeHidden();
  await confidenceHeader.hover();
  await expect(confidenceMeaning).toBeVisible();
  await expect(confidenceMeaning).toHaveText(RULE_MEASURE_MEANINGS.confidence.meaning);
  await expect(confidenceHeader).toHaveAccessibleDescription(RULE_MEASURE_MEANINGS.confidence.meaning);
  await app.mouse.move(0, 0);
  await expect(confidenceMeaning).toBeHidden();

  const liftHeader = table.getByRole('columnheader', { name: 'Lift' }).getByRole('button');
  await liftHeader.focus();
  const liftMeaning = await tooltipOf(app, liftHeader);
  await expect(liftMeaning).toBeVisible();
  await expect(liftMeaning).toHaveText(RULE_MEASURE_MEANINGS.lift.meaning);
  await app.keyboard.press('Escape');
  await expect(liftMeaning).toBeHidden();

  // The first row's cells tell its own numbers: its basket count and confidence, exactly as shown.
  const first = table.locator('.vtable-body [role="row"]').first();
  const shown = async (index: number) => (await first.getByRole('cell').nth(index).textContent())!;
  const [bought, also, baskets, confidence, lift] = [
    await shown(0),
    await shown(1),
    await shown(2),
    await shown(4),
    await shown(5),
  ];
  const confidenceCell = first.getByRole('cell').nth(4);
  await confidenceCell.hover();
  const sentence = await tooltipOf(app, confidenceCell);
  await expect(sentence).toBeVisible();
  await expect(sentence).toHaveText(
    new RegExp(
      `^Of [\\d,]+ orders with ${escape(bought)}, ${baskets} also had ${escape(also)} \\(confidence ${confidence}\\)\\.$`,
    ),
  );
  const liftCell = first.getByRole('cell').nth(5);
  await liftCell.hover();
  await expect(await tooltipOf(app, liftCell)).toHaveText(
    new RegExp(`^Orders with ${escape(bought)} had ${escape(also)} .* \\(lift ${lift}\\)\\.$`),
  );

  // Keyboard users read the selected row's sentences under the table.
  const explained = app.getByTestId('vtable-explain');
  await explained.getByText('What the selected row’s numbers say').click();
  await expect(explained).toContainText(`, ${baskets} also had ${also} (confidence ${confidence}).`);

  // The help panel works the measures through with this workspace's strongest pair: the table's top row.
  await app.getByRole('button', { name: 'Explain these insights' }).click();
  const help = app.getByRole('complementary', { name: 'Explanations' });
  const confidenceHelp = help.getByTestId('help-measure:confidence');
  await expect(confidenceHelp).toContainText(RULE_MEASURE_MEANINGS.confidence.meaning);
  await expect(confidenceHelp).toContainText('In this workspace’s strongest pair');
  await expect(confidenceHelp).toContainText(`, ${baskets} also had ${also} (confidence ${confidence}).`);
  await expect(help.getByTestId('help-measure:conviction')).toContainText('(conviction');
});

test('a plan tells its evidence in numbers, and a suggested pilot target fills exactly the figure its button shows', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const db = generateDemoWorkspace(await loadSqlJs(), DEMO.industry);
  const plan = examplePlan(db, DEMO.industry);
  db.close();
  // The example plan keeps the unrounded suggestions, such as 18.63 % for a button that reads "Use 19 %".
  const unrounded = plan.pilot.metrics.filter(
    (m) =>
      m.target !== null &&
      m.id !== 'time-to-secondary' &&
      m.id !== 'cross-sell-aov' &&
      shownPercent(m.target) !== m.target,
  );
  expect(unrounded.length).toBeGreaterThan(0);

  await openDemo(app);
  await app.getByRole('tab', { name: 'Plans' }).click();
  await app.getByRole('list', { name: 'Plans' }).getByRole('button', { name: plan.name, exact: true }).click();
  const steps = app.getByRole('navigation', { name: 'Plan steps' });

  // A recommendation's evidence is told in its own numbers, each measure's name carrying its meaning.
  await steps.getByRole('button', { name: /Recommendations/ }).click();
  const explained = app.getByTestId('measures-explained').first();
  await explained.getByText('What these numbers say').click();
  const item = plan.recommendations.items.find((i) => i.evidence && i.anchor)!;
  const told = explainEvidence(item.evidence!, item.anchor!.label, item.recommended.label);
  expect(told.length).toBeGreaterThan(0);
  await expect(explained.getByRole('listitem')).toHaveText(told.map((m) => `${m.title}: ${m.sentence}`));
  const term = explained.getByText(told[0].title, { exact: true });
  await term.focus();
  await expect(await tooltipOf(app, term)).toHaveText(told[0].meaning);

  await steps.getByRole('button', { name: /Pilot/ }).click();
  const metrics = app.getByTestId('metrics');
  await expect(metrics).toBeVisible({ timeout: 60_000 });
  const rows = metrics.locator('tbody tr');
  let filled = 0;
  for (let i = 0; i < (await rows.count()); i++) {
    const field = rows.nth(i).getByRole('spinbutton');
    await field.fill('');
    await field.blur();
    const use = rows.nth(i).getByRole('button', { name: /^Use / });
    if ((await use.count()) === 0) continue;
    const label = (await use.textContent())!;
    const figure = Number(
      label
        .replace(/^Use /, '')
        .replace(/ (%|d)$/, '')
        .replace(/,/g, ''),
    );
    await use.click();
    await expect(field, label).toHaveValue(String(figure));
    await expect(use).toHaveCount(0);
    filled++;
  }
  expect(filled).toBeGreaterThanOrEqual(unrounded.length);
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
