import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { createEngine } from '../../src/engine/engine';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import type { PlanDocument } from '../../src/core/plan/plan-document';
import type { EngineApi } from '../../src/shared/engine-api';
import type { Industry } from '../../src/core/store/workspace-types';

/**
 * A plan made for one shop applied to another: the beauty demo's example plan taken to the lighting
 * demo (none of its products sold there), to a second beauty shop (the same catalogue, other
 * customers and orders) and back to its own workspace.
 */

const CHECK = 'relevance-workspace';

/** A demo workspace opened in its own engine, as the app opens a file. */
async function demoEngine(industry: Industry, seed: number, customers: number): Promise<EngineApi> {
  const SQL = await loadSqlJs();
  const db = generateDemoWorkspace(SQL, industry, { seed, customers });
  const engine = createEngine(SQL);
  const opened = await engine.workspace.open(db.export());
  db.close();
  if (!opened.ok) throw new Error(opened.failure.message);
  return engine;
}

async function examplePlanOf(engine: EngineApi): Promise<PlanDocument> {
  const [summary] = await engine.plans.list();
  const found = await engine.plans.get(summary.planId);
  if (!found.ok) throw new Error(found.failure.message);
  return found.value.document;
}

async function check(engine: EngineApi, planId: string, document: PlanDocument) {
  const report = await engine.plans.checklist(planId, document);
  return report.checks.find((c) => c.id === CHECK)!;
}

async function applied(engine: EngineApi, document: PlanDocument) {
  const outcome = await engine.plans.applyDocument(document);
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome;
}

const pickLabel = (i: PlanDocument['recommendations']['items'][number]) =>
  `“${i.anchor ? `${i.anchor.label} → ${i.recommended.label}` : i.recommended.label}”`;

let beauty: EngineApi;
let lighting: EngineApi;
let otherBeauty: EngineApi;
/** The beauty example plan as exported, with a preview customer only the beauty shop has and a consent basis. */
let template: PlanDocument;

test.beforeAll(async () => {
  beauty = await demoEngine('beauty', 1, 500);
  lighting = await demoEngine('lighting', 1, 300);
  otherBeauty = await demoEngine('beauty', 2, 300);
  const example = await examplePlanOf(beauty);
  template = {
    ...example,
    name: 'Gift routine',
    messages: { ...example.messages, previewCustomerId: 'C10450' },
    channels: {
      ...example.channels,
      consentBasis: { email: { source: 'opted in at the gift shop’s till', date: '2026-01-15' }, sms: null },
    },
  };
  const saved = await beauty.plans.create(template);
  expect(saved.ok).toBe(true);
});

test('the example plan records that its picks were signed off in its own workspace', () => {
  expect(template.recommendations.workspaceId).toBe('demo:beauty:1:500:5000');
  expect(template.recommendations.items.filter((i) => i.decision === 'approved')).toHaveLength(20);
});

test('applied to a shop that sells none of its products, the picks are taken out and the other client’s details cleared', async () => {
  const { plan, notes } = await applied(lighting, template);
  const approved = template.recommendations.items;
  expect(approved.every((i) => i.decision === 'approved')).toBe(true);
  expect(notes).toEqual([
    'The plan was made in another workspace, so what belonged to it was taken out.',
    `20 recommendations name products this workspace does not have (${approved
      .slice(0, 3)
      .map(pickLabel)
      .join(', ')} and 17 more, all of them approved picks): they were taken out of the plan.`,
    'The client “Glow & Co. skincare” was cleared: name this workspace’s client on the Strategy step.',
    'The approver “Maya Lindqvist, e-commerce lead” was cleared: name who signs this plan off on the Strategy step.',
    'The review by Maya Lindqvist, e-commerce lead on 2026-11-01 was taken back: the picks are signed off again here.',
    'The start date 2026-11-01 was cleared: until you pick one on the Moment step, the plan starts just after this workspace’s latest order.',
    'The consent to email recorded for the other shop’s customers (“opted in at the gift shop’s till”) was cleared.',
    'The preview customer C10450 is not a customer here: the previews show the audience’s first customer instead.',
  ]);
  const d = plan.document;
  expect(d).toMatchObject({
    client: '',
    approver: '',
    moment: { ...template.moment, startDate: null },
    recommendations: { items: [], reviewedBy: '', reviewedAt: null, workspaceId: null },
    channels: { ...template.channels, consentBasis: { email: null, sms: null } },
  });
  expect(d.messages).toEqual({ ...template.messages, previewCustomerId: null });
  expect([d.name, d.objective, d.strategy, d.offer, d.pilot]).toEqual([
    template.name,
    template.objective,
    template.strategy,
    template.offer,
    template.pilot,
  ]);
  expect(await check(lighting, plan.planId, d)).toMatchObject({
    status: 'warn',
    evidence: 'No recommendation is approved yet, so there is nothing to judge.',
  });
});

