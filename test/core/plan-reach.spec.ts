import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { renderPlanExport } from '../../src/core/export/export-plan';
import { runChecklist } from '../../src/core/plan/checklist';
import { checklistContext } from '../../src/core/plan/checklist-report';
import { blankPlan, type PlanDocument } from '../../src/core/plan/plan-document';
import { parsePlanDocument } from '../../src/core/plan/plan-documents';
import { computePlanView } from '../../src/core/plan/plan-view';
import { createPlan, savePlan } from '../../src/core/plan/plan-store';
import { channelReachGaps, pilotReachGaps } from '../../src/core/plan/reach';
import type { Database } from '../../src/core/store/sqlite';
import { stepStatus } from '../../src/renderer/screens/plans/step-status';
import { Fixture } from './analysis-fixture';
import { withPick } from '../support/plan-picks';

/**
 * Truthful reach: a shop whose data has no consent column reaches nobody by email, and every place
 * that judges the plan says so (the channel and pilot steps, the checklist, the audience file)
 * until the marketer records where the customers opted in.
 */

const NOW = new Date('2025-05-30T12:00:00Z');
const BASIS = { source: 'opted in to email at checkout, per the shop’s records', date: '2024-03-01' };

/** Four customers who ordered on 3 June 2025: a, b and c with no consent recorded, d with a recorded "no" to email. */
async function shop(): Promise<Database> {
  const fixture = await Fixture.create();
  fixture.products({ id: 'P1' }, { id: 'P2' });
  for (const [id, email] of [
    ['a', null],
    ['b', null],
    ['c', null],
    ['d', 0],
  ] as const)
    fixture.db.run('INSERT INTO customers(customer_id, first_name, email_opt_in) VALUES (?, ?, ?)', [id, id, email]);
  return fixture.orders(
    ...['a', 'b', 'c', 'd'].map((customer, i) => ({
      id: `o${i}`,
      customer,
      at: `2025-06-03T1${i}:00:00`,
      lines: ['P1'],
    })),
  ).db;
}

function emailPlan(): PlanDocument {
  const plan = withPick(blankPlan('Follow-up'), 'P1', 'P2');
  plan.moment = { id: 'post-purchase', startDate: '2025-06-04', settings: {}, trigger: '' };
  plan.channels.sends = [{ channel: 'email', offsetHours: 96 }];
  plan.pilot = { ...plan.pilot, audienceShare: 1, controlShare: 0 };
  return plan;
}

const reachCheck = (db: Database, plan: PlanDocument) =>
  runChecklist(plan, computePlanView(db, plan, []), checklistContext(db, plan)).find(
    (c) => c.id === 'reach-above-zero',
  )!;

test('with no consent in the data, nobody can be reached: the channel and pilot steps say so and the check fails', async () => {
  const db = await shop();
  const plan = emailPlan();
  const schedule = computePlanView(db, plan, []).schedule!;
  expect(schedule).toMatchObject({ customers: 4, reached: 0, consentByBasis: { email: 0, sms: 0 } });
  expect(schedule.removed.consent).toBe(4);

  expect(channelReachGaps(plan, schedule)).toEqual([
    'Nobody can be reached: none of the 4 customers the plan is for gets a message: missing consent holds back 4 of its sends. Import the customers’ consent (an email or SMS opt-in column), or, if they opted in somewhere the data does not show, record where and when under “Consent recorded elsewhere” in the channel plan.',
  ]);
  expect(pilotReachGaps(plan, schedule)).toHaveLength(1);

  // The step list marks neither step complete, and says why.
  const view = computePlanView(db, plan, []);
  const channels = stepStatus('channels', plan, view, null);
  expect(channels).toMatchObject({ state: 'started', label: 'started' });
  expect(channels.missing).toEqual(channelReachGaps(plan, schedule));
  const pilot = stepStatus('pilot', plan, view, null);
  expect(pilot.missing).toContain(
    'Customers the plan can reach: nobody in its audience can get a message yet, so the pilot would test nothing (see the channel plan).',
  );

  const check = reachCheck(db, plan);
  expect(check).toMatchObject({ status: 'fail', step: 'channels', title: 'Nobody can be reached' });
  expect(check.evidence).toContain('missing consent holds back 4 of its sends');
  expect(check.evidence).toContain('record where and when under “Consent recorded elsewhere”');
});

