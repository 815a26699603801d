import { loadSqlJs } from '../../src/node/node-sqljs';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { computePlanView } from '../../src/core/plan/plan-view';
import { blankPlan, type Recommendation } from '../../src/core/plan/plan-document';
import { proposalsMatching } from '../../src/renderer/screens/plans/steps/proposal-filter';
import { expect, test } from '../support/e2e';
import { newPlanAudience } from '../support/e2e-steps';

const DEMO = 'Glow & Co. skincare';
const itemName = (r: Pick<Recommendation, 'anchor' | 'recommended'>) =>
  `${r.recommended.label} after ${r.anchor!.label}`;

/** The proposals the same demo gives in Node, for a completion plan in the gift window from the day after the data ends. */
async function expectedProposals() {
  const db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
  const plan = blankPlan('Picked by hand');
  const latest = computePlanView(db, plan, []).asOf!;
  const next = new Date(`${latest.slice(0, 10)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const moment = { id: 'gift-order' as const, startDate: next.toISOString().slice(0, 10), settings: {}, trigger: '' };
  const view = computePlanView(db, { ...plan, strategy: { id: 'completion', why: '' }, moment }, []);
  db.close();
  return view.proposals;
}

test('proposals filter by product, products are picked by typing and the keyboard, and a pair turns round', async ({
  app,
}) => {
  const proposals = await expectedProposals();
  const eyeCream = proposalsMatching(proposals, 'eye cream');
  expect(eyeCream.length).toBeGreaterThan(0);
  expect(eyeCream.length).toBeLessThan(proposals.length);

  await app.getByRole('button', { name: `Open demo: ${DEMO}` }).click();
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 60_000 });
  await expect(await newPlanAudience(app, 'Picked by hand', 'completion', 'gift-order')).toContainText('customers', {
    timeout: 30_000,
  });
  await app.getByRole('button', { name: 'Next: Recommendations' }).click();

  // "What goes with the eye cream?": only the proposals naming it stay.
  const shown = app.getByRole('list', { name: 'Proposals' }).getByTestId('proposal');
  await expect(shown).toHaveCount(proposals.length, { timeout: 30_000 });
  const filter = app.getByRole('searchbox', { name: /What goes with/ });
  await filter.fill('eye cream');
  await expect(shown).toHaveCount(eyeCream.length);
  for (const p of eyeCream)
    await expect(app.getByRole('button', { name: `Add ${itemName(p)}`, exact: true })).toBeVisible();
  await filter.fill('no such thing');
  await expect(shown).toHaveCount(0);
  await expect(app.getByTestId('proposal-filter-empty')).toHaveText(
    'No proposal names a product matching “no such thing”. Try part of another name or code, or clear the filter.',
  );
  await filter.fill('');
  await expect(shown).toHaveCount(proposals.length);

  // By hand: type part of a name, move down with the arrow keys, pick with Enter.
  await app.getByText('Add by hand').click();
  const bought = app.getByRole('combobox', { name: 'What the customer bought (optional)' });
  await bought.fill('serum');
  const options = app.getByRole('listbox', { name: 'What the customer bought (optional)' }).getByRole('option');
  await expect(options).toHaveText([
    'Age Renew Retinal Night Serum 0.1% 30 ml GC133',
    'Bright Boost Vitamin C Serum 15% 30 ml GC123',
    'Calm Skin Ceramide Serum 30 ml GC113',
    'Clear Balance Niacinamide Serum 30 ml GC103',
  ]);
  await bought.press('ArrowDown');
  await bought.press('Enter');
  await expect(bought).toHaveValue('Bright Boost Vitamin C Serum 15% 30 ml');
  await expect(app.getByText('Picked Bright Boost Vitamin C Serum 15% 30 ml (GC123).')).toBeVisible();

  const recommend = app.getByRole('combobox', { name: 'Product to recommend' });
  const add = app.getByRole('button', { name: 'Add this recommendation' });
  await recommend.fill('no such product');
  await expect(app.getByText('No product of this workspace matches “no such product”.')).toBeVisible();
  await expect(add).toBeDisabled();
  await recommend.fill('oat milk');
  await expect(app.getByRole('listbox', { name: 'Product to recommend' }).getByRole('option')).toHaveText([
    'Calm Skin Oat Milk Toner 200 ml GC112',
  ]);
  await recommend.press('Enter');
  await add.click();
  const items = app.getByRole('list', { name: 'Recommendations in this plan' }).getByTestId('plan-item');
  await expect(items).toHaveCount(1);
  await expect(
    app.getByRole('button', {
      name: 'Approve Calm Skin Oat Milk Toner 200 ml after Bright Boost Vitamin C Serum 15% 30 ml',
      exact: true,
    }),
  ).toBeVisible();
  await expect(items.first()).toContainText('No evidence from the data: a person’s choice.');
  await expect(bought).toHaveValue('');

  // A proposed pair shows the other way round too, and one button turns it round before approving.
  const [first] = proposals;
  const reverse = first.evidence!.reverse!;
  await app.getByRole('button', { name: `Add ${itemName(first)}`, exact: true }).click();
  await expect(items).toHaveCount(2);
  const added = items.nth(1);
  await expect(added.getByTestId('other-way-round')).toContainText(
    `The other way round: ${Math.round(reverse.confidence! * 1000) / 10} % of the orders with ${first.recommended.label} also held ${first.anchor!.label}`,
  );
  const turned = { anchor: first.recommended, recommended: first.anchor! };
  await added.getByRole('button', { name: `Swap ${itemName(first)}: recommend ${itemName(turned)}` }).press('Enter');
  await expect(app.getByRole('button', { name: `Approve ${itemName(turned)}`, exact: true })).toBeVisible();
  await expect(app.getByRole('button', { name: `Approve ${itemName(first)}`, exact: true })).toHaveCount(0);
  // The pair stays out of the proposals, whichever way round the plan holds it.
  await expect(app.getByRole('button', { name: `Add ${itemName(first)}`, exact: true })).toHaveCount(0);
  await expect(shown).toHaveCount(proposals.length - 1);
});