test('applied to a shop with the same products, the picks wait for a review on its own orders', async () => {
  const { plan, notes } = await applied(otherBeauty, template);
  const items = template.recommendations.items;
  expect(notes.slice(0, 2)).toEqual([
    'The plan was made in another workspace, so what belonged to it was taken out.',
    `20 recommendations name products this workspace also has (${items
      .slice(0, 3)
      .map(pickLabel)
      .join(
        ', ',
      )} and 17 more): they were set back to proposed, without the evidence from the other workspace’s orders. Review them here on the Recommendations step.`,
  ]);
  // Then the same clearing as in the lighting shop; C10450 is not among this shop's 300 customers either.
  expect(notes).toHaveLength(8);
  expect(notes.at(-1)).toBe(
    'The preview customer C10450 is not a customer here: the previews show the audience’s first customer instead.',
  );
  expect(plan.document.recommendations.items).toEqual(
    items.map((i) => ({
      ...i,
      decision: 'proposed',
      evidence: null,
      flags: i.flags.includes('low-evidence') ? i.flags : [...i.flags, 'low-evidence'],
    })),
  );
  expect(plan.document.messages.previewCustomerId).toBeNull();

  // Reviewed here: approved again and signed off, the picks count as this workspace's.
  const reviewed: PlanDocument = {
    ...plan.document,
    recommendations: {
      ...plan.document.recommendations,
      items: plan.document.recommendations.items.map((i) => ({ ...i, decision: 'approved' })),
      reviewedBy: 'Sam Ortiz',
      reviewedAt: '2026-11-02T09:00:00.000Z',
    },
  };
  const saved = await otherBeauty.plans.save(plan.planId, reviewed, plan.revision);
  if (!saved.ok) throw new Error(saved.failure.message);
  expect(saved.plan.document.recommendations.workspaceId).toBe('demo:beauty:2:300:3000');
  expect(await check(otherBeauty, plan.planId, saved.plan.document)).toMatchObject({
    status: 'pass',
    evidence: 'All 20 approved picks name products of this workspace, and the picks were signed off here.',
  });
});

test('picks signed off in another workspace fail the check until they are reviewed here', async () => {
  // As a plan written in without the check, e.g. by an older version of the app.
  const created = await otherBeauty.plans.create({ ...template, name: 'Copied as it was' });
  if (!created.ok) throw new Error(created.failure.message);
  const { planId, document, revision } = created.plan;
  expect(await check(otherBeauty, planId, document)).toMatchObject({
    status: 'fail',
    step: 'recommendations',
    evidence:
      'Maya Lindqvist, e-commerce lead signed the picks off on 2026-11-01 in another workspace, so their evidence comes from another shop’s orders. Review the picks here: check each against this workspace’s proposals, then mark the list reviewed again.',
  });
  // Saving without a new sign-off keeps the record of where the picks were signed off.
  const renamed = await otherBeauty.plans.save(planId, { ...document, objective: 'Reworded' }, revision);
  if (!renamed.ok) throw new Error(renamed.failure.message);
  expect(renamed.plan.document.recommendations.workspaceId).toBe('demo:beauty:1:500:5000');

  // The reviewer marks the list reviewed again here: the checklist sees it before the save, and the save records it.
  const reviewed: PlanDocument = {
    ...renamed.plan.document,
    recommendations: { ...renamed.plan.document.recommendations, reviewedAt: '2026-11-02T09:00:00.000Z' },
  };
  expect(await check(otherBeauty, planId, reviewed)).toMatchObject({
    status: 'pass',
    evidence: 'All 20 approved picks name products of this workspace, and the picks were signed off here.',
  });
  const saved = await otherBeauty.plans.save(planId, reviewed, renamed.plan.revision);
  if (!saved.ok) throw new Error(saved.failure.message);
  expect(saved.plan.document.recommendations.workspaceId).toBe('demo:beauty:2:300:3000');
});

test('picks naming products the workspace does not have fail the check, whatever the sign-off says', async () => {
  const created = await lighting.plans.create({ ...template, name: 'Beauty picks in a lighting shop' });
  if (!created.ok) throw new Error(created.failure.message);
  const items = template.recommendations.items;
  expect(await check(lighting, created.plan.planId, created.plan.document)).toMatchObject({
    status: 'fail',
    evidence: `20 approved picks name products this workspace does not have: ${items
      .slice(0, 3)
      .map(pickLabel)
      .join(', ')} and 17 more. Take them out and choose from this workspace’s proposals.`,
  });
});

test('applied back to its own workspace, the plan keeps its picks, sign-off, client and dates', async () => {
  const { plan, notes } = await applied(beauty, { ...template, name: 'Gift routine again' });
  expect(notes).toEqual([]);
  expect(plan.document).toEqual({ ...template, name: 'Gift routine again' });
  expect(await check(beauty, plan.planId, plan.document)).toMatchObject({
    status: 'pass',
    evidence: 'All 20 approved picks name products of this workspace, and the picks were signed off here.',
  });
});