test('a recorded consent basis reaches the customers the data says nothing about, and a recorded “no” stays a no', async () => {
  const db = await shop();
  const plan = emailPlan();
  plan.channels.consentBasis.email = BASIS;
  const schedule = computePlanView(db, plan, []).schedule!;
  expect(schedule).toMatchObject({ customers: 4, reached: 3, consentByBasis: { email: 3, sms: 0 } });
  expect(schedule.reachedBy).toEqual({ email: 3, sms: 0, web: 0, outreach: 0 });
  expect(schedule.removed.consent).toBe(1); // d said no to email
  expect(channelReachGaps(plan, schedule)).toEqual([]);
  expect(pilotReachGaps(plan, schedule)).toEqual([]);
  expect(stepStatus('channels', plan, computePlanView(db, plan, []), null)).toEqual({
    state: 'done',
    label: 'complete',
    missing: [],
  });

  // A basis half filled in counts for nobody, and the step asks for the rest.
  const unfinished = emailPlan();
  unfinished.channels.consentBasis.email = { source: BASIS.source, date: null };
  const unfinishedView = computePlanView(db, unfinished, []);
  expect(unfinishedView.schedule!.reached).toBe(0);
  expect(stepStatus('channels', unfinished, unfinishedView, null).missing[0]).toBe(
    'Where and when customers opted in to email, or untick that consent record.',
  );

  const check = reachCheck(db, plan);
  expect(check.status).toBe('pass');
  expect(check.evidence).toBe(
    '3 of the 4 customers the plan is for over the 30 days get at least one message (email 3). Consent to email recorded by the marketer, not in the data: “opted in to email at checkout, per the shop’s records” (as of 2024-03-01). It counts as consent for 3 of the plan’s customers the data says nothing about.',
  );
  const consent = runChecklist(plan, computePlanView(db, plan, []), checklistContext(db, plan)).find(
    (c) => c.id === 'channels-consent',
  )!;
  expect(consent.evidence).toContain(
    '3 of 4 agreed to email (3 of them by the consent basis recorded on the plan, not by the data)',
  );
});

test('an empty audience file is refused with the reason; with a consent basis it lists the reachable customers and the report prints the basis', async () => {
  const db = await shop();
  const created = createPlan(db, emailPlan(), NOW);
  if (!created.ok) throw new Error(created.error);
  const { planId, document } = created.value;

  const refused = renderPlanExport(db, planId, 'audience-csv', { now: NOW });
  expect(refused).toEqual({
    ok: false,
    error:
      'The audience file was not made: it would list nobody. Nobody can be reached: none of the 4 customers the plan is for gets a message: missing consent holds back 4 of its sends. Import the customers’ consent (an email or SMS opt-in column), or, if they opted in somewhere the data does not show, record where and when under “Consent recorded elsewhere” in the channel plan.',
  });

  const withBasis = structuredClone(document);
  withBasis.channels.consentBasis.email = BASIS;
  const saved = savePlan(db, planId, withBasis, NOW);
  if (!saved.ok) throw new Error(saved.error);

  const file = renderPlanExport(db, planId, 'audience-csv', { now: NOW });
  if (!file.ok) throw new Error(file.error);
  const rows = Papa.parse<{ customer_id: string; group: string; channel: string }>(file.value.data, {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(rows.map((r) => `${r.customer_id} ${r.group} ${r.channel}`)).toEqual([
    'a treatment email',
    'b treatment email',
    'c treatment email',
  ]);

  const report = renderPlanExport(db, planId, 'md', { now: NOW });
  if (!report.ok) throw new Error(report.error);
  expect(report.value.data).toContain(
    '3 of the 4 customers the plan is for over the 30 days get at least one message: 3 by email.',
  );
  expect(report.value.data).toContain(
    'Consent to email recorded by the marketer, not in the data: “opted in to email at checkout, per the shop’s records” (as of 2024-03-01). It counts as consent for 3 of the plan’s customers the data says nothing about.',
  );
});

test('plan documents saved before the consent basis existed still load, with none recorded', () => {
  const old = structuredClone(blankPlan('Old plan')) as Partial<PlanDocument>;
  delete (old.channels as Partial<PlanDocument['channels']>).consentBasis;
  const parsed = parsePlanDocument(old);
  expect(parsed.ok && parsed.value.channels.consentBasis).toEqual({ email: null, sms: null });
});

test('a new plan’s channel and pilot steps are not complete: they ask for a moment, then for an approved recommendation', async () => {
  const db = await shop();
  const fresh = blankPlan('New');
  expect(stepStatus('channels', fresh, computePlanView(db, fresh, []), null)).toMatchObject({
    state: 'started',
    missing: ['A moment and a start date (step 2): the plan sends to the customers who enter it.'],
  });
  const withMoment = emailPlan();
  withMoment.recommendations.items = [];
  const view = computePlanView(db, withMoment, []);
  expect(view.schedule).toMatchObject({ inMoment: 4, customers: 0, reached: 0 });
  expect(stepStatus('channels', withMoment, view, null).missing).toEqual([
    'An approved recommendation (step 3): the plan sends only to customers who bought what one starts from.',
  ]);
  expect(stepStatus('pilot', withMoment, view, null).state).not.toBe('done');
  // Approved, but starting from a product nobody in the moment bought: nobody is reached, and the check says why.
  const unmatched = withPick(emailPlan(), 'P2', 'P1');
  unmatched.channels.consentBasis.email = BASIS;
  const check = reachCheck(db, unmatched);
  expect(check).toMatchObject({ status: 'fail', step: 'recommendations' });
  expect(check.evidence).toBe(
    'Nobody can be reached: none of the 4 customers entering the moment bought what an approved recommendation starts from. Approve recommendations that start from products these customers buy, or choose a fallback product for the customers nothing matches.',
  );
});
