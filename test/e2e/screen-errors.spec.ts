import { loadSqlJs } from '../../src/node/node-sqljs';
import { mineCombinations } from '../../src/core/analysis/combinations/mine';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { DEFAULT_PARAMS } from '../../src/renderer/state/insights-defaults';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e';
import { saved } from '../support/e2e-steps';

/**
 * A screen that throws while rendering shows what failed in its own place; the tabs, the header and
 * the save status stay, and the workspace stays open and saved. The fault comes the way it did from
 * a crafted workspace file: the engine answers the “Bought together” analysis with a result of the
 * wrong shape (faked here on its way from the worker, as reading such a file is refused elsewhere).
 */

/** The rule count the demo gives in Node at the page's defaults: what the page shows once well. */
async function demoRuleCount(): Promise<string> {
  const db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
  try {
    return mineCombinations(db, DEFAULT_PARAMS.combinations).rules.length.toLocaleString('en-US');
  } finally {
    db.close();
  }
}

interface Answer {
  ok?: boolean;
  result?: { itemsetsBySize?: unknown };
  advice?: unknown;
  pilot?: unknown;
}

/**
 * Runs in the page before the app starts: answers of one kind from the engine's worker reach the app
 * in a wrong shape, until the page sets `window.forging = false`.
 */
const forgeEngineAnswers = (what: 'combinations' | 'plan view') => {
  const forge = (value: Answer | undefined): Answer | null => {
    if ((window as { forging?: boolean }).forging === false || !value || typeof value !== 'object') return null;
    if (what === 'combinations' && value.ok && value.result?.itemsetsBySize)
      return { ...value, result: { ...value.result, rules: [{ antecedent: 'not a list', lift: 'high' }] } } as Answer;
    if (what === 'plan view' && 'advice' in value && 'pilot' in value)
      return { ...value, advice: { recommended: 'completion', reasons: 'not a list' } };
    return null;
  };
  const listen = Worker.prototype.addEventListener;
  Worker.prototype.addEventListener = function (this: Worker, type: string, listener: unknown, options?: unknown) {
    if (type !== 'message' || typeof listener !== 'function')
      return listen.call(this, type, listener as never, options as never);
    return listen.call(
      this,
      'message',
      (event: Event) => {
        const { data } = event as MessageEvent;
        const forged = forge(data?.value);
        if (!forged) return listener.call(this, event);
        listener.call(this, new MessageEvent('message', { data: { ...data, value: forged } }));
      },
      options as never,
    );
  } as typeof Worker.prototype.addEventListener;
};

/** Collects what the page reports as errors, of every frame. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

test('a screen that fails shows what failed; the other tabs work and the workspace stays open and saved', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = pageErrors(page);
  await page.addInitScript(forgeEngineAnswers, 'combinations' as const);
  await page.goto('/');
  await page.getByRole('button', { name: /Open demo: Glow/ }).click();
  const name = await page.getByTestId('title-workspace').textContent();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 60_000 });

  // The answer that breaks the page is a new one, which the workspace keeps: its save runs while the
  // page is failed, and the message says so once it is done.
  await page.getByRole('tab', { name: 'Insights' }).click();
  const failed = page.getByTestId('screen-failed');
  await expect(failed.getByRole('paragraph')).toHaveText(
    'The Bought together page could not be shown because of an error in the app. Your workspace is open and saved. Try again, or go to another tab.',
    { timeout: 60_000 },
  );
  await expect(failed).toHaveCount(1);
  // The technical reason sits behind “Details”, closed until asked for.
  const details = failed.locator('details');
  await expect(details).not.toHaveAttribute('open');
  await details.getByText('Details').click();
  await expect(details.locator('pre')).toHaveText(/is not a function/);

  // Everything around the failed page goes on: its sibling pages, the other areas, the save status.
  await page.getByRole('tab', { name: 'Bought next' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Bought next' })).toBeVisible();
  await expect(failed).toHaveCount(0);
  await page.getByRole('tab', { name: 'Plans' }).click();
  await expect(page.getByRole('button', { name: 'New plan…' })).toBeVisible();
  await saved(page);

  // Back on the page the same answer fails again; “Try again” asks the engine anew, and a well-formed
  // answer shows.
  await page.getByRole('tab', { name: 'Insights' }).click();
  await expect(failed).toHaveCount(1);
  await page.evaluate(() => ((window as { forging?: boolean }).forging = false));
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Bought together' })).toBeVisible();
  await expect(page.getByTestId('rules-summary')).toContainText(`${await demoRuleCount()} rules`, { timeout: 60_000 });
  await expect(failed).toHaveCount(0);

  // The workspace was kept, with the answer computed when the page first failed: closed, it is
  // listed, it opens again from storage, and the page shows that answer as kept in the workspace.
  await page.getByRole('button', { name: 'Close workspace' }).click();
  await page.getByRole('button', { name: /^Glow & Co\. skincare opened/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: name! })).toBeVisible();
  await saved(page);
  await page.getByRole('tab', { name: 'Insights' }).click();
  await expect(page.getByTestId('analysis-computed')).toContainText('Kept from', { timeout: 60_000 });

  // React reports the error each time the page failed (twice); nothing else went wrong on the page.
  expect(errors).toHaveLength(2);
  for (const error of errors) expect(error).toMatch(/^TypeError: .* is not a function/);
});

test('a plan step that fails leaves the other steps, the plan’s save state and the other tabs working', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = pageErrors(page);
  await page.addInitScript(forgeEngineAnswers, 'plan view' as const);
  await page.goto('/');
  await page.getByRole('button', { name: /Open demo: Glow/ }).click();
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Plans' }).click();
  await page.getByTestId('plan-row').first().getByRole('button').first().click();

  const failed = page.getByTestId('screen-failed');
  await expect(failed.getByRole('paragraph')).toHaveText(
    'The Strategy step could not be shown because of an error in the app. Your workspace is open and saved. Try again, or go to another step.',
    { timeout: 60_000 },
  );
  await expect(page.getByTestId('plan-save-state')).toHaveText(/^Saved \(version \d+\)$/);

  const steps = page.getByRole('navigation', { name: 'Plan steps' });
  await steps.getByRole('button', { name: /Moment/ }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Step 2 of 7: Moment' })).toBeVisible();
  await expect(failed).toHaveCount(0);
  await page.getByRole('tab', { name: 'Insights' }).click();
  await expect(page.getByTestId('rules-summary')).toContainText(`${await demoRuleCount()} rules`, { timeout: 60_000 });
  await saved(page);

  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^TypeError: .* is not a function/);
});
