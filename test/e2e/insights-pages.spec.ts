import type { Locator, Page } from '@playwright/test';
import { DEMO_WORKSPACES } from '../../src/core/demo/demo-workspaces';
import { expect, test } from '../support/e2e';

/**
 * The Insights pages for families, ladders, segments, moments and baselines, on the demo
 * businesses that plant each pattern: the lighting brand's product families and the running
 * shop's tiered gear.
 */

const demoName = (industry: string) => DEMO_WORKSPACES.find((d) => d.industry === industry)!.name;
const count = (text: string) => Number(text.replace(/[^\d.]/g, ''));

async function openInsights(app: Page, industry: string) {
  await app.getByRole('button', { name: `Open demo: ${demoName(industry)}` }).click();
  await app
    .getByRole('tablist', { name: 'Workspace' })
    .getByRole('tab', { name: 'Insights' })
    .click({ timeout: 90_000 });
}

/** Opens an Insights page and waits for its analysis to finish. */
async function openPage(app: Page, title: string) {
  await app.getByRole('tablist', { name: 'Insights' }).getByRole('tab', { name: title }).click();
  await expect(app.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(app.getByTestId('analysis-computed')).toBeVisible({ timeout: 120_000 });
}

/** Submits the page's parameters and waits for the new result. */
async function update(app: Page) {
  await app.getByRole('button', { name: 'Update' }).click();
  await expect(app.getByRole('button', { name: 'Update' })).toBeEnabled({ timeout: 120_000 });
  await expect(app.getByTestId('analysis-computed')).toBeVisible();
}

const bodyRows = (table: Locator) => table.locator('.vtable-body [role="row"]');
const cell = (row: Locator, index: number) => row.getByRole('cell').nth(index);

/** Opens the table's first row with the keyboard, as Enter on the focused table does. */
async function openFirstRow(table: Locator) {
  await table.locator('.vtable-body').focus();
  await table.page().keyboard.press('Enter');
}

/** The drill-down dialog lists `expected` customers, and shows them when there are any. */
async function expectDrilldown(app: Page, expected: number) {
  const dialog = app.getByRole('dialog');
  if (expected === 0) {
    await expect(dialog.getByText('No customers are behind this row any more.')).toBeVisible();
  } else {
    await expect(dialog.getByTestId('drill-total')).toHaveText(
      new RegExp(`^${expected.toLocaleString('en-US')} match`),
      { timeout: 60_000 },
    );
    await expect(dialog.getByTestId('drill-rows').getByRole('row')).toHaveCount(Math.min(expected, 50));
  }
}

async function closeDialog(app: Page) {
  await app.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(app.getByRole('dialog')).toBeHidden();
}

test('the lighting demo shows its families, segments, moments and baselines', async ({ app }) => {
  test.setTimeout(300_000);
  await openInsights(app, 'lighting');

  await test.step('families: adoption per family, and the member owners of a partial set add next', async () => {
    await openPage(app, 'Families');
    await expect(app.getByTestId('families-summary')).toContainText(/[1-9]\d* families/);
    const chart = app.getByTestId('family-chart').first();
    await chart.getByText('Show the numbers').click();
    const numbers = chart.locator('.chart-numbers li');
    expect(await numbers.count()).toBeGreaterThanOrEqual(2);
    await expect(numbers.first()).toHaveText(/^1: [\d,]+ customers$/);

    const sets = app.getByRole('table', { name: 'Ownership sets' });
    const top = bodyRows(sets).first();
    await expect(cell(top, 4)).not.toHaveText('–');
    await expect(cell(top, 5)).toHaveText(/\d %$/);
    await expect(cell(top, 6)).toContainText('added');
    const now = count(await cell(top, 3).innerText());
    await openFirstRow(sets);
    await expect(app.getByRole('dialog')).toContainText('Customers who own exactly');
    await expectDrilldown(app, now);
    await closeDialog(app);
  });

  await test.step('segments: every score splits all the customers', async () => {
    await openPage(app, 'Segments');
    const total = count(await app.getByTestId('segments-summary').locator('strong').innerText());
    expect(total).toBeGreaterThan(0);
    const scores = app.getByRole('table', { name: 'Score groups' });
    const filter = app.getByRole('searchbox').first();
    for (const measure of ['Recency', 'Frequency', 'Monetary']) {
      await filter.fill(measure);
      await expect(bodyRows(scores)).toHaveCount(5);
      const customers = await bodyRows(scores).evaluateAll((rows) =>
        rows.map((row) => row.querySelectorAll('[role="cell"]')[2].textContent ?? ''),
      );
      expect(
        customers.map(count).reduce((a, b) => a + b, 0),
        `${measure} groups`,
      ).toBe(total);
    }

    const loyalty = app.getByTestId('loyalty-chart');
    await loyalty.getByText('Show the numbers').click();
    const tiers = await loyalty.locator('.chart-numbers li').allTextContents();
    expect(tiers.map((t) => count(t.split(':')[1])).reduce((a, b) => a + b, 0)).toBe(total);

    const combinations = app.getByRole('table', { name: 'Score combinations' });
    const biggest = count(await cell(bodyRows(combinations).first(), 3).innerText());
    await openFirstRow(combinations);
    await expectDrilldown(app, biggest);
    await closeDialog(app);
  });

  await test.step('moments: an audience per moment at the latest activity, and who is in it', async () => {
    await openPage(app, 'Moments');
    const asOf = await app.getByLabel('As of').inputValue();
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    await expect(app.getByTestId('moments-summary')).toContainText(asOf.replace('T', ' '));

    const moments = app.getByRole('table', { name: 'Moments' });
    await expect(bodyRows(moments)).toHaveCount(9);
    await moments.getByRole('button', { name: 'Customers' }).click();
    const busiest = count(await cell(bodyRows(moments).first(), 1).innerText());
    expect(busiest).toBeGreaterThan(0);
    await openFirstRow(moments);
    await expectDrilldown(app, busiest);
    await closeDialog(app);

    const justOrdered = async () => {
      await app.getByRole('searchbox').fill('Just ordered');
      return bodyRows(moments).first();
    };
    const before = count(await cell(await justOrdered(), 1).innerText());
    await app.getByLabel('Just ordered: within').fill('720');
    await update(app);
    const row = await justOrdered();
    await expect(cell(row, 2)).toHaveText('last 720 hours');
    expect(count(await cell(row, 1).innerText())).toBeGreaterThan(before);
  });

  await test.step('baselines: the five figures, and the pairs behind acceptance', async () => {
    await openPage(app, 'Baselines');
    for (const id of ['acceptance', 'secondary', 'expansion', 'aov', 'returns']) {
      await expect(app.getByTestId(`baseline-${id}`).locator('.baseline-value')).toHaveText(/\d/);
    }
    await expect(app.getByTestId('baseline-acceptance').locator('.baseline-value')).toHaveText(/^\d+ %$/);
    const pairs = app.getByRole('table', { name: 'Acceptance by product pair' });
    await expect(app.getByTestId('vtable-count')).toHaveText('10 rows');
    await expect(cell(bodyRows(pairs).first(), 5)).toContainText('within 90 days');

    await app.getByLabel('Product pairs').fill('3');
    await app.getByLabel('Follow-on window').fill('30');
    await update(app);
    await expect(app.getByTestId('vtable-count')).toHaveText('3 rows');
    await expect(cell(bodyRows(pairs).first(), 5)).toContainText('within 30 days');
  });
});

test('the running demo shows its ladders and who is ready for the next tier', async ({ app }) => {
  test.setTimeout(240_000);
  await openInsights(app, 'running');
  await openPage(app, 'Ladders');

  const ladders = app.getByTestId('ladder');
  expect(await ladders.count()).toBeGreaterThan(0);
  const first = ladders.first();
  expect(
    await first.getByRole('table', { name: 'Customers per tier' }).getByRole('row').count(),
    'header and two or more tiers',
  ).toBeGreaterThanOrEqual(3);
  const showAll = first.getByRole('button', { name: /^Show all [\d,]+ candidates$/ });
  const candidates = count(await showAll.innerText());
  expect(candidates).toBeGreaterThan(0);
  await showAll.click();
  await expectDrilldown(app, candidates);
  await expect(app.getByRole('dialog').getByRole('columnheader', { name: 'Signals' })).toBeVisible();
  await closeDialog(app);

  const table = app.getByRole('table', { name: 'Candidates for the next tier' });
  const top = bodyRows(table).first();
  await expect(cell(top, 2)).toHaveText(/^\d+ → \d+$/);
  await expect(cell(top, 4)).not.toBeEmpty();
  const customer = await cell(top, 1).innerText();
  await openFirstRow(table);
  await expect(app.getByTestId('customer-orders')).toContainText(`Latest orders of customer ${customer}`, {
    timeout: 60_000,
  });
  await app.getByRole('button', { name: 'Back to the list' }).click();
  await expect(app.getByTestId('drill-total')).toBeVisible();
  await closeDialog(app);

  const listed = count(await app.getByTestId('vtable-count').innerText());
  await app.getByLabel(/^At least/).fill('3');
  await update(app);
  await expect(app.getByTestId('vtable-count')).not.toHaveText(`${listed.toLocaleString('en-US')} rows`);
  expect(count(await app.getByTestId('vtable-count').innerText())).toBeLessThan(listed);
});

test('each page says what it needs when the workspace lacks the data', async ({ app }) => {
  test.setTimeout(180_000);
  await app.getByRole('button', { name: 'New workspace…' }).click();
  await app.getByLabel('Name of the business or client').fill('Corner Shop');
  await app.getByLabel('Name of the business or client').press('Enter');
  await app.getByRole('tablist', { name: 'Workspace' }).getByRole('tab', { name: 'Insights' }).click();

  const empty: [string, string, string][] = [
    ['Families', 'families-empty', 'Import products with a family column'],
    ['Ladders', 'ladders-empty', 'no dated orders or events yet'],
    ['Segments', 'segments-empty', 'No customer has bought a product'],
    ['Moments', 'moments-empty', 'no dated orders or events yet'],
    ['Baselines', 'baselines-empty', 'no history to measure'],
  ];
  for (const [title, testId, text] of empty) {
    await openPage(app, title);
    await expect(app.getByTestId(testId)).toContainText(text);
  }

  // Orders without families, tiers or events: the pages that need those say so, the others show figures.
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Import data…' }).click();
  await (await chooser).setFiles('test/fixtures/import-e2e/shop-orders.csv');
  await app.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
  await app.getByRole('button', { name: 'Done' }).click();

  await openPage(app, 'Families');
  await expect(app.getByTestId('families-empty')).toContainText('Import products with a family column');
  await openPage(app, 'Ladders');
  await expect(app.getByTestId('ladders-empty')).toContainText('Import products with a tier column');
  await openPage(app, 'Segments');
  await expect(app.getByTestId('segments-summary')).toContainText('3 customers');
  await openPage(app, 'Moments');
  await expect(bodyRows(app.getByRole('table', { name: 'Moments' }))).toHaveCount(9);
  await openPage(app, 'Baselines');
  await expect(app.getByTestId('baseline-aov')).toBeVisible();
  await expect(app.getByTestId('vtable-count')).toHaveText('0 rows');
});
