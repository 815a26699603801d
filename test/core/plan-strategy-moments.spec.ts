import { expect, test } from '@playwright/test';
import { MOMENT_DEFAULTS } from '../../src/core/analysis/moments';
import { MOMENT_CATALOGUE, momentAudience, momentCounts } from '../../src/core/plan/moment-catalogue';
import { adviseStrategy, STRATEGIES } from '../../src/core/plan/strategy-advice';
import { blankPlan, MOMENT_IDS, STRATEGY_IDS } from '../../src/core/plan/plan-document';
import type { Readiness, ReadinessStatus } from '../../src/core/analysis/readiness-types';
import { Fixture } from './analysis-fixture';

function readiness(completion: ReadinessStatus, evolution: ReadinessStatus, ecosystem: ReadinessStatus): Readiness {
  const one = (strategy: (typeof STRATEGY_IDS)[number], status: ReadinessStatus) => ({
    strategy,
    title: STRATEGIES.find((s) => s.id === strategy)!.title,
    status,
    counts: [],
    needs: '',
    hint: status === 'ready' ? null : 'Import more.',
    importKind: null,
  });
  return { strategies: [one('completion', completion), one('evolution', evolution), one('ecosystem', ecosystem)] };
}

test('every strategy is explained, and the advice follows readiness and the strength of the evidence', () => {
  expect(STRATEGIES.map((s) => s.id)).toEqual([...STRATEGY_IDS]);
  for (const s of STRATEGIES)
    for (const text of [s.what, s.whenItFits, s.dataNeeded]) expect(text.length).toBeGreaterThan(40);

  // Readiness alone: the ready strategy wins; on a tie completion, which asks least of the data.
  expect(adviseStrategy(readiness('partly', 'not-ready', 'ready')).recommended).toBe('ecosystem');
  expect(adviseStrategy(readiness('ready', 'ready', 'ready')).recommended).toBe('completion');
  const none = adviseStrategy(readiness('not-ready', 'not-ready', 'not-ready'));
  expect(none.recommended).toBeNull();
  expect(none.reasons[0]).toMatch(/Import orders/);

  // With insights: weak pairs and many customers ready to move up make evolution the advice.
  const advice = adviseStrategy(readiness('ready', 'ready', 'ready'), {
    customers: 1_000,
    ruleCount: 4,
    strongestLift: 1.3,
    ladderCandidates: 300,
    partialFamilyOwners: 100,
  });
  expect(advice.recommended).toBe('evolution');
  expect(advice.reasons.join(' ')).toMatch(/300 customers below the top of a product ladder/);
  expect(advice.scores.map((s) => s.strategy)).toEqual(['evolution', 'ecosystem', 'completion']);
  // Strong pairs turn it back to completion.
  expect(
    adviseStrategy(readiness('ready', 'ready', 'ready'), {
      customers: 1_000,
      ruleCount: 40,
      strongestLift: 9,
      ladderCandidates: 100,
      partialFamilyOwners: 100,
    }).recommended,
  ).toBe('completion');
});

test('the moment catalogue covers every moment with its default window, named as the moment analysis names it', () => {
  expect(Object.keys(MOMENT_CATALOGUE).sort()).toEqual([...MOMENT_IDS].sort());
  const defaultOf = (moment: keyof typeof MOMENT_CATALOGUE, name: string) =>
    MOMENT_CATALOGUE[moment].settings.find((s) => s.name === name)?.default;
  expect(defaultOf('post-purchase', 'postPurchaseHours')).toBe(48);
  expect(defaultOf('browse', 'browseViews')).toBe(3);
  expect(defaultOf('cart-abandonment', 'cartAbandonmentHours')).toBe(4);
  expect(defaultOf('support-resolution', 'supportResolutionHours')).toBe(24);
  expect(defaultOf('usage-milestone', 'usageShare')).toBe(0.75);
  for (const moment of Object.values(MOMENT_CATALOGUE)) {
    expect(moment.strategies.length).toBeGreaterThan(0);
    for (const s of moment.settings) expect(Object.keys(MOMENT_DEFAULTS)).toContain(s.name);
  }
});

async function shop() {
  const fixture = await Fixture.create();
  fixture.db.run(
    "INSERT INTO customers(customer_id, first_name, email) VALUES ('m1', 'Maya', 'maya@example.org'), ('m3', 'Ravi', NULL)",
  );
  return fixture
    .products({ id: 'P1' })
    .orders(
      { id: 'o1', customer: 'm1', at: '2025-06-09T13:00:00', lines: ['P1'] },
      { id: 'o2', customer: 'm2', at: '2025-06-07T11:00:00', lines: ['P1'] },
      { id: 'o3', customer: 'm3', at: '2025-06-10T08:00:00', lines: ['P1'] },
    ).db;
}

test('the audience of the plan’s moment is taken as of its start date, with sample customers and 30 days of counts', async () => {
  const db = await shop();
  const plan = blankPlan('Audience');
  expect(momentAudience(db, plan)).toBeNull();
  plan.moment = { id: 'post-purchase', startDate: '2025-06-10', settings: {}, trigger: '' };
  const audience = momentAudience(db, plan)!;
  expect(audience).toMatchObject({
    asOf: '2025-06-10T00:00:00',
    count: 1,
    sample: [{ id: 'm1', firstName: 'Maya', email: 'maya@example.org' }],
  });
  expect(audience.daily).toHaveLength(30);
  expect(audience.daily.slice(0, 4)).toEqual([
    { date: '2025-06-10', count: 1 },
    { date: '2025-06-11', count: 2 },
    { date: '2025-06-12', count: 1 },
    { date: '2025-06-13', count: 0 },
  ]);

  // A changed window maps straight onto the moment's parameter.
  plan.moment.settings = { postPurchaseHours: 72 };
  expect(momentAudience(db, plan)!.sample).toEqual([
    { id: 'm1', firstName: 'Maya', email: 'maya@example.org' },
    { id: 'm2', firstName: null, email: null },
  ]);
  expect(momentCounts(db, plan)).toMatchObject({ 'post-purchase': 2, browse: 0, 'gift-order': 0 });
});
