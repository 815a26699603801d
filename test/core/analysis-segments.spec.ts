import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { analyseSegments, segmentCustomers } from '../../src/core/analysis/segments';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { Fixture, type FixtureOrder } from './analysis-fixture';

const AS_OF = '2025-07-01';

const order = (id: string, customer: string, date: string, product: string, price: number): FixtureOrder => ({
  id,
  customer,
  at: `${date}T10:00:00`,
  lines: [{ product, price }],
});

/** Five customers whose recency, frequency and spend each rank differently; s6 orders after the as-of date, s7 only cancelled. */
async function shop() {
  const fixture = await Fixture.create();
  return fixture
    .products({ id: 'A', category: 'X' }, { id: 'B', category: 'Y' }, { id: 'C', category: 'Z' })
    .orders(
      order('s1-1', 's1', '2025-06-30', 'A', 10),
      order('s2-1', 's2', '2025-06-01', 'A', 20),
      order('s2-2', 's2', '2025-06-20', 'B', 30),
      order('s3-1', 's3', '2025-03-01', 'A', 10),
      order('s3-2', 's3', '2025-04-01', 'A', 10),
      order('s3-3', 's3', '2025-05-01', 'A', 10),
      order('s4-1', 's4', '2025-01-10', 'A', 25),
      order('s4-2', 's4', '2025-01-20', 'B', 25),
      order('s4-3', 's4', '2025-02-10', 'C', 25),
      order('s4-4', 's4', '2025-03-01', 'A', 25),
      ...['2024-09-01', '2024-10-01', '2024-11-01', '2024-12-01', '2025-01-01'].map((d, i) =>
        order(`s5-${i}`, 's5', d, 'B', 4),
      ),
      order('s6-1', 's6', '2025-08-01', 'A', 10),
      { ...order('s7-1', 's7', '2025-05-01', 'A', 10), status: 'cancelled' },
    );
}

test('segments score recency, frequency and spend by quintile and count loyalty tiers and category breadth', async () => {
  const fixture = await shop();
  const db = fixture.db;
  const result = analyseSegments(db, { asOf: AS_OF });
  expect(result.customers).toBe(5);
  expect(result.recency.map((g) => [g.score, g.customers, g.min, g.max])).toEqual([
    [1, 1, 180, 180],
    [2, 1, 121, 121],
    [3, 1, 60, 60],
    [4, 1, 10, 10],
    [5, 1, 0, 0],
  ]);
  expect(result.monetary.map((g) => g.min)).toEqual([10, 20, 30, 50, 100]);
  expect(result.rfmCells.map((c) => [c.key, c.sampleCustomerIds])).toEqual([
    ['152', ['s5']],
    ['245', ['s4']],
    ['333', ['s3']],
    ['424', ['s2']],
    ['511', ['s1']],
  ]);
  // No tiers imported: the top 10 % by spend are gold, the next 20 % silver.
  expect(result.loyalty.source).toBe('derived-from-spend');
  expect(result.loyalty.tiers.map((t) => [t.key, t.sampleCustomerIds])).toEqual([
    ['bronze', ['s1', 's3', 's5']],
    ['gold', ['s4']],
    ['silver', ['s2']],
  ]);
  expect(result.breadth.map((b) => [b.key, b.customers])).toEqual([
    ['1', 3],
    ['2', 1],
    ['3', 1],
  ]);
  expect(segmentCustomers(db, { frequency: 4 }, { asOf: AS_OF }).items).toEqual([
    {
      customerId: 's4',
      recencyDays: 121,
      orders: 4,
      spend: 100,
      recency: 2,
      frequency: 4,
      monetary: 5,
      loyaltyTier: 'gold',
      categories: 3,
    },
  ]);

  fixture.customers({ id: 's1', loyaltyTier: 'gold' }, { id: 's2' });
  const imported = analyseSegments(db, { asOf: AS_OF }).loyalty;
  expect(imported.source).toBe('imported');
  expect(imported.tiers.map((t) => [t.key, t.customers])).toEqual([
    ['none', 4],
    ['gold', 1],
  ]);
  db.close();
});

test('customers with equal values share a score', async () => {
  const fixture = await Fixture.create();
  const db = fixture
    .products({ id: 'A', category: 'X' })
    .orders(
      ...['a', 'b', 'c', 'd'].map((c) => order(`${c}-1`, c, '2025-06-01', 'A', 10)),
      order('e-1', 'e', '2025-06-01', 'A', 10),
      order('e-2', 'e', '2025-06-02', 'A', 10),
    ).db;
  const result = analyseSegments(db, { asOf: AS_OF });
  // Four of five customers ordered once: all four score 1; the fifth has four below it, so 1 + ⌊5 × 4/5⌋ = 5.
  expect(result.frequency.map((g) => g.customers)).toEqual([4, 0, 0, 0, 1]);
  db.close();
});

test('the running demo uses its imported loyalty tiers and spreads customers over every score', async () => {
  const db = generateDemoWorkspace(await loadSqlJs(), 'running');
  const result = analyseSegments(db);
  expect(result.loyalty.source).toBe('imported');
  expect(result.loyalty.tiers.map((t) => t.key).sort()).toEqual(['bronze', 'gold', 'silver']);
  for (const dimension of [result.recency, result.frequency, result.monetary]) {
    expect(dimension.every((g) => g.customers > 0)).toBe(true);
    expect(dimension.reduce((sum, g) => sum + g.customers, 0)).toBe(result.customers);
  }
  expect(result.rfmCells.reduce((sum, c) => sum + c.customers, 0)).toBe(result.customers);
  db.close();
});
