import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { checkExercise, listExercises, resetExercise, type ExerciseView } from '../../src/core/exercises/catalogue';
import { milestoneRunner } from '../../src/core/exercises/milestone-moment';
import { getPlan, savePlan } from '../../src/core/plan/plan-store';
import { createWorkspaceDb, openWorkspaceBytes } from '../../src/core/store/open-workspace';
import type { Database } from '../../src/core/store/sqlite';
import { summarizeWorkspace } from '../../src/core/store/workspace-summary';
import { createEngine } from '../../src/engine/engine';
import type { Industry } from '../../src/core/store/workspace-types';
import { fixture } from '../support/import-helpers';

async function demo(industry: Industry): Promise<{ db: Database; exercise: ExerciseView }> {
  const db = generateDemoWorkspace(await loadSqlJs(), industry);
  const [exercise, ...others] = listExercises(db);
  expect(others).toEqual([]);
  return { db, exercise };
}

function choicesOf(exercise: ExerciseView) {
  if (exercise.task.kind !== 'choice') throw new Error('Expected a choice exercise.');
  return exercise.task.choices.map((c) => c.value);
}

test('a workspace that is not a demo has no exercises, even under a demo’s name', async () => {
  const SQL = await loadSqlJs();
  for (const name of ['My shop', 'Glow & Co. skincare (demo)']) {
    const db = createWorkspaceDb(SQL, name);
    expect(summarizeWorkspace(db, 0).demo).toBeNull();
    expect(listExercises(db)).toEqual([]);
    expect(checkExercise(db, 'strongest-pair', 'a+b').ok).toBe(false);
    db.close();
  }
});

test('a demo renamed, saved as a copy, reopened and imported into is still that demo, with its exercises and their progress', async () => {
  test.setTimeout(120_000);
  const engine = createEngine(await loadSqlJs());
  expect((await engine.workspace.createDemo('beauty')).demo).toBe('beauty');
  expect(await engine.workspace.rename('Tuesday class')).toMatchObject({ name: 'Tuesday class', demo: 'beauty' });
  const [exercise] = await engine.exercises.list();
  expect(exercise?.id).toBe('strongest-pair');
  const answer = choicesOf(exercise)[0];
  expect((await engine.exercises.check(exercise.id, answer)).ok).toBe(true);

  const copy = await engine.workspace.toBytes();
  await engine.workspace.close();
  const reopened = await engine.workspace.open(copy);
  expect(reopened.ok && reopened.value).toMatchObject({ name: 'Tuesday class', demo: 'beauty' });
  expect(await engine.exercises.list()).toEqual([expect.objectContaining({ id: 'strongest-pair', attempts: 1 })]);
  const again = await engine.exercises.check(exercise.id, answer);
  expect(again.ok && again.exercise.attempts).toBe(2);

  const imported = await engine.imports.run(
    new Uint8Array(readFileSync(fixture('order-lines.csv'))),
    'order-lines.csv',
    {},
  );
  expect(imported.ok && imported.summary.demo).toBe('beauty');
  expect((await engine.exercises.list()).map((e) => e.id)).toEqual(['strongest-pair']);
});

test('a demo made before the demo key existed is known by the key it always carried; an unknown demo is none', async () => {
  const SQL = await loadSqlJs();
  const current = generateDemoWorkspace(SQL, 'running', { customers: 300 });
  current.run("UPDATE meta SET key = 'industry' WHERE key = 'demo'");
  const older = openWorkspaceBytes(SQL, current.export());
  current.close();
  if (!older.ok) throw new Error(older.error.message);
  expect(summarizeWorkspace(older.value, 0).demo).toBe('running');
  expect(listExercises(older.value).map((e) => e.id)).toEqual(['milestone-moment']);

  older.value.run("UPDATE meta SET value = 'florist' WHERE key = 'industry'");
  expect(summarizeWorkspace(older.value, 0).demo).toBeNull();
  expect(listExercises(older.value)).toEqual([]);
  older.value.close();
});

