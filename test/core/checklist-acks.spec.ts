import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { addAcknowledgement, listAcknowledgements, removeAcknowledgement } from '../../src/core/plan/acknowledgements';
import { CHECK_IDS } from '../../src/core/plan/checklist';
import { deletePlan, restorePlan } from '../../src/core/plan/plan-store';
import { openWorkspaceBytes } from '../../src/core/store/open-workspace';
import { createEngine } from '../../src/engine/engine';
import { blankPlan } from '../../src/core/plan/plan-document';

/** Acknowledging failing checks: the written reason, who gave it, and what it unblocks, through the engine and in the stored workspace. */

async function engineWithPlan() {
  const SQL = await loadSqlJs();
  const engine = createEngine(SQL);
  await engine.workspace.create('Checklist shop');
  const plan = blankPlan('Spring plan');
  const created = await engine.plans.create(plan);
  if (!created.ok) throw new Error(created.failure.message);
  return { SQL, engine, planId: created.plan.planId, plan };
}

test('a blank plan is blocked until each failing check is fixed or acknowledged with a reason', async () => {
  const { engine, planId, plan } = await engineWithPlan();
  const first = await engine.plans.checklist(planId, plan);
  expect(first.blocked).toBe(true);
  expect(first.acknowledged).toEqual([]);
  const failing = first.checks.filter((c) => c.status === 'fail').map((c) => c.id);
  // A new plan names no approver and has nothing reviewed yet.
  expect(failing).toEqual(expect.arrayContaining(['automation-approver', 'automation-review']));

  const before = (await engine.workspace.summary()).revision;
  for (const [i, checkId] of failing.entries()) {
    const done = await engine.plans.acknowledge(
      planId,
      checkId,
      `Accepted for the dry run number ${i + 1} with the client`,
      'Ana Ruiz',
    );
    if (!done.ok) throw new Error(done.failure.message);
    expect(done.summary.revision).toBe(before + i + 1);
  }
  const after = await engine.plans.checklist(planId, plan);
  expect(after.blocked).toBe(false);
  expect(after.summary.unacknowledged).toEqual([]);
  expect(after.acknowledged.map((a) => a.checkId)).toEqual([...failing].sort());
  expect(after.acknowledged[0]).toMatchObject({
    reason: expect.stringMatching(/^Accepted for the dry run number \d with the client$/),
    acknowledgedBy: 'Ana Ruiz',
  });
  expect(Date.parse(after.acknowledged[0].acknowledgedAt)).not.toBeNaN();

  // Withdrawing one blocks the export again; withdrawing it twice changes nothing the second time.
  const withdrawn = await engine.plans.withdrawAcknowledgement(planId, failing[0]);
  if (!withdrawn.ok) throw new Error(withdrawn.failure.message);
  expect(withdrawn.acknowledged.map((a) => a.checkId)).not.toContain(failing[0]);
  const again = await engine.plans.withdrawAcknowledgement(planId, failing[0]);
  expect(again.ok && again.summary.revision).toBe(withdrawn.summary.revision);
  const blocked = await engine.plans.checklist(planId, plan);
  expect(blocked.blocked).toBe(true);
  expect(blocked.summary.unacknowledged.map((c) => c.id)).toEqual([failing[0]]);
});

test('an acknowledgement needs a reason in words, a person and a known check', async () => {
  const { engine, planId } = await engineWithPlan();
  const revision = (await engine.workspace.summary()).revision;
  expect(await engine.plans.acknowledge(planId, 'automation-approver', 'ok fine', 'Ana')).toEqual({
    ok: false,
    failure: { kind: 'acknowledgement', message: expect.stringContaining('at least 3 words') },
  });
  expect(await engine.plans.acknowledge(planId, 'automation-approver', '1 2 3 4 5', 'Ana')).toEqual({
    ok: false,
    failure: { kind: 'acknowledgement', message: expect.stringContaining('at least 3 words') },
  });
  expect(await engine.plans.acknowledge(planId, 'automation-approver', 'The client signs off in person', '  ')).toEqual(
    {
      ok: false,
      failure: { kind: 'acknowledgement', message: 'Name the person who accepts this finding.' },
    },
  );
  expect(await engine.plans.acknowledge(planId, 'no-such-check', 'The client signs off in person', 'Ana')).toEqual({
    ok: false,
    failure: { kind: 'acknowledgement', message: 'There is no check “no-such-check” to acknowledge.' },
  });
  expect(
    await engine.plans.acknowledge('plan-99', 'automation-approver', 'The client signs off in person', 'Ana'),
  ).toEqual({ ok: false, failure: { kind: 'acknowledgement', message: expect.stringContaining('no plan “plan-99”') } });
  expect((await engine.workspace.summary()).revision).toBe(revision);

  // Acknowledging the same check again replaces the reason (spaces tidied), it does not add a second one.
  await engine.plans.acknowledge(planId, 'automation-approver', 'The client signs off in person', 'Ana');
  const replaced = await engine.plans.acknowledge(
    planId,
    'automation-approver',
    '  Signed   off by the owner by phone ',
    'Ben',
  );
  expect(replaced.ok && replaced.acknowledged).toEqual([
    expect.objectContaining({
      checkId: 'automation-approver',
      reason: 'Signed off by the owner by phone',
      acknowledgedBy: 'Ben',
    }),
  ]);
});

test('acknowledgements are stored in the workspace and travel with a deleted and restored plan', async () => {
  const { SQL, engine, planId } = await engineWithPlan();
  await engine.plans.acknowledge(planId, 'pilot-sample-size', 'The demo shop is too small for this test', 'Ana Ruiz');
  const reopened = openWorkspaceBytes(SQL, await engine.workspace.toBytes());
  if (!reopened.ok) throw new Error(reopened.error.message);
  const db = reopened.value;
  try {
    expect(listAcknowledgements(db, planId)).toEqual([
      expect.objectContaining({
        checkId: 'pilot-sample-size',
        reason: 'The demo shop is too small for this test',
        acknowledgedBy: 'Ana Ruiz',
      }),
    ]);
    const deleted = deletePlan(db, planId);
    if (!deleted.ok) throw new Error(deleted.error);
    expect(listAcknowledgements(db, planId)).toEqual([]);
    expect(restorePlan(db, deleted.value).ok).toBe(true);
    expect(listAcknowledgements(db, planId).map((a) => a.checkId)).toEqual(['pilot-sample-size']);

    const added = addAcknowledgement(
      db,
      planId,
      { checkId: 'timing-trap', reason: 'Delivery is the same day here', by: 'Ben' },
      CHECK_IDS,
      new Date('2026-11-02T09:00:00Z'),
    );
    expect(added.ok && added.value.map((a) => [a.checkId, a.acknowledgedAt])).toEqual([
      ['pilot-sample-size', expect.any(String)],
      ['timing-trap', '2026-11-02T09:00:00.000Z'],
    ]);
    expect(removeAcknowledgement(db, planId, 'timing-trap')).toEqual({
      ok: true,
      value: { acknowledgements: [expect.objectContaining({ checkId: 'pilot-sample-size' })], changed: true },
    });
  } finally {
    db.close();
  }
});
