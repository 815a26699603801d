import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { analyseLadders, ladderCandidates } from '../../src/core/analysis/ladders';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { Fixture } from './analysis-fixture';

const AS_OF = '2025-07-01';

/**
 * Shoes climb three tiers; hats have one tier, so they are no ladder. As of 1 July (recent window
 * from 2 April, the one before from 2 January): a's shoe usage rose and reached 77 % of its
 * limit; b ordered twice recently against once before; c logged a milestone; d is at the top;
 * e shows nothing; f's tier-2 shoe came after the as-of date.
 */
async function shop() {
  const fixture = await Fixture.create();
  return fixture
    .products(
      { id: 'S1', category: 'Shoes', tier: 1 },
      { id: 'S2', category: 'Shoes', tier: 2 },
      { id: 'S3', category: 'Shoes', tier: 3 },
      { id: 'H', category: 'Hats', tier: 1 },
    )
    .orders(
      { id: 'o1', customer: 'a', at: '2025-01-10T10:00:00', lines: ['S1'] },
      { id: 'o2', customer: 'b', at: '2025-01-05T10:00:00', lines: ['S1'] },
      { id: 'o3', customer: 'b', at: '2025-05-01T10:00:00', lines: ['H'] },
      { id: 'o4', customer: 'b', at: '2025-06-01T10:00:00', lines: ['H'] },
      { id: 'o5', customer: 'c', at: '2025-02-01T10:00:00', lines: ['S2'] },
      { id: 'o6', customer: 'd', at: '2025-02-01T10:00:00', lines: ['S1', 'S3'] },
      { id: 'o7', customer: 'e', at: '2025-03-01T10:00:00', lines: ['S1'] },
      { id: 'o8', customer: 'f', at: '2025-01-01T10:00:00', lines: ['S1'] },
      { id: 'o9', customer: 'f', at: '2025-08-01T10:00:00', lines: ['S2'] },
    )
    .events(
      { customer: 'a', at: '2025-02-01T08:00:00', type: 'usage', product: 'S1', value: 100, limit: 600 },
      { customer: 'a', at: '2025-03-01T08:00:00', type: 'usage', product: 'S1', value: 200, limit: 600 },
      { customer: 'a', at: '2025-05-01T08:00:00', type: 'usage', product: 'S1', value: 300, limit: 600 },
      { customer: 'a', at: '2025-06-01T08:00:00', type: 'usage', product: 'S1', value: 460, limit: 600 },
      { customer: 'c', at: '2025-06-15T08:00:00', type: 'milestone', value: 21.1 },
      { customer: 'e', at: '2025-06-20T08:00:00', type: 'browse_view', product: 'S2' },
    ).db;
}

test('a ladder counts customers per highest tier and names the signals of each candidate for the next tier', async () => {
  const db = await shop();
  const result = analyseLadders(db, { asOf: AS_OF });
  expect(result.parameters).toMatchObject({ asOf: '2025-07-01T00:00:00', recentDays: 90, usageLimitShare: 0.75 });
  expect(result.ladders.map((l) => l.category)).toEqual(['Shoes']);
  const [shoes] = result.ladders;
  expect(shoes.tiers.map((t) => [t.tier, t.products.map((p) => p.id), t.customers, t.candidates])).toEqual([
    [1, ['S1'], 4, 2],
    [2, ['S2'], 1, 1],
    [3, ['S3'], 1, 0],
  ]);
  expect(shoes.candidateCount).toBe(3);
  expect(shoes.candidates.map((c) => [c.customerId, c.currentTier, c.nextTier, c.signals])).toEqual([
    ['a', 1, 2, ['usage-growth', 'usage-near-limit']],
    ['b', 1, 2, ['orders-rising']],
    ['c', 2, 3, ['milestone']],
  ]);
  expect(shoes.candidates[0].reasons).toEqual([
    'Usage averaged 380 over the last 90 days, up from 150 the 90 days before.',
    'Latest usage 460 is 77 % of the limit of 600.',
  ]);
  expect(shoes.candidates[1].reasons).toEqual(['2 orders in the last 90 days, against 1 in the 90 days before.']);

  expect(analyseLadders(db, { asOf: AS_OF, minSignals: 2 }).ladders[0].candidates.map((c) => c.customerId)).toEqual([
    'a',
  ]);
  // With a higher bar for "near the limit", a keeps only the growth signal.
  expect(analyseLadders(db, { asOf: AS_OF, usageLimitShare: 0.8 }).ladders[0].candidates[0].signals).toEqual([
    'usage-growth',
  ]);
  // After f's second order, f is at tier 2.
  expect(analyseLadders(db, { asOf: '2025-09-01' }).ladders[0].tiers[1].customers).toBe(2);
  expect(ladderCandidates(db, 'Shoes', { asOf: AS_OF }, { offset: 1, limit: 1 })).toMatchObject({
    total: 3,
    offset: 1,
    items: [{ customerId: 'b' }],
  });
  db.close();
});

test('the running demo shows its tiers, with runners near the end of a shoe’s life as candidates for the next one', async () => {
  const db = generateDemoWorkspace(await loadSqlJs(), 'running');
  const result = analyseLadders(db);
  expect(result.ladders.map((l) => l.category)).toEqual(['Hydration', 'Shoes', 'Watches']);
  const shoes = result.ladders.find((l) => l.category === 'Shoes')!;
  expect(shoes.tiers.map((t) => t.tier)).toEqual([1, 2, 3]);
  expect(shoes.tiers.every((t) => t.customers > 100)).toBe(true);
  // The top tier has nowhere further to go, so it holds no candidates.
  expect(shoes.tiers[2].candidates).toBe(0);
  expect(shoes.tiers[0].candidates).toBeGreaterThan(50);
  const signals = new Set(shoes.candidates.flatMap((c) => c.signals));
  expect([...signals].sort()).toEqual(['milestone', 'orders-rising', 'usage-growth', 'usage-near-limit']);
  expect(shoes.candidates.every((c) => c.nextTier === c.currentTier + 1 && c.reasons.length === c.signals.length)).toBe(
    true,
  );
  db.close();
});
