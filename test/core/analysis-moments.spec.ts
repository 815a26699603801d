import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { analyseMoments, momentCustomers, momentDailyCounts, type MomentId } from '../../src/core/analysis/moments';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { Fixture } from './analysis-fixture';

const AS_OF = '2025-06-10T12:00:00';
const SEASONS = [
  { name: 'Spring', start: '03-01', categories: ['L'] },
  { name: 'Summer', start: '06-01' },
  { name: 'Autumn', start: '09-01' },
  { name: 'Winter', start: '12-01' },
];

/** Customers m1…m23, each placed just inside or just outside one moment's window as of 10 June, noon. */
async function shop() {
  const fixture = await Fixture.create();
  return fixture
    .products(
      { id: 'P1', category: 'K' },
      { id: 'P2', category: 'K' },
      { id: 'Q1', category: 'L', launchedAt: '2025-06-01' },
      { id: 'Q2', category: 'L' },
      { id: 'Q3', category: 'L', launchedAt: '2025-07-01' },
    )
    .orders(
      { id: 'o1', customer: 'm1', at: '2025-06-09T13:00:00', lines: ['P1'] },
      { id: 'o2', customer: 'm2', at: '2025-06-08T11:00:00', lines: ['P1'] },
      { id: 'o3', customer: 'm3', at: '2025-06-10T08:00:00', lines: ['P1'], status: 'cancelled' },
      { id: 'o6', customer: 'm6', at: '2025-06-07T09:00:00', lines: ['P1'] },
      { id: 'o10', customer: 'm10', at: '2025-06-10T10:20:00', lines: ['P2'] },
      { id: 'o19', customer: 'm19', at: '2025-03-01T10:00:00', lines: ['Q2'] },
      { id: 'o20a', customer: 'm20', at: '2025-04-15T10:00:00', lines: ['Q2'] },
      { id: 'o20b', customer: 'm20', at: '2025-06-02T10:00:00', lines: ['Q1'] },
      { id: 'o22', customer: 'm22', at: '2025-06-01T10:00:00', lines: ['P1'], gift: true },
      { id: 'o23', customer: 'm23', at: '2025-04-01T10:00:00', lines: ['P1'], gift: true },
    )
    .events(
      ...['2025-06-05', '2025-06-06', '2025-06-07'].map((d) => ({
        customer: 'm4',
        at: `${d}T20:00:00`,
        type: 'browse_view',
        product: 'P1',
      })),
      ...['P1', 'P2', 'P1'].map((product, i) => ({
        customer: 'm5',
        at: `2025-06-0${5 + i}T20:00:00`,
        type: 'browse_view',
        product,
      })),
      ...['2025-06-04', '2025-06-05', '2025-06-06'].map((d) => ({
        customer: 'm6',
        at: `${d}T20:00:00`,
        type: 'browse_view',
        product: 'P1',
      })),
      ...['2025-06-05', '2025-06-06'].map((d) => ({
        customer: 'm7',
        at: `${d}T20:00:00`,
        type: 'browse_view',
        product: 'P1',
      })),
      ...['2025-06-01', '2025-06-05', '2025-06-06'].map((d) => ({
        customer: 'm8',
        at: `${d}T20:00:00`,
        type: 'browse_view',
        product: 'P1',
      })),
      { customer: 'm9', at: '2025-06-10T09:00:00', type: 'cart_abandoned', product: 'P1' },
      { customer: 'm10', at: '2025-06-10T10:00:00', type: 'cart_add', product: 'P2' },
      { customer: 'm11', at: '2025-06-10T07:00:00', type: 'cart_abandoned', product: 'P1' },
      { customer: 'm12', at: '2025-06-09T14:00:00', type: 'support_resolved' },
      { customer: 'm13', at: '2025-06-09T10:00:00', type: 'support_resolved' },
      { customer: 'm14', at: '2025-06-05T10:00:00', type: 'loyalty_tier_reached', value: 300 },
      { customer: 'm15', at: '2025-05-30T10:00:00', type: 'loyalty_tier_reached', value: 300 },
      { customer: 'm16', at: '2025-06-01T10:00:00', type: 'usage', product: 'P1', value: 80, limit: 100 },
      { customer: 'm17', at: '2025-06-01T10:00:00', type: 'usage', product: 'P1', value: 80, limit: 100 },
      { customer: 'm17', at: '2025-06-05T10:00:00', type: 'usage', product: 'P1', value: 10, limit: 100 },
      { customer: 'm18', at: '2025-06-05T10:00:00', type: 'usage', product: 'P1', value: 70, limit: 100 },
    ).db;
}

