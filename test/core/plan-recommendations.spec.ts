import { expect, test } from '@playwright/test';
import {
  approvedRecommendations,
  excludeOwned,
  proposeRecommendations,
  reviewState,
  withProposals,
} from '../../src/core/plan/recommendations';
import { swapDirection } from '../../src/core/plan/pair-proposals';
import { blankPlan, type StrategyId } from '../../src/core/plan/plan-document';
import { Fixture, type FixtureOrder } from './analysis-fixture';

const planFor = (strategy: StrategyId) => {
  const plan = blankPlan('Recommendations');
  plan.strategy.id = strategy;
  plan.moment = { id: 'post-purchase', startDate: '2025-09-01', settings: {}, trigger: '' };
  return plan;
};

const day = (n: number) => `2025-0${1 + Math.floor(n / 28)}-${String(1 + (n % 28)).padStart(2, '0')}T10:00:00`;

test('completion proposes pairs bought together with their evidence, flagging thin evidence, stock and ownership', async () => {
  const fixture = await Fixture.create();
  fixture.products({ id: 'A' }, { id: 'B' }, { id: 'C' });
  fixture.db.run("UPDATE products SET in_stock = 0 WHERE product_id = 'B'");
  const orders: FixtureOrder[] = [
    ...Array.from({ length: 10 }, (_, i) => ({ id: `ab${i}`, customer: `c${i}`, at: day(i), lines: ['A', 'B'] })),
    ...Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, customer: `d${i}`, at: day(i), lines: ['C'] })),
    { id: 'a1', customer: 'e1', at: day(20), lines: ['A'] },
    { id: 'a2', customer: 'e2', at: day(21), lines: ['A'] },
  ];
  const db = fixture.orders(...orders).db;

  const proposals = proposeRecommendations(db, planFor('completion'), { customerId: 'c0' });
  // 22 baskets: A in 12, B in 10, both in 10. The pair shows once, read its stronger way round:
  // every order with B held A (10 of 10), where 10 of the 12 with A held B. Lift is the same both ways.
  expect(proposals.filter((p) => p.source === 'pair')).toHaveLength(1);
  const ba = proposals.find((p) => p.source === 'pair')!;
  expect(ba).toMatchObject({
    id: 'pair:B>A',
    anchor: { id: 'B' },
    recommended: { id: 'A', label: 'Product A' },
    decision: 'proposed',
    pinned: false,
  });
  expect(ba.evidence).toMatchObject({
    count: 10,
    support: expect.closeTo(10 / 22, 6),
    confidence: 1,
    lift: expect.closeTo(22 / 12, 6),
    reverse: { count: 10, confidence: expect.closeTo(10 / 12, 6), flags: ['low-evidence', 'out-of-stock', 'owned'] },
  });
  expect(ba.flags).toEqual(['low-evidence', 'owned']);

  // Turned round, A → B carries its own measures and warnings, and B → A's as the other way.
  const ab = swapDirection(ba);
  expect(ab).toMatchObject({ id: 'pair:A>B', anchor: { id: 'A' }, recommended: { label: 'Product B' } });
  expect(ab.evidence).toMatchObject({
    count: 10,
    support: expect.closeTo(10 / 22, 6),
    confidence: expect.closeTo(10 / 12, 6),
    lift: expect.closeTo(22 / 12, 6),
    reverse: { count: 10, confidence: 1, flags: ['low-evidence', 'owned'] },
  });
  expect(ab.evidence!.note).toMatch(/83 % of the orders with Product A also held Product B/);
  expect(ab.flags).toEqual(['low-evidence', 'out-of-stock', 'owned']);
  expect(swapDirection(ab)).toEqual(ba);
  expect(proposals.find((p) => p.recommended.id === 'C' || p.anchor?.id === 'C')).toBeUndefined();
  expect(
    swapDirection(proposeRecommendations(db, planFor('completion'), { customerId: 'e1' }).find((p) => p.id === ba.id)!)
      .flags,
  ).toEqual(['low-evidence', 'out-of-stock']);

  expect(excludeOwned(db, 'c0', [ab]).map((p) => p.recommended.id)).not.toContain('B');
  expect(excludeOwned(db, 'e1', [ab]).map((p) => p.recommended.id)).toContain('B');
  expect(proposeRecommendations(db, blankPlan('No strategy'))).toEqual([]);
});

