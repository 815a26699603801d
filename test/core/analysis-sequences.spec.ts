import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { analyseSequences, sequenceCustomers, timeToSecondPurchase } from '../../src/core/analysis/sequences';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { Fixture } from './analysis-fixture';

/**
 * c1 buys A, then B 10 days later, then B and C 20 days after A. c2 buys A with B, then B again.
 * c3 buys A, then C two days later. c4 orders once. c5 buys B, then A. c6's second order was
 * cancelled and its third holds only gift wrapping, so c6 has one order that counts.
 */
async function shop() {
  const fixture = await Fixture.create();
  return fixture
    .products(
      { id: 'A', category: 'X' },
      { id: 'B', category: 'Y' },
      { id: 'C', category: 'Y' },
      { id: 'WRAP', category: 'Service', isProduct: false },
    )
    .orders(
      { id: 'o1', customer: 'c1', at: '2025-01-01T10:00:00', lines: ['A'] },
      { id: 'o2', customer: 'c1', at: '2025-01-11T10:00:00', lines: ['B'] },
      { id: 'o3', customer: 'c1', at: '2025-01-21T10:00:00', lines: ['B', 'C'] },
      { id: 'o4', customer: 'c2', at: '2025-01-01T10:00:00', lines: ['A', 'B'] },
      { id: 'o5', customer: 'c2', at: '2025-01-31T10:00:00', lines: ['B'] },
      { id: 'o6', customer: 'c3', at: '2025-02-01T10:00:00', lines: ['A'] },
      { id: 'o7', customer: 'c3', at: '2025-02-03T10:00:00', lines: ['C'] },
      { id: 'o8', customer: 'c4', at: '2025-03-01T10:00:00', lines: ['A'] },
      { id: 'o9', customer: 'c5', at: '2025-01-01T10:00:00', lines: ['B'] },
      { id: 'o10', customer: 'c5', at: '2025-01-05T10:00:00', lines: ['A'] },
      { id: 'o11', customer: 'c6', at: '2025-01-01T10:00:00', lines: ['A'] },
      { id: 'o12', customer: 'c6', at: '2025-01-06T10:00:00', lines: ['B'], status: 'cancelled' },
      { id: 'o13', customer: 'c6', at: '2025-01-08T10:00:00', lines: ['WRAP'] },
    ).db;
}

test('product sequences count each customer once per pair, with shares over A-buyers who ordered again', async () => {
  const db = await shop();
  const result = analyseSequences(db, { minCustomers: 1 });
  expect(result.repeatCustomers).toBe(4);
  expect(result.rows.map((r) => [r.from.id, r.to.id, r.customers, r.fromCustomers, r.share])).toEqual([
    ['A', 'B', 2, 3, 0.6667],
    ['A', 'C', 2, 3, 0.6667],
    ['B', 'A', 1, 3, 0.3333],
    ['B', 'C', 1, 3, 0.3333],
  ]);
  const [ab, ac] = result.rows;
  // A→B: c1 after 10 days, c2 after 30 (B in the same order as A does not count).
  expect(ab.days).toEqual({ count: 2, median: 20, q1: 15, q3: 25 });
  expect(ab.sampleCustomerIds).toEqual(['c1', 'c2']);
  expect(ab.explanation).toBe(
    'Of the 3 customers who bought Product A and ordered again afterwards, 2 (67 %) later bought Product B; half of them did so within 20 days of first buying Product A.',
  );
  expect(ac.days).toEqual({ count: 2, median: 11, q1: 6.5, q3: 15.5 });

  expect(analyseSequences(db, { minCustomers: 2 }).rows.map((r) => `${r.from.id}>${r.to.id}`)).toEqual(['A>B', 'A>C']);
  expect(analyseSequences(db).rows).toEqual([]);
  expect(analyseSequences(db, { minCustomers: 1, limit: 1 }).rows).toHaveLength(1);
  // Before c1's third order, only c3 bought C after A.
  expect(
    analyseSequences(db, { minCustomers: 1, asOf: '2025-01-20' }).rows.find((r) => r.to.id === 'C'),
  ).toBeUndefined();
  expect(sequenceCustomers(db, { from: 'A', to: 'B' })).toEqual({
    total: 2,
    offset: 0,
    items: [
      { customerId: 'c1', days: 10 },
      { customerId: 'c2', days: 30 },
    ],
  });
  db.close();
});

test('category sequences compare the categories of earlier and later orders', async () => {
  const db = await shop();
  const result = analyseSequences(db, { level: 'category', minCustomers: 1 });
  expect(result.rows.map((r) => [r.from.id, r.to.id, r.customers, r.fromCustomers, r.share])).toEqual([
    ['X', 'Y', 3, 3, 1],
    ['Y', 'X', 1, 3, 0.3333],
  ]);
  expect(result.rows[0].days).toEqual({ count: 3, median: 10, q1: 6, q3: 20 });
  db.close();
});

test('time to second purchase: spread, chart buckets and a group per category of the first order', async () => {
  const db = await shop();
  const result = timeToSecondPurchase(db);
  expect(result.overall).toMatchObject({
    customers: 6,
    repeatCustomers: 4,
    repeatShare: 0.6667,
    days: { count: 4, median: 7, q1: 3.5, q3: 15 },
  });
  expect(result.overall.buckets.slice(0, 4).map((b) => [b.label, b.count])).toEqual([
    ['0–7 days', 2],
    ['7–14 days', 1],
    ['14–30 days', 0],
    ['30–60 days', 1],
  ]);
  expect(result.overall.buckets.at(-1)).toMatchObject({ label: '365+ days', to: null, count: 0 });
  expect(result.byFirstCategory.map((g) => [g.category, g.customers, g.repeatCustomers, g.days.median])).toEqual([
    ['X', 5, 3, 10],
    ['Y', 2, 2, 17],
  ]);
  db.close();
});

test('the skincare demo shows its routine: cleanser is followed by toner, serum by moisturiser', async () => {
  const db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
  const categories = analyseSequences(db, { level: 'category' });
  const row = (from: string, to: string) => categories.rows.find((r) => r.from.id === from && r.to.id === to);
  const cleanserToner = row('Cleanser', 'Toner')!;
  const tonerCleanser = row('Toner', 'Cleanser');
  expect(cleanserToner.customers).toBeGreaterThan(50);
  // The routine runs one way: toner buyers rarely start a cleanser later.
  expect(cleanserToner.share).toBeGreaterThan(tonerCleanser?.share ?? 0);
  expect(row('Serum', 'Moisturiser')!.share).toBeGreaterThan(row('Moisturiser', 'Serum')?.share ?? 0);
  const products = analyseSequences(db, { minCustomers: 20 });
  expect(products.rows.length).toBeGreaterThan(0);
  expect(products.rows.every((r) => r.customers >= 20 && r.share > 0 && r.share <= 1)).toBe(true);
  const second = timeToSecondPurchase(db);
  expect(second.overall.repeatCustomers).toBeGreaterThan(100);
  expect(second.overall.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(second.overall.repeatCustomers);
  db.close();
});
