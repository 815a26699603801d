import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { analyseFamilies, familySetCustomers } from '../../src/core/analysis/families';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { Fixture } from './analysis-fixture';

/**
 * Family F has three members. c1 adds them one order at a time (F1, F2, F3). c2 buys F1, then F2
 * with an unrelated G. c3 buys F1 and F3 together. c4 buys F1 only. c5 buys F2, then F1; its
 * order of F3 was cancelled.
 */
async function shop() {
  const fixture = await Fixture.create();
  return fixture
    .products(
      { id: 'F1', family: 'F' },
      { id: 'F2', family: 'F' },
      { id: 'F3', family: 'F' },
      { id: 'G' },
      { id: 'H1', family: 'Solo' },
    )
    .orders(
      { id: 'o1', customer: 'c1', at: '2025-01-01T10:00:00', lines: ['F1'] },
      { id: 'o2', customer: 'c1', at: '2025-01-06T10:00:00', lines: ['F2'] },
      { id: 'o3', customer: 'c1', at: '2025-01-10T10:00:00', lines: ['F3'] },
      { id: 'o4', customer: 'c2', at: '2025-01-01T10:00:00', lines: ['F1'] },
      { id: 'o5', customer: 'c2', at: '2025-01-03T10:00:00', lines: ['F2', 'G'] },
      { id: 'o6', customer: 'c3', at: '2025-01-01T10:00:00', lines: ['F1', 'F3'] },
      { id: 'o7', customer: 'c4', at: '2025-01-01T10:00:00', lines: ['F1', 'H1'] },
      { id: 'o8', customer: 'c5', at: '2025-01-01T10:00:00', lines: ['F2'] },
      { id: 'o9', customer: 'c5', at: '2025-01-02T10:00:00', lines: ['F1'] },
      { id: 'o10', customer: 'c5', at: '2025-01-04T10:00:00', lines: ['F3'], status: 'cancelled' },
    ).db;
}

test('a family report counts owners per number of members and what each ownership set added next', async () => {
  const db = await shop();
  const result = analyseFamilies(db, { minCustomers: 1 });
  // A family of one product has nothing to expand into.
  expect(result.families.map((f) => f.family)).toEqual(['F']);
  const [family] = result.families;
  expect(family.owners).toBe(5);
  expect(family.ownershipCounts).toEqual([
    { members: 1, customers: 1 },
    { members: 2, customers: 3 },
    { members: 3, customers: 1 },
  ]);
  expect(family.explanation).toBe('5 customers own at least one of the 3 products in F; 1 own all of them.');
  const sets = family.sets.map((s) => ({
    set: s.members.map((m) => m.id).join('+'),
    ever: s.customersEver,
    now: s.customersNow,
    later: s.addedLater,
    next: s.next.map((n) => `${n.member.id}:${n.customers}:${n.share}`),
  }));
  expect(sets).toEqual([
    { set: 'F1', ever: 3, now: 1, later: 2, next: ['F2:2:0.6667'] },
    { set: 'F1+F2', ever: 3, now: 2, later: 1, next: ['F3:1:0.3333'] },
    { set: 'F2', ever: 1, now: 0, later: 1, next: ['F1:1:1'] },
    { set: 'F1+F3', ever: 1, now: 1, later: 0, next: [] },
  ]);
  expect(family.sets[0].explanation).toBe(
    'Of the 3 customers who owned exactly Product F1 from F, 2 (67 %) added Product F2 next; 1 own exactly this set today.',
  );
  expect(family.sets[1].sampleCustomerIds).toEqual(['c2', 'c5']);
  expect(familySetCustomers(db, { family: 'F', members: ['F2', 'F1'] })).toEqual({
    total: 2,
    offset: 0,
    items: ['c2', 'c5'],
  });

  expect(analyseFamilies(db, { minCustomers: 2 }).families[0].sets.map((s) => s.members.length)).toEqual([1, 2]);
  // Before c1's third order, c1 still owns F1 + F2.
  expect(analyseFamilies(db, { minCustomers: 1, asOf: '2025-01-08' }).families[0].ownershipCounts.at(-1)).toEqual({
    members: 3,
    customers: 0,
  });
  db.close();
});

const STARTER_KITS: Record<string, string> = {
  'Lumora Home': 'LM101',
  Glowline: 'LM401',
  'Lumora Play': 'LM301',
  'Lumora Outdoor': 'LM201',
};

test('the lighting demo shows its planted ecosystems: customers start with a kit and add members of its family', async () => {
  const db = generateDemoWorkspace(await loadSqlJs(), 'lighting');
  const result = analyseFamilies(db);
  expect(result.families.map((f) => f.family).sort()).toEqual(Object.keys(STARTER_KITS).sort());
  for (const family of result.families) {
    // The commonest way into a family is its starter kit, and most who have it add a member later.
    const [top] = family.sets;
    expect(top.members.map((m) => m.id)).toEqual([STARTER_KITS[family.family]]);
    expect(top.addedLater / top.customersEver).toBeGreaterThan(0.5);
    expect(family.members.map((m) => m.id)).toContain(top.next[0].member.id);
  }
  const home = result.families.find((f) => f.family === 'Lumora Home')!;
  const singleOwners = home.ownershipCounts[0].customers;
  expect(singleOwners / home.owners).toBeLessThan(0.5);
  db.close();
});