test('colours of one product make one proposal, two colours of one product are never paired, and a pair also bought in sequence shows once', async () => {
  const fixture = await Fixture.create();
  fixture.products({ id: 'MR' }, { id: 'mb' }, { id: 'S' }, { id: 'T' });
  for (const [id, name] of [
    ['MR', 'Mug Red'],
    ['mb', 'Mug Blue'],
    ['S', 'Saucer'],
    ['T', 'Teapot'],
  ])
    fixture.db.run('UPDATE products SET name = ? WHERE product_id = ?', [name, id]);
  const orders: FixtureOrder[] = [
    ...Array.from({ length: 12 }, (_, i) => ({ id: `rs${i}`, customer: `r${i}`, at: day(i), lines: ['MR', 'S'] })),
    ...Array.from({ length: 8 }, (_, i) => ({ id: `bs${i}`, customer: `b${i}`, at: day(i), lines: ['mb', 'S'] })),
    ...Array.from({ length: 6 }, (_, i) => ({ id: `rb${i}`, customer: `m${i}`, at: day(i), lines: ['MR', 'mb'] })),
    // Five customers buy the teapot and come back for the saucer; five more buy both at once.
    ...Array.from({ length: 5 }, (_, i) => ({ id: `t${i}`, customer: `t${i}`, at: day(i), lines: ['T'] })),
    ...Array.from({ length: 5 }, (_, i) => ({ id: `ts${i}`, customer: `t${i}`, at: day(i + 10), lines: ['S'] })),
    ...Array.from({ length: 5 }, (_, i) => ({ id: `u${i}`, customer: `u${i}`, at: day(i), lines: ['T', 'S'] })),
  ];
  const db = fixture.orders(...orders).db;

  const proposals = proposeRecommendations(db, planFor('completion'));
  // 41 baskets. The red mug is in 18, the blue one in 14, the saucer in 30: red → saucer (12 of 18)
  // stands for blue → saucer (8 of 14), and the 6 orders of both mugs propose nothing. The teapot's
  // buyers who came back all bought the saucer 10 days later: the pair carries it, no second proposal.
  expect(proposals.map((p) => `${p.source}:${p.anchor!.label} → ${p.recommended.label}`)).toEqual([
    'pair:Mug Red → Saucer',
    'pair:Teapot → Saucer',
  ]);
  const [mug, teapot] = proposals;
  expect(mug.variants).toEqual({ anchor: [{ id: 'mb', label: 'Mug Blue' }], recommended: [] });
  expect(mug.evidence).toMatchObject({ count: 12, confidence: 12 / 18, reverse: { count: 12, confidence: 12 / 30 } });
  expect(teapot.variants).toBeUndefined();
  expect(teapot.evidence).toMatchObject({
    count: 5,
    confidence: 5 / 10,
    share: 1,
    medianDays: 10,
    reverse: { count: 5, confidence: 5 / 30, share: null },
  });
});

test('evolution proposes the next tier up in the family, with how often buyers stepped up', async () => {
  const fixture = await Fixture.create();
  fixture.products(
    { id: 'S1', category: 'Shoes', family: 'Road', tier: 1 },
    { id: 'S2', category: 'Shoes', family: 'Road', tier: 2 },
    { id: 'T2', category: 'Shoes', family: 'Trail', tier: 2 },
    { id: 'S3', category: 'Shoes', family: 'Road', tier: 3 },
  );
  const db = fixture.orders(
    { id: 'u1a', customer: 'u1', at: '2025-01-01T10:00:00', lines: ['S1'] },
    { id: 'u1b', customer: 'u1', at: '2025-03-01T10:00:00', lines: ['S2'] },
    { id: 'u2a', customer: 'u2', at: '2025-01-05T10:00:00', lines: ['S1'] },
    { id: 'u2b', customer: 'u2', at: '2025-02-05T10:00:00', lines: ['T2'] },
    { id: 'u3a', customer: 'u3', at: '2025-01-07T10:00:00', lines: ['S1'] },
    { id: 'u3b', customer: 'u3', at: '2025-04-07T10:00:00', lines: ['S1'] },
    { id: 'u4', customer: 'u4', at: '2025-10-01T10:00:00', lines: ['S2'] },
  ).db;
  const proposals = proposeRecommendations(db, planFor('evolution'));
  // S1 steps up within its family only; the trail shoe has no tier 3 of its own, so any tier 3 of the category.
  expect(proposals.map((p) => `${p.anchor!.id}>${p.recommended.id}`)).toEqual(['S1>S2', 'S2>S3', 'T2>S3']);
  // Of the three S1 buyers who came back, u1 stepped up to S2, 59 days later. u4's order falls after the start date.
  expect(proposals[0]).toMatchObject({ source: 'ladder', flags: ['low-evidence'] });
  expect(proposals[0].evidence).toMatchObject({ count: 1, share: expect.closeTo(1 / 3, 3), medianDays: 59 });
  expect(proposals[1].evidence!.count).toBe(0);
});

