import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { exportedPlanJson, parsePlanDocument, parsePlanJson } from '../../src/core/plan/plan-documents';
import {
  archivePlan,
  createPlan,
  deletePlan,
  duplicatePlan,
  findPlanByName,
  getPlan,
  listPlans,
  planAtRevision,
  planRevisions,
  renamePlan,
  restorePlan,
  savePlan,
} from '../../src/core/plan/plan-store';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import { queryAll, type Database } from '../../src/core/store/sqlite';
import { createEngine } from '../../src/engine/engine';
import { blankPlan, type PlanDocument } from '../../src/core/plan/plan-document';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute));

async function workspace(): Promise<Database> {
  return createWorkspaceDb(await loadSqlJs(), 'Plans', at(0));
}

function created(db: Database, document: PlanDocument, minute = 1) {
  const result = createPlan(db, document, at(minute));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function withObjective(document: PlanDocument, objective: string): PlanDocument {
  return { ...document, objective };
}

const tableRows = (db: Database) =>
  ['plans', 'plan_revisions', 'checklist_acks'].map((table) => queryAll(db, `SELECT * FROM ${table} ORDER BY 1, 2`));

test('a new plan is stored with its first revision and listed with its strategy and moment', async () => {
  const db = await workspace();
  const document = blankPlan('Winter routine');
  document.strategy.id = 'completion';
  document.moment.id = 'post-purchase';
  const plan = created(db, document);
  expect(plan).toMatchObject({ planId: 'plan-1', status: 'active', revision: 1, createdAt: at(1).toISOString() });

  const read = getPlan(db, plan.planId);
  expect(read.ok && read.value.document).toEqual(document);
  expect(listPlans(db)).toEqual([
    {
      planId: 'plan-1',
      name: 'Winter routine',
      status: 'active',
      createdAt: at(1).toISOString(),
      updatedAt: at(1).toISOString(),
      revision: 1,
      strategyId: 'completion',
      momentId: 'post-purchase',
    },
  ]);
  expect(planRevisions(db, plan.planId)).toEqual({ ok: true, value: [{ revision: 1, savedAt: at(1).toISOString() }] });
  db.close();
});

test('saving writes a new revision each time the document changes, and none when it does not', async () => {
  const db = await workspace();
  const plan = created(db, blankPlan('Spring'));

  const first = savePlan(db, plan.planId, withObjective(plan.document, 'More second orders'), at(2), 1);
  expect(first.ok && first.value).toMatchObject({
    changed: true,
    plan: { revision: 2, updatedAt: at(2).toISOString() },
  });
  const second = savePlan(db, plan.planId, withObjective(plan.document, 'More second orders within 60 days'), at(3), 2);
  expect(second.ok && second.value.plan.revision).toBe(3);

  const unchanged = savePlan(
    db,
    plan.planId,
    withObjective(plan.document, 'More second orders within 60 days'),
    at(4),
    3,
  );
  expect(unchanged.ok && unchanged.value).toMatchObject({
    changed: false,
    plan: { revision: 3, updatedAt: at(3).toISOString() },
  });

  const revisions = planRevisions(db, plan.planId);
  expect(revisions.ok && revisions.value.map((r) => r.revision)).toEqual([3, 2, 1]);
  const old = planAtRevision(db, plan.planId, 2);
  expect(old.ok && old.value.objective).toBe('More second orders');
  expect(planAtRevision(db, plan.planId, 1)).toEqual({ ok: true, value: plan.document });
  expect(planAtRevision(db, plan.planId, 9)).toEqual({ ok: false, error: '“Spring” has no revision 9.' });
  db.close();
});

test('a save from a copy older than the stored plan is refused and changes nothing', async () => {
  const db = await workspace();
  const plan = created(db, blankPlan('Launch'));
  expect(savePlan(db, plan.planId, withObjective(plan.document, 'from the first window'), at(2), 1).ok).toBe(true);

  const before = tableRows(db);
  const stale = savePlan(db, plan.planId, withObjective(plan.document, 'from a second window'), at(3), 1);
  expect(stale.ok).toBe(false);
  expect(!stale.ok && stale.error).toContain('it is at revision 2, this copy is from revision 1');
  expect(tableRows(db)).toEqual(before);
  db.close();
});

test('names are unique among active plans, whatever their case; archiving frees a name', async () => {
  const db = await workspace();
  const first = created(db, blankPlan('Routine builder'));
  const other = created(db, blankPlan('Another plan'), 2);

  const clash = createPlan(db, blankPlan('  routine BUILDER '), at(3));
  expect(clash).toEqual({
    ok: false,
    error: 'There is already a plan named “Routine builder”; each plan needs its own name.',
  });
  expect(renamePlan(db, other.planId, 'ROUTINE builder', at(3)).ok).toBe(false);
  expect(renamePlan(db, other.planId, '   ', at(3))).toEqual({ ok: false, error: 'A plan needs a name.' });

  const renamed = renamePlan(db, other.planId, '  Holiday gifts ', at(4));
  expect(renamed.ok && renamed.value).toMatchObject({ revision: 2, document: { name: 'Holiday gifts' } });
  expect(findPlanByName(listPlans(db), 'holiday GIFTS')?.planId).toBe(other.planId);

  const archived = archivePlan(db, first.planId, true, at(5));
  expect(archived.ok && archived.value.status).toBe('archived');
  const reused = created(db, blankPlan('Routine builder'), 6);
  expect(findPlanByName(listPlans(db), 'Routine builder')?.planId).toBe(reused.planId);
  const unarchive = archivePlan(db, first.planId, false, at(7));
  expect(!unarchive.ok && unarchive.error).toContain('There is already a plan named “Routine builder”');

  expect(listPlans(db).map((p) => [p.name, p.status])).toEqual([
    ['Routine builder', 'active'],
    ['Routine builder', 'archived'],
    ['Holiday gifts', 'active'],
  ]);
  db.close();
});

test('duplicating makes an independent copy named "(copy)", then "(copy 2)", or the name given', async () => {
  const db = await workspace();
  const source = created(db, withObjective(blankPlan('Ecosystem'), 'Grow past the first kit'));

  const copy = duplicatePlan(db, source.planId, at(2));
  const again = duplicatePlan(db, source.planId, at(3));
  const named = duplicatePlan(db, source.planId, at(4), 'Ecosystem for the autumn');
  expect([copy, again, named].map((r) => r.ok && r.value.document.name)).toEqual([
    'Ecosystem (copy)',
    'Ecosystem (copy 2)',
    'Ecosystem for the autumn',
  ]);
  expect(duplicatePlan(db, source.planId, at(5), 'ecosystem').ok).toBe(false);
  if (!copy.ok) throw new Error(copy.error);
  expect(copy.value).toMatchObject({ revision: 1, document: { objective: 'Grow past the first kit' } });

  savePlan(db, copy.value.planId, withObjective(copy.value.document, 'Changed in the copy'), at(6));
  const original = getPlan(db, source.planId);
  expect(original.ok && original.value.document.objective).toBe('Grow past the first kit');
  db.close();
});

test('deleting and restoring a plan leaves the plan tables exactly as they were', async () => {
  const db = await workspace();
  created(db, blankPlan('Kept'));
  const plan = created(db, blankPlan('Deleted then restored'), 2);
  savePlan(db, plan.planId, withObjective(plan.document, 'second revision'), at(3));
  db.run(
    "INSERT INTO checklist_acks(plan_id, check_id, reason, acknowledged_by, acknowledged_at) VALUES (?, 'timing-trap', 'Reviewed with the client', 'Ana', ?)",
    [plan.planId, at(4).toISOString()],
  );
  const before = tableRows(db);

  const deleted = deletePlan(db, plan.planId);
  if (!deleted.ok) throw new Error(deleted.error);
  expect(deleted.value.revisions).toHaveLength(2);
  expect(deleted.value.checklistAcks).toHaveLength(1);
  expect(getPlan(db, plan.planId).ok).toBe(false);
  expect(listPlans(db).map((p) => p.name)).toEqual(['Kept']);

  // Through a structured clone, as the undo data crosses from the engine to the UI and back.
  const restored = restorePlan(db, structuredClone(deleted.value));
  expect(restored.ok && restored.value).toMatchObject({ planId: plan.planId, revision: 2 });
  expect(tableRows(db)).toEqual(before);
  expect(restorePlan(db, deleted.value)).toEqual({
    ok: false,
    error: '“Deleted then restored” is already in the workspace.',
  });

  // A new plan never takes the id of a deleted one.
  deletePlan(db, plan.planId);
  expect(created(db, blankPlan('Newer'), 5).planId).toBe('plan-3');
  db.close();
});

test('invalid and newer documents are refused with messages naming the problems', async () => {
  const db = await workspace();
  const broken = {
    ...blankPlan('Broken'),
    extra: true,
    strategy: { id: 'upsell', why: '' },
    moment: { ...blankPlan('x').moment, startDate: '01/11/2026' },
  };
  const parsed = parsePlanDocument(broken);
  expect(parsed.ok).toBe(false);
  const message = !parsed.ok ? parsed.error : '';
  expect(message).toContain('This plan document has 3 problems:');
  expect(message).toContain(
    '- strategy.id should be one of "completion", "evolution", "ecosystem", not the text "upsell"',
  );
  expect(message).toContain('- moment.startDate should be a date written as YYYY-MM-DD');
  expect(message).toContain('- the plan has a field the plan format does not know: "extra"');
  expect(createPlan(db, broken as unknown as PlanDocument, at(1))).toEqual({ ok: false, error: message });

  const missing = parsePlanDocument({
    ...blankPlan('No pilot'),
    pilot: undefined,
    offer: { ...blankPlan('x').offer, percent: 'ten' },
  });
  expect(!missing.ok && missing.error).toContain('- offer.percent should be a number, not the text "ten"');
  expect(!missing.ok && missing.error).toContain('- pilot is missing');

  const newer = parsePlanDocument({ ...blankPlan('From the future'), schemaVersion: 2 });
  expect(newer).toEqual({
    ok: false,
    error:
      'This plan was written by a newer version of Cross-Sell Planner (plan format 2; this version reads format 1). Update the app to use it.',
  });
  expect(parsePlanJson('{"schemaVersion": 1,')).toMatchObject({
    ok: false,
    error: expect.stringContaining('This is not JSON'),
  });
  expect(parsePlanDocument([1, 2])).toMatchObject({ ok: false, error: expect.stringContaining('This is not a plan') });

  // A stored document that no longer validates gives a message when opened, and the list still shows it.
  const plan = created(db, blankPlan('Edited by hand'));
  db.run('UPDATE plans SET document = ? WHERE plan_id = ?', [
    JSON.stringify({ ...plan.document, schemaVersion: 3 }),
    plan.planId,
  ]);
  const opened = getPlan(db, plan.planId);
  expect(!opened.ok && opened.error).toMatch(
    /^The stored plan “Edited by hand” cannot be opened\. This plan was written by a newer version/,
  );
  expect(listPlans(db)).toMatchObject([{ name: 'Edited by hand', strategyId: null }]);
  db.close();
});

test('a plan survives the round trip through its exported bytes, also into another workspace', async () => {
  const db = await workspace();
  const document = blankPlan('Template «été» ✓');
  document.objective = 'Line one\nLine two, with "quotes"';
  document.pilot.metrics[0].baseline = 0.1234;
  const plan = created(db, document);

  const bytes = new TextEncoder().encode(exportedPlanJson(plan.document));
  const back = parsePlanJson(new TextDecoder().decode(bytes));
  expect(back).toEqual({ ok: true, value: document });

  const other = await workspace();
  if (!back.ok) throw new Error(back.error);
  const applied = created(other, back.value);
  expect(exportedPlanJson(applied.document)).toBe(exportedPlanJson(plan.document));
  db.close();
  other.close();
});

test('the engine wraps plan writes: each one moves the revision on and returns the summary', async () => {
  const engine = createEngine(await loadSqlJs());
  const opened = await engine.workspace.create('Engine plans');
  const made = await engine.plans.create(blankPlan('Through the engine'));
  if (!made.ok) throw new Error(made.failure.message);
  expect(made.summary.revision).toBe(opened.revision + 1);
  expect(made.summary.counts.plans).toBe(1);

  const saved = await engine.plans.save(made.plan.planId, withObjective(made.plan.document, 'Changed'), 1);
  expect(saved.ok && [saved.plan.revision, saved.summary.revision]).toEqual([2, opened.revision + 2]);
  const unchanged = await engine.plans.save(made.plan.planId, withObjective(made.plan.document, 'Changed'), 2);
  expect(unchanged.ok && unchanged.summary.revision).toBe(opened.revision + 2);
  const stale = await engine.plans.save(made.plan.planId, made.plan.document, 1);
  expect(stale.ok).toBe(false);

  const deleted = await engine.plans.delete(made.plan.planId);
  if (!deleted.ok) throw new Error(deleted.failure.message);
  expect(deleted.summary.counts.plans).toBe(0);
  expect(await engine.plans.list()).toEqual([]);
  const restored = await engine.plans.restore(deleted.deleted);
  expect(restored.ok && restored.summary.counts).toMatchObject({ plans: 1, plan_revisions: 2 });
  expect(await engine.plans.get(made.plan.planId)).toMatchObject({
    ok: true,
    value: { revision: 2, document: { objective: 'Changed' } },
  });
  expect(await engine.plans.atRevision(made.plan.planId, 1)).toEqual({ ok: true, value: made.plan.document });
  await engine.workspace.close();
});