test('skincare: the strongest pair is the one with the highest lift; a weaker one is not', async () => {
  const { db, exercise } = await demo('beauty');
  expect(exercise.id).toBe('strongest-pair');
  const choices = choicesOf(exercise);
  expect(choices.length).toBeGreaterThan(2);
  const results = choices.map((answer) => {
    const checked = checkExercise(db, exercise.id, answer);
    if (!checked.ok) throw new Error(checked.error);
    return { answer, ...checked.value };
  });
  const solved = results.filter((r) => r.solved);
  const wrong = results.filter((r) => !r.solved);
  expect(solved).toHaveLength(1);
  expect(wrong.length).toBe(choices.length - 1);
  expect(wrong[0].feedback).toContain('another pair goes together more strongly');

  const after = listExercises(db)[0];
  expect(after.attempts).toBe(choices.length);
  const reset = resetExercise(db, exercise.id);
  expect(reset.ok && reset.value).toMatchObject({ attempts: 0, solved: false, feedback: null });
  const right = checkExercise(db, exercise.id, solved[0].answer);
  expect(right.ok && right.value).toMatchObject({ solved: true, exercise: { attempts: 1, solved: true } });
});

test('running: the milestone runner fits a milestone moment, not the post-purchase one', async () => {
  const { db, exercise } = await demo('running');
  expect(exercise.id).toBe('milestone-moment');
  const runner = milestoneRunner(db)!;
  expect(runner.moments.length).toBeGreaterThan(0);
  expect(exercise.task.kind === 'choice' && exercise.task.question).toContain(runner.customerId);

  const wrong = checkExercise(db, exercise.id, 'launch');
  expect(wrong.ok && wrong.value.solved).toBe(false);
  expect(wrong.ok && wrong.value.feedback).toContain(runner.customerId);
  const right = checkExercise(db, exercise.id, runner.moments[0]);
  expect(right.ok && right.value.solved).toBe(true);

  const reset = resetExercise(db, exercise.id);
  expect(reset.ok && reset.value).toMatchObject({ attempts: 0, solved: false });
});

test('lighting: the broken plan fails its three checks until they are fixed, and reset breaks it again', async () => {
  const { db, exercise } = await demo('lighting');
  expect(exercise.id).toBe('fix-plan');
  expect(exercise.task).toEqual({ kind: 'plan', planId: null });
  const missing = checkExercise(db, exercise.id, '');
  expect(missing.ok && missing.value.feedback).toContain('Reset');

  const prepared = resetExercise(db, exercise.id);
  const planId = prepared.ok && prepared.value.task.kind === 'plan' ? prepared.value.task.planId : null;
  expect(planId).not.toBeNull();
  const broken = checkExercise(db, exercise.id, '');
  expect(broken.ok && broken.value.solved).toBe(false);
  expect(broken.ok && broken.value.feedback).toMatch(/^3 of the three checks still fail/);

  const record = getPlan(db, planId!);
  if (!record.ok) throw new Error(record.error);
  const plan = record.value.document;
  const halfFixed = { ...plan, pilot: { ...plan.pilot, controlShare: 0.5, durationDays: 28 } };
  expect(savePlan(db, planId!, halfFixed, new Date(), record.value.revision).ok).toBe(true);
  const still = checkExercise(db, exercise.id, '');
  expect(still.ok && still.value).toMatchObject({
    solved: false,
    feedback: expect.stringMatching(/^1 of the three checks still fails: .*unsubscribe/),
  });

  const fixed = {
    ...halfFixed,
    messages: { ...plan.messages, email: { ...plan.messages.email, unsubscribeFooter: true } },
  };
  expect(savePlan(db, planId!, fixed, new Date(), record.value.revision + 1).ok).toBe(true);
  const solved = checkExercise(db, exercise.id, '');
  expect(solved.ok && solved.value.solved).toBe(true);

  const again = resetExercise(db, exercise.id);
  const newId = again.ok && again.value.task.kind === 'plan' ? again.value.task.planId : null;
  expect(newId).not.toBe(planId);
  expect(getPlan(db, planId!).ok).toBe(false);
  const rebroken = checkExercise(db, exercise.id, '');
  expect(rebroken.ok && rebroken.value).toMatchObject({ solved: false, exercise: { attempts: 1 } });
});
