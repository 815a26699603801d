import { expect, test } from '@playwright/test';
import { createMemo } from '../../src/core/plan/memo';
import { blankPlan, type PlanDocument, type Recommendation } from '../../src/core/plan/plan-document';
import { planRecipients } from '../../src/core/plan/plan-recipients';
import { computePlanView } from '../../src/core/plan/plan-view';
import type { Database } from '../../src/core/store/sqlite';
import { Fixture } from './analysis-fixture';
import { approvedPick } from '../support/plan-picks';

/**
 * Who gets which recommendation: buyers of the anchor (or a variant of it) in the moment, never a
 * product they own (or a variant, or a code that differs only in case), one recommendation each by
 * the plan's rule, the fallback for the rest when the plan has one, and tokens from their own purchase.
 */

const NAMES: Record<string, string> = {
  'MUG-RED': 'Mug Red',
  'MUG-BLUE': 'Mug Blue',
  TEA: 'Loose Tea',
  SPOON: 'Tea Spoon',
  spoon: 'Tea spoon',
  CAKE: 'Cake Tin',
};

/** Five customers who ordered on 3 June 2025 (the moment: an order in the 48 hours before 4 June). */
async function shop(): Promise<Database> {
  const fixture = await Fixture.create();
  fixture.products(...Object.keys(NAMES).map((id) => ({ id })));
  for (const [id, name] of Object.entries(NAMES))
    fixture.db.run('UPDATE products SET name = ? WHERE product_id = ?', [name, id]);
  return fixture.orders(
    { id: 'a1', customer: 'a', at: '2025-06-03T10:00:00', lines: ['MUG-RED'] },
    { id: 'b0', customer: 'b', at: '2025-05-01T10:00:00', lines: ['TEA'] },
    { id: 'b1', customer: 'b', at: '2025-06-03T10:00:00', lines: ['MUG-BLUE'] },
    { id: 'c1', customer: 'c', at: '2025-06-03T10:00:00', lines: ['CAKE'] },
    { id: 'd0', customer: 'd', at: '2025-05-01T10:00:00', lines: ['MUG-RED'] },
    { id: 'd1', customer: 'd', at: '2025-06-03T10:00:00', lines: ['CAKE'] },
    { id: 'e0', customer: 'e', at: '2025-05-01T10:00:00', lines: ['spoon'] },
    { id: 'e1', customer: 'e', at: '2025-06-03T10:00:00', lines: ['MUG-RED'] },
  ).db;
}

const evidence = (confidence: number, count: number): Recommendation['evidence'] => ({
  count,
  support: 0.01,
  confidence,
  lift: 2,
  share: null,
  medianDays: null,
  note: '',
});

function plan(strategy: 'completion' | 'evolution' = 'completion'): PlanDocument {
  const p = blankPlan('Mugs');
  p.strategy.id = strategy;
  p.moment = { id: 'post-purchase', startDate: '2025-06-04', settings: {}, trigger: '' };
  p.recommendations.items = [
    { ...approvedPick('MUG-BLUE', 'TEA'), evidence: evidence(0.2, 50) },
    { ...approvedPick('MUG-RED', 'SPOON'), evidence: evidence(0.4, 40) },
  ];
  return p;
}

const assigned = (db: Database, p: PlanDocument) =>
  Object.fromEntries(
    [...planRecipients(db, p, createMemo()).assignments].map(([id, a]) => [
      id,
      `${a.anchor?.label ?? '(fallback)'} → ${a.items.map((i) => i.recommended.id).join(', ')}`,
    ]),
  );

test('each customer gets the strongest recommendation that starts from what they just bought and they do not own', async () => {
  const db = await shop();
  expect(assigned(db, plan())).toEqual({
    // Owning a red mug is owning the blue mug's product: both recommendations match, the stronger first.
    a: 'Mug Red → SPOON, TEA',
    // b owns the tea already.
    b: 'Mug Blue → SPOON',
    // e owns "spoon", the same product as "SPOON" under a code in another case.
    e: 'Mug Red → TEA',
  });
  const recipients = planRecipients(db, plan(), createMemo());
  expect({ inMoment: recipients.inMoment, leftOut: recipients.leftOut, fallback: recipients.fallback }).toEqual({
    inMoment: 5,
    leftOut: 2,
    fallback: 0,
  });
});

test('the list order rule, the fallback product and an upgrade plan’s whole history change who gets what', async () => {
  const db = await shop();
  const listed = plan();
  listed.recommendations.matchRule = 'list-order';
  expect(assigned(db, listed).a).toBe('Mug Red → TEA, SPOON');

  const withFallback = plan();
  withFallback.recommendations.fallback = { id: 'TEA', label: 'Loose Tea' };
  expect(assigned(db, withFallback)).toMatchObject({ c: '(fallback) → TEA', d: '(fallback) → TEA' });
  expect(planRecipients(db, withFallback, createMemo())).toMatchObject({ fallback: 2, leftOut: 0 });

  // An upgrade plan looks at everything they bought before: d's earlier mug counts, c still matches nothing.
  const history = assigned(db, plan('evolution'));
  expect(history.d).toBe('Mug Red → SPOON, TEA');
  expect(history.c).toBeUndefined();
});

test('the preview is of a recipient: the message names their own purchase and says why they get it', async () => {
  const db = await shop();
  const p = plan();
  p.messages.email.subject = 'For your {anchor_product}: {recommended_product}';
  p.messages.previewCustomerId = 'b';
  const view = computePlanView(db, p, []);
  expect(view.preview!.drafts.email!.subject).toBe('For your Mug Blue: SPOON');
  expect(view.preview!.why).toBe(
    'Bought Mug Blue in order b1 on 2025-06-03: SPOON is the one approved recommendation that matches (40 % of orders with MUG-RED also held it).',
  );
  expect(view.recipients).toMatchObject({ count: 3, inMoment: 5, leftOut: 2, fallback: 0 });
  expect(view.recipients!.sample.map((r) => r.customerId)).toEqual(['a', 'b', 'e']);
  expect(view.recipients!.sample[0].why).toContain(
    'of the 2 approved recommendations that match, SPOON has the strongest evidence',
  );
  // Nobody is sent what they own: the schedule counts only the three recipients.
  expect(view.schedule).toMatchObject({ inMoment: 5, customers: 3, leftOut: 2 });
});
