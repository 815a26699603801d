import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { analyseBaselines, crossSellAcceptance } from '../../src/core/analysis/baselines';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { Fixture, type FixtureLine } from './analysis-fixture';

const line = (product: string, price: number): FixtureLine => ({ product, price });

/**
 * A (category X) is the anchor, B (Y) the follow-on. b1 buys B 10 days after A; b2 59 days after,
 * and returns it; b3 bought both at once; b4 had B before A; b5's A is too close to the end of
 * the data for a whole 30-day window; b6 never buys B.
 */
async function shop() {
  const fixture = await Fixture.create();
  return fixture
    .products({ id: 'A', category: 'X' }, { id: 'B', category: 'Y' })
    .orders(
      { id: 'b1-1', customer: 'b1', at: '2025-01-01T10:00:00', lines: [line('A', 10)] },
      { id: 'b1-2', customer: 'b1', at: '2025-01-11T10:00:00', lines: [line('B', 20)] },
      { id: 'b2-1', customer: 'b2', at: '2025-01-01T10:00:00', lines: [line('A', 10)] },
      { id: 'b2-2', customer: 'b2', at: '2025-03-01T10:00:00', lines: [line('B', 30)] },
      { id: 'b3-1', customer: 'b3', at: '2025-01-01T10:00:00', lines: [line('A', 10), line('B', 10)] },
      { id: 'b4-1', customer: 'b4', at: '2025-01-05T10:00:00', lines: [line('B', 10)] },
      { id: 'b4-2', customer: 'b4', at: '2025-01-10T10:00:00', lines: [line('A', 10)] },
      { id: 'b4-3', customer: 'b4', at: '2025-01-20T10:00:00', lines: [line('B', 10)] },
      { id: 'b5-1', customer: 'b5', at: '2025-03-20T10:00:00', lines: [line('A', 10)] },
      { id: 'b5-2', customer: 'b5', at: '2025-03-25T10:00:00', lines: [line('B', 10)] },
      { id: 'b6-1', customer: 'b6', at: '2025-01-01T10:00:00', lines: [line('A', 10)] },
    )
    .returnLine('b2-2', 'B').db;
}

test('cross-sell acceptance counts anchor buyers with a whole window who did not own the recommended product yet', async () => {
  const db = await shop();
  const result = crossSellAcceptance(
    db,
    [
      { anchor: 'A', recommended: 'B' },
      { anchor: 'B', recommended: 'A' },
    ],
    { windowDays: 30 },
  );
  expect(
    result.pairs.map((p) => [
      p.anchor.id,
      p.recommended.id,
      p.anchorCustomers,
      p.accepted,
      p.rate,
      p.sampleCustomerIds,
    ]),
  ).toEqual([
    ['A', 'B', 3, 1, 0.3333, ['b1']],
    ['B', 'A', 1, 1, 1, ['b4']],
  ]);
  expect(result.overall).toEqual({ anchorCustomers: 4, accepted: 2, rate: 0.5 });
  expect(result.pairs[0].explanation).toBe(
    'Of 3 customers who bought Product A (without already owning Product B), 1 (33 %) bought Product B within 30 days.',
  );
  // With a 60-day window b2 counts as accepted, and b5 is still too close to the end.
  expect(crossSellAcceptance(db, [{ anchor: 'A', recommended: 'B' }], { windowDays: 60 }).pairs[0]).toMatchObject({
    anchorCustomers: 3,
    accepted: 2,
  });
  db.close();
});

test('baselines: time to a secondary purchase, category expansion, follow-on order value and returns', async () => {
  const db = await shop();
  const result = analyseBaselines(db, { windowDays: 30, minCustomers: 1 });
  // The overall acceptance uses the strongest sequences: A→B (4 customers) and B→A (1).
  expect(result.acceptance.pairs.map((p) => `${p.anchor.id}>${p.recommended.id}`)).toEqual(['A>B', 'B>A']);
  expect(result.acceptance.overall.rate).toBe(0.5);
  expect(result.secondaryPurchase.days).toEqual({ count: 4, median: 7.5, q1: 5, q3: 22.3 });
  expect(result.categoryExpansion).toMatchObject({
    customers: 5,
    expanded: 3,
    rate: 0.6,
    sampleCustomerIds: ['b1', 'b3', 'b4'],
  });
  expect(result.crossSellAov).toMatchObject({
    anchorOrders: 6,
    anchorAov: 11.67,
    followOnOrders: 4,
    followOnAov: 17.5,
    ratio: 1.5,
  });
  expect(result.returnRate).toMatchObject({
    followOnItems: 4,
    followOnReturned: 1,
    followOnRate: 0.25,
    allItems: 12,
    allReturned: 1,
    allRate: 0.0833,
  });
  expect(result.returnRate.explanation).toBe(
    '25 % of products bought from a category new to the customer were returned, against 8 % of all products bought.',
  );
  db.close();
});

test('the skincare demo has a measurable baseline for its routine pairs', async () => {
  const db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
  const result = analyseBaselines(db);
  expect(result.acceptance.pairs).toHaveLength(10);
  expect(result.acceptance.overall.rate).toBeGreaterThan(0.1);
  expect(result.acceptance.overall.rate).toBeLessThan(0.9);
  expect(result.categoryExpansion.rate).toBeGreaterThan(0.3);
  expect(result.secondaryPurchase.days.median).toBeGreaterThan(0);
  db.close();
});