test('each moment finds the customers inside its window as of the chosen instant', async () => {
  const db = await shop();
  const result = analyseMoments(db, { asOf: AS_OF, seasons: SEASONS });
  expect(result.asOf).toBe(AS_OF);
  const audiences = Object.fromEntries(result.moments.map((m) => [m.moment, m.sampleCustomerIds]));
  expect(audiences).toEqual({
    'post-purchase': ['m1', 'm10'],
    browse: ['m4', 'm5'],
    'cart-abandonment': ['m9'],
    'support-resolution': ['m12'],
    'loyalty-milestone': ['m14'],
    'usage-milestone': ['m16'],
    launch: ['m19'],
    'gift-order': ['m22'],
    'seasonal-transition': ['m19', 'm20'],
  });
  const moment = (id: MomentId) => result.moments.find((m) => m.moment === id)!;
  expect(moment('post-purchase')).toMatchObject({
    count: 2,
    parameters: { windowHours: 48 },
    explanation: '2 customers who placed an order in the last 48 hours.',
  });
  expect(moment('browse').parameters).toEqual({ minViews: 3, windowDays: 7 });
  expect(moment('usage-milestone').parameters).toEqual({ minShareOfLimit: 0.75, windowDays: 30 });
  expect(moment('launch').parameters).toEqual({ windowDays: 30, launchedProducts: ['Q1'] });
  expect(moment('seasonal-transition').parameters).toMatchObject({
    season: 'Summer',
    previousSeason: 'Spring',
    categories: ['L'],
  });

  // Wider windows and lower thresholds take in the customers just outside.
  const wider = analyseMoments(db, {
    asOf: AS_OF,
    postPurchaseHours: 50,
    browseViews: 2,
    cartAbandonmentHours: 6,
    usageShare: 0.7,
    seasons: SEASONS,
  });
  const widerAudiences = Object.fromEntries(wider.moments.map((m) => [m.moment, m.sampleCustomerIds]));
  expect(widerAudiences['post-purchase']).toEqual(['m1', 'm10', 'm2']);
  expect(widerAudiences.browse).toEqual(['m4', 'm5', 'm7', 'm8']);
  expect(widerAudiences['cart-abandonment']).toEqual(['m11', 'm9']);
  expect(widerAudiences['usage-milestone']).toEqual(['m16', 'm18']);

  // Six weeks into summer, the change of season is over.
  const later = analyseMoments(db, { asOf: '2025-07-15', seasons: SEASONS }).moments.find(
    (m) => m.moment === 'seasonal-transition',
  )!;
  expect(later.count).toBe(0);
  expect(momentCustomers(db, 'browse', { asOf: AS_OF }, { limit: 1 })).toEqual({ total: 2, offset: 0, items: ['m4'] });
  expect(momentDailyCounts(db, 'post-purchase', '2025-06-08T12:00:00', 3)).toEqual([
    { date: '2025-06-08', count: 2 },
    { date: '2025-06-09', count: 1 },
    { date: '2025-06-10', count: 2 },
  ]);
  db.close();
});

test('the running demo has customers in its usage, launch and seasonal moments', async () => {
  const db = generateDemoWorkspace(await loadSqlJs(), 'running');
  const end = analyseMoments(db);
  const count = (id: MomentId) => end.moments.find((m) => m.moment === id)!.count;
  expect(count('usage-milestone')).toBeGreaterThan(100);
  // A caffeine gel launched on 5 October 2026, into the Nutrition category many runners buy.
  expect(end.moments.find((m) => m.moment === 'launch')!.parameters.launchedProducts).toEqual(['NP504']);
  expect(count('launch')).toBeGreaterThan(100);
  const autumn = analyseMoments(db, { asOf: '2026-09-05' }).moments.find((m) => m.moment === 'seasonal-transition')!;
  // Running peaks from spring into summer, so summer's own category is the shoes bought for it.
  expect(autumn.parameters.categories).toContain('Shoes');
  expect(autumn.count).toBeGreaterThan(100);
  const daily = momentDailyCounts(db, 'post-purchase', '2026-10-01T12:00:00');
  expect(daily).toHaveLength(30);
  expect(daily.every((d) => d.count > 0)).toBe(true);
  db.close();
});
