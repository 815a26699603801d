import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { computePlanView } from '../../src/core/plan/plan-view';
import { blankPlan, type Recommendation } from '../../src/core/plan/plan-document';
import { expect, test } from '../support/e2e';
import { examplePlan } from '../support/demo-plan';

const DEMO = 'Glow & Co. skincare';
const itemName = (r: Recommendation) => `${r.recommended.label} after ${r.anchor!.label}`;

/** What the same demo data gives in Node: the suggested start date, the audience of the gift window then, and the first proposals. */
async function expected() {
  const db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
  const plan = blankPlan('Routine completion');
  const latest = computePlanView(db, plan, []).asOf!;
  const next = new Date(`${latest.slice(0, 10)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const startDate = next.toISOString().slice(0, 10);
  const view = computePlanView(
    db,
    {
      ...plan,
      strategy: { id: 'completion', why: '' },
      moment: { id: 'gift-order', startDate, settings: {}, trigger: '' },
    },
    [],
  );
  db.close();
  return { startDate, audience: view.audience!.count, proposals: view.proposals.slice(0, 2) };
}

const planRow = (app: Page, name: string) =>
  app.getByTestId('plan-row').filter({ has: app.getByRole('button', { name, exact: true }) });
const stepButton = (app: Page, title: string) =>
  app.getByRole('navigation', { name: 'Plan steps' }).getByRole('button', { name: new RegExp(title) });

test('plans are created, renamed, copied, archived and deleted with undo; a plan keeps its strategy, moment and reviewed recommendations through undo, redo and a reload', async ({
  app,
}) => {
  const { startDate, audience, proposals } = await expected();
  expect(audience).toBeGreaterThan(0);
  expect(proposals).toHaveLength(2);
  const [first, second] = proposals;

  await app.getByRole('button', { name: `Open demo: ${DEMO}` }).click();
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 60_000 });
  await app.getByRole('tab', { name: 'Plans' }).click();

  // Create: the new plan opens; back in the list it is there.
  await app.getByRole('button', { name: 'New plan…' }).click();
  await app.getByLabel('Plan name').fill('Toner routine');
  await app.getByRole('button', { name: 'Create' }).click();
  await expect(app.getByTestId('plan-title')).toHaveText('Toner routine');
  await app.getByRole('button', { name: '← All plans' }).click();
  await expect(planRow(app, 'Toner routine')).toBeVisible();

  await app.getByRole('button', { name: 'Rename Toner routine' }).click();
  await app.getByLabel('Plan name').fill('Routine completion');
  await app.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(planRow(app, 'Routine completion')).toBeVisible();
  await expect(planRow(app, 'Toner routine')).toHaveCount(0);

  await app.getByRole('button', { name: 'Duplicate Routine completion' }).click();
  const copy = 'Routine completion (copy)';
  await expect(planRow(app, copy)).toBeVisible();

  await app.getByRole('button', { name: `Archive ${copy}` }).click();
  await expect(app.getByRole('list', { name: 'Plans' }).getByRole('button', { name: copy, exact: true })).toHaveCount(
    0,
  );
  await app.getByText('Archived plans (1)').click();
  await app
    .getByRole('list', { name: 'Archived plans' })
    .getByRole('button', { name: `Restore ${copy}` })
    .click();
  await expect(app.getByRole('list', { name: 'Plans' }).getByRole('button', { name: copy, exact: true })).toBeVisible();
  await expect(app.getByText(/Archived plans/)).toHaveCount(0);

  await app.getByRole('button', { name: `Delete ${copy}` }).click();
  await expect(app.getByTestId('plans-notice')).toContainText(`${copy} was deleted.`);
  await expect(planRow(app, copy)).toHaveCount(0);
  await app.getByTestId('plans-notice').getByRole('button', { name: 'Undo' }).click();
  await expect(planRow(app, copy)).toBeVisible();

  // Step 1: the strategy.
  await app.getByRole('button', { name: 'Routine completion', exact: true }).click();
  await app.getByTestId('strategy-completion').click();
  await expect(app.getByTestId('strategy-completion').getByRole('radio')).toBeChecked();
  await app.getByRole('button', { name: 'Next: Moment' }).click();

  // Step 2: the moment and the suggested start date; the audience is counted as of that day.
  await expect(app.getByTestId('moment-gift-order').getByText('Suits your strategy')).toBeVisible();
  await app.getByTestId('moment-gift-order').click();
  await app.getByRole('button', { name: `Start on ${startDate}` }).click();
  await expect(app.getByLabel(/^Start date/)).toHaveValue(startDate);
  await expect(app.getByTestId('audience-count')).toContainText(
    `${audience.toLocaleString('en-US')} customers are in “Gift window” as of ${startDate}`,
    { timeout: 30_000 },
  );
  await app.getByRole('button', { name: 'Next: Recommendations' }).click();

  // Step 3: two proposals added, one approved, one rejected, a reviewer named.
  const items = app.getByRole('list', { name: 'Recommendations in this plan' }).getByTestId('plan-item');
  const decisionOf = (r: Recommendation) =>
    items
      .filter({ has: app.getByRole('button', { name: `Approve ${itemName(r)}`, exact: true }) })
      .getByTestId('item-decision');
  await app.getByRole('button', { name: `Add ${itemName(first)}`, exact: true }).click();
  await app.getByRole('button', { name: `Add ${itemName(second)}`, exact: true }).click();
  await expect(items).toHaveCount(2);
  await expect(app.getByTestId('review-state')).toContainText('2 of 2 recommendations still wait for review');
  await app.getByRole('button', { name: `Approve ${itemName(first)}`, exact: true }).click();
  await app.getByRole('button', { name: `Reject ${itemName(second)}`, exact: true }).press('Enter');
  await expect(decisionOf(first)).toHaveText('Approved');
  await expect(decisionOf(second)).toHaveText('Rejected');
  await expect(app.getByTestId('review-state')).toContainText('1 approved will appear in the messages');
  await app.getByLabel('Reviewer’s name').fill('Dana Reviewer');
  await expect(stepButton(app, 'Recommendations')).toContainText('complete');

  // Undo three times, from different steps: the reviewer, the rejection, the approval go in turn.
  await app.keyboard.press('Control+z');
  await expect(app.getByLabel('Reviewer’s name')).toHaveValue('');
  await expect(decisionOf(second)).toHaveText('Rejected');

  await stepButton(app, 'Strategy').click();
  await app.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(app.getByTestId('strategy-completion').getByRole('radio')).toBeChecked();
  await stepButton(app, 'Recommendations').click();
  await expect(decisionOf(second)).toHaveText('Waiting for review');
  await expect(decisionOf(first)).toHaveText('Approved');

  await stepButton(app, 'Moment').click();
  await app.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(app.getByTestId('moment-gift-order').getByRole('radio')).toBeChecked();
  await stepButton(app, 'Recommendations').click();
  await expect(decisionOf(first)).toHaveText('Waiting for review');
  await expect(decisionOf(second)).toHaveText('Waiting for review');
  await expect(items).toHaveCount(2);

  // Redo twice: the approval and the rejection come back, the reviewer stays undone.
  await app.keyboard.press('Control+Shift+z');
  await expect(decisionOf(first)).toHaveText('Approved');
  await expect(decisionOf(second)).toHaveText('Waiting for review');
  await stepButton(app, 'Strategy').click();
  await app.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(app.getByRole('button', { name: 'Redo', exact: true })).toBeEnabled();
  await stepButton(app, 'Recommendations').click();
  await expect(decisionOf(second)).toHaveText('Rejected');
  await expect(decisionOf(first)).toHaveText('Approved');
  await expect(app.getByLabel('Reviewer’s name')).toHaveValue('');
  await app.getByLabel('Reviewer’s name').fill('Sam Reviewer');

  // Everything is saved to the workspace; after a reload the plan holds every choice.
  await expect(app.getByTestId('plan-save-state')).toHaveText(/^Saved \(version \d+\)$/);
  await expect(app.getByTestId('plans-notice')).toHaveCount(0);
  await app.getByRole('button', { name: '← All plans' }).click();
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 30_000 });
  await app.reload();
  await app.getByRole('button', { name: new RegExp(`^${DEMO.replace(/[.()&]/g, '\\$&')}`) }).click();
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 30_000 });
  await app.getByRole('tab', { name: 'Plans' }).click();
  await app.getByRole('button', { name: 'Routine completion', exact: true }).click();
  await expect(app.getByTestId('strategy-completion').getByRole('radio')).toBeChecked();
  await stepButton(app, 'Moment').click();
  await expect(app.getByTestId('moment-gift-order').getByRole('radio')).toBeChecked();
  await expect(app.getByLabel(/^Start date/)).toHaveValue(startDate);
  await expect(app.getByTestId('audience-count')).toContainText(`${audience.toLocaleString('en-US')} customers`, {
    timeout: 30_000,
  });
  await stepButton(app, 'Recommendations').click();
  await expect(decisionOf(first)).toHaveText('Approved');
  await expect(decisionOf(second)).toHaveText('Rejected');
  await expect(app.getByLabel('Reviewer’s name')).toHaveValue('Sam Reviewer');
  await expect(stepButton(app, 'Recommendations')).toContainText('complete');
});

test('a recommendation can be replaced, added by hand, pinned and removed; the list is marked reviewed once every item is decided', async ({
  app,
}) => {
  const { proposals } = await expected();
  const [first] = proposals;

  await app.getByRole('button', { name: `Open demo: ${DEMO}` }).click();
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 60_000 });
  await app.getByRole('tab', { name: 'Plans' }).click();
  await app.getByRole('button', { name: 'New plan…' }).click();
  await app.getByLabel('Plan name').fill('Hand-picked');
  await app.getByRole('button', { name: 'Create' }).click();
  await app.getByTestId('strategy-completion').click();
  await stepButton(app, 'Recommendations').click();

  const items = app.getByRole('list', { name: 'Recommendations in this plan' }).getByTestId('plan-item');
  await app.getByRole('button', { name: `Add ${itemName(first)}`, exact: true }).click();
  await expect(app.getByRole('button', { name: `Add ${itemName(first)}`, exact: true })).toHaveCount(0);

  // Replaced by a product of the workspace the data does not propose: a person's choice, flagged, waiting for review.
  await app.getByRole('button', { name: `Replace ${itemName(first)}`, exact: true }).click();
  const replace = app.getByRole('form', { name: `Replace ${itemName(first)}` });
  await replace.getByRole('combobox', { name: 'Another product of this workspace' }).fill('quartz');
  await expect(
    replace.getByRole('listbox', { name: 'Another product of this workspace' }).getByRole('option'),
  ).toHaveText(['Rose Quartz Facial Roller GC241']);
  await replace.getByRole('combobox', { name: 'Another product of this workspace' }).press('Enter');
  await replace.getByRole('button', { name: 'Replace with Rose Quartz Facial Roller' }).click();
  const pouch = `Rose Quartz Facial Roller after ${first.anchor!.label}`;
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('Added by hand');
  await expect(items).toContainText('Little evidence behind it');
  await expect(items.getByTestId('item-decision')).toHaveText('Waiting for review');
  await expect(app.getByRole('button', { name: `Add ${itemName(first)}`, exact: true })).toBeVisible();

  // Added by hand without an anchor, pinned, then removed again.
  await app.getByText('Add by hand').click();
  const byHand = app.getByRole('form', { name: 'Add a recommendation by hand' });
  await byHand.getByRole('combobox', { name: 'Product to recommend' }).fill('gift box');
  await expect(byHand.getByRole('option')).toHaveText(['Glow Ritual Gift Box GC302']);
  await byHand.getByRole('combobox', { name: 'Product to recommend' }).press('Enter');
  await byHand.getByRole('button', { name: 'Add this recommendation' }).click();
  await expect(items).toHaveCount(2);
  await app.getByRole('button', { name: 'Pin Glow Ritual Gift Box', exact: true }).click();
  await expect(items.filter({ hasText: 'Glow Ritual Gift Box' }).getByTestId('item-decision')).toHaveText(
    'Waiting for review · pinned first in the messages',
  );
  await app.getByRole('button', { name: 'Remove Glow Ritual Gift Box', exact: true }).click();
  await expect(items).toHaveCount(1);

  // Sign-off waits for every decision and a name.
  const markReviewed = app.getByRole('button', { name: 'Mark reviewed' });
  await app.getByLabel('Reviewer’s name').fill('Dana Reviewer');
  await expect(markReviewed).toBeDisabled();
  await app.getByRole('button', { name: `Approve ${pouch}`, exact: true }).click();
  await expect(app.getByText('Approved despite the warnings above')).toBeVisible();
  await markReviewed.click();
  await expect(app.getByTestId('reviewed-at')).toContainText('Marked reviewed by Dana Reviewer');
  await expect(app.getByTestId('review-state')).toContainText(
    'All 1 recommendations are reviewed; 1 approved will appear in the messages.',
  );

  // A change to the list takes the sign-off back.
  await app.getByRole('button', { name: `Pin ${pouch}`, exact: true }).click();
  await expect(app.getByTestId('reviewed-at')).toHaveText(
    'Every item is decided: mark the list reviewed to sign it off.',
  );
});

test('a plan file from another shop is fitted to this workspace, and a notice lists what was changed', async ({
  app,
}, testInfo) => {
  const db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
  const { document } = examplePlan(db);
  db.close();
  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = join(testInfo.outputDir, 'glow-routine.plan.json');
  writeFileSync(file, JSON.stringify(document));
  const labels = document.recommendations.items
    .slice(0, 3)
    .map((r) => `“${r.anchor!.label} → ${r.recommended.label}”`)
    .join(', ');

  await app.getByRole('button', { name: /Open demo: Northpace/ }).click();
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 60_000 });
  await app.getByRole('tab', { name: 'Plans' }).click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'New plan from a template file…' }).click();
  await (await chooser).setFiles(file);
  await expect(app.getByTestId('plan-title')).toHaveText(document.name);

  const notice = app.getByTestId('imported-plan-notice');
  await expect(notice.getByRole('paragraph')).toHaveText(
    `“${document.name}” was checked against this workspace’s products, customers and dates. What was changed:`,
  );
  await expect(notice.getByRole('listitem')).toHaveText([
    'The plan was made in another workspace, so what belonged to it was taken out.',
    `${document.recommendations.items.length} recommendations name products this workspace does not have (${labels} and ${document.recommendations.items.length - 3} more, all of them approved picks): they were taken out of the plan.`,
    'The client “Glow & Co. skincare” was cleared: name this workspace’s client on the Strategy step.',
    'The approver “Maya Lindqvist, e-commerce lead” was cleared: name who signs this plan off on the Strategy step.',
    'The review by Maya Lindqvist, e-commerce lead on 2026-11-01 was taken back: the picks are signed off again here.',
    'The start date 2026-11-01 was cleared: until you pick one on the Moment step, the plan starts just after this workspace’s latest order.',
  ]);
  await expect(app.getByLabel('Client', { exact: true })).toHaveValue('');

  // The notice stays on the list of plans until it is dismissed.
  await app.getByRole('button', { name: '← All plans' }).click();
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
});
