import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { DEMO_WORKSPACES } from '../../src/core/demo/demo-workspaces';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { checkExercise, listExercises } from '../../src/core/exercises/catalogue';
import { expect, test } from '../support/e2e';

const DEMO = DEMO_WORKSPACES.find((d) => d.industry === 'beauty')!;

/** The labels of the skincare exercise's right pair and of a wrong one, as the core checks them on the same demo. */
async function pairLabels() {
  const db = generateDemoWorkspace(await loadSqlJs(), DEMO.industry);
  const [exercise] = listExercises(db);
  if (exercise?.task.kind !== 'choice') throw new Error('The skincare demo has no pair exercise.');
  const solves = (value: string) => {
    const checked = checkExercise(db, exercise.id, value);
    return checked.ok && checked.value.solved;
  };
  const right = exercise.task.choices.find((c) => solves(c.value))!;
  const wrong = exercise.task.choices.find((c) => !solves(c.value))!;
  db.close();
  return { title: exercise.title, right: right.label, wrong: wrong.label };
}

const workspaceReady = (app: Page) =>
  expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 90_000 });

test('the skincare exercise: a wrong pair is not solved, the strongest pair is, and Reset starts it over', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const pairs = await pairLabels();

  await app.getByRole('button', { name: `Open demo: ${DEMO.name}` }).click();
  await workspaceReady(app);
  await app.getByRole('region', { name: 'Guided tour' }).getByRole('button', { name: 'Not now' }).click();
  await app.getByRole('tab', { name: 'Exercises' }).click();

  const exercise = app.getByRole('article', { name: pairs.title });
  const feedback = exercise.getByTestId('exercise-feedback');
  await expect(feedback).toHaveText('Not tried yet.');
  const answer = exercise.getByRole('combobox');
  const check = exercise.getByRole('button', { name: 'Check' });
  await expect(check).toBeDisabled();

  await answer.selectOption({ label: pairs.wrong });
  await check.click();
  await expect(feedback).toContainText('Not solved yet after 1 try. Not quite');

  await answer.selectOption({ label: pairs.right });
  await check.click();
  await expect(feedback).toContainText(`Solved after 2 tries. Right: ${pairs.right}`);
  // The attempt is written into the workspace, so it is saved with it.
  await workspaceReady(app);

  await exercise.getByRole('button', { name: 'Reset' }).click();
  await expect(feedback).toHaveText('Not tried yet.');
  await expect(answer).toHaveValue('');
});

test('a renamed demo handed out with “Save a copy…” is still that demo: the copy offers its exercise and checks it', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const pairs = await pairLabels();
  const handout = 'Tuesday class';

  await app.getByRole('button', { name: `Open demo: ${DEMO.name}` }).click();
  await workspaceReady(app);
  await app.getByRole('button', { name: 'Rename…' }).click();
  await app.getByLabel('Workspace name').fill(handout);
  await app.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(app.getByRole('heading', { level: 1, name: handout })).toBeVisible();
  // Under its new name it is still a demo, so the tour is still offered.
  const notNow = app.getByRole('region', { name: 'Guided tour' }).getByRole('button', { name: 'Not now' });
  await expect(notNow).toBeVisible();
  await notNow.click();
  await workspaceReady(app);

  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Save a copy…' }).click();
  const copy = readFileSync(await (await download).path());
  await app.getByRole('button', { name: 'Close workspace' }).click();

  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'Open workspace…' }).click();
  await (await chooser).setFiles({ name: `${handout} - Sam.xsell`, mimeType: 'application/vnd.sqlite3', buffer: copy });
  await expect(app.getByRole('heading', { level: 1, name: handout })).toBeVisible();
  await workspaceReady(app);
  await app.getByRole('tab', { name: 'Exercises' }).click();

  const exercise = app.getByRole('article', { name: pairs.title });
  const feedback = exercise.getByTestId('exercise-feedback');
  await expect(feedback).toHaveText('Not tried yet.');
  await exercise.getByRole('combobox').selectOption({ label: pairs.right });
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(feedback).toContainText(`Solved after 1 try. Right: ${pairs.right}`);
});

test('the lighting exercise: Reset puts the broken plan in, it opens from the exercise, and a check names its three failing checks', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const lighting = DEMO_WORKSPACES.find((d) => d.industry === 'lighting')!;
  await app.getByRole('button', { name: `Open demo: ${lighting.name}` }).click();
  await workspaceReady(app);
  await app.getByRole('region', { name: 'Guided tour' }).getByRole('button', { name: 'Not now' }).click();
  await app.getByRole('tab', { name: 'Exercises' }).click();

  const exercise = app.getByRole('article', { name: 'Fix a plan that fails three checks' });
  await expect(exercise.getByRole('button', { name: 'Check' })).toBeDisabled();
  await exercise.getByRole('button', { name: 'Reset' }).click();
  await exercise.getByRole('button', { name: 'Check' }).click();
  // The check runs the broken plan's whole checklist over the lighting shop's recipients.
  await expect(exercise.getByTestId('exercise-feedback')).toContainText('3 of the three checks still fail', {
    timeout: 60_000,
  });

  await exercise.getByRole('button', { name: 'Open the plan' }).click();
  await expect(app.getByRole('tab', { name: 'Plans' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByTestId('plan-title')).toHaveText('Exercise: fix this plan');
});