test('ecosystem proposes the members owners of part of a family added next', async () => {
  const fixture = await Fixture.create();
  fixture.products({ id: 'H1', family: 'Home' }, { id: 'H2', family: 'Home' }, { id: 'H3', family: 'Home' });
  const orders: FixtureOrder[] = [];
  for (let i = 0; i < 6; i++) {
    orders.push({ id: `h1-${i}`, customer: `o${i}`, at: `2025-01-0${i + 1}T10:00:00`, lines: ['H1'] });
    if (i < 5) orders.push({ id: `h2-${i}`, customer: `o${i}`, at: `2025-02-0${i + 1}T10:00:00`, lines: ['H2'] });
    if (i < 3) orders.push({ id: `h3-${i}`, customer: `o${i}`, at: `2025-03-0${i + 1}T10:00:00`, lines: ['H3'] });
  }
  const db = fixture.orders(...orders).db;
  const proposals = proposeRecommendations(db, planFor('ecosystem'));
  expect(proposals.map((p) => `${p.anchor!.id}>${p.recommended.id}`)).toEqual(['H1+H2>H3', 'H1>H2']);
  expect(proposals[0]).toMatchObject({ source: 'family', anchor: { label: 'Product H1 + Product H2' } });
  expect(proposals[0].evidence).toMatchObject({ count: 3, share: 0.6 });
  expect(proposals[0].evidence!.note).toMatch(/^2 customers own exactly Product H1 \+ Product H2 from the Home family/);
  expect(proposals[1].evidence).toMatchObject({ count: 5, share: expect.closeTo(5 / 6, 3) });
});

test('nothing reaches a message unreviewed: the review state lists what is still open', () => {
  const plan = planFor('completion');
  expect(reviewState(plan)).toMatchObject({ total: 0, complete: false });
  const make = (
    id: string,
    decision: 'proposed' | 'approved' | 'rejected',
    pinned = false,
    flags: 'low-evidence'[] = [],
  ) => ({
    id,
    anchor: null,
    recommended: { id, label: id },
    source: 'manual' as const,
    evidence: null,
    decision,
    pinned,
    flags,
  });
  plan.recommendations.items = [
    make('a', 'approved'),
    make('b', 'proposed'),
    make('c', 'rejected'),
    make('d', 'approved', true, ['low-evidence']),
  ];
  const state = reviewState(plan);
  expect(state).toMatchObject({
    total: 4,
    proposed: 1,
    approved: 2,
    rejected: 1,
    pinned: 1,
    unreviewedIds: ['b'],
    flaggedApprovedIds: ['d'],
    complete: false,
  });
  expect(state.message).toMatch(/1 of 4 recommendations still wait/);
  expect(approvedRecommendations(plan).map((i) => i.id)).toEqual(['d', 'a']);
  plan.recommendations.items[1].decision = 'rejected';
  expect(reviewState(plan).complete).toBe(true);

  // New proposals join without touching decisions already made.
  const merged = withProposals(plan, [make('a', 'proposed'), make('e', 'proposed')]);
  expect(merged.map((i) => `${i.id}:${i.decision}`)).toEqual([
    'a:approved',
    'b:rejected',
    'c:rejected',
    'd:approved',
    'e:proposed',
  ]);
});
