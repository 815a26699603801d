import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { dayOf, stampOf } from '../../src/core/analysis/as-of';
import { loadPurchases } from '../../src/core/analysis/purchases';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { audienceRows } from '../../src/core/plan/pilot-audience';
import { audienceCsv } from '../../src/core/export/audience-csv';
import { importFile } from '../../src/core/import/import-file';
import { bytesSource } from '../../src/core/import/source';
import { planAsOf } from '../../src/core/plan/moment-catalogue';
import { otherActivePlans } from '../../src/core/plan/plan-store';
import { customerOutcomes } from '../../src/core/results/customer-outcomes';
import { measurePilot } from '../../src/core/results/measure';
import type { PilotResults } from '../../src/core/results/result-types';
import { loadPilotSends, readPilotSends, recordPilotSends } from '../../src/core/results/pilot-sends';
import { queryAll, type Database } from '../../src/core/store/sqlite';
import type { PlanRecord } from '../../src/core/plan/plan-document';
import { examplePlan } from '../support/demo-plan';
import { seededRandom } from '../support/seeded-random';

interface Pilot {
  db: Database;
  plan: PlanRecord;
}

/** The beauty demo with its example plan, the plan's audience file recorded as the pilot's sends. */
async function demoPilot(): Promise<Pilot> {
  const db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
  const plan = examplePlan(db);
  const read = readPilotSends(audienceCsv(audienceRows(db, plan.document, otherActivePlans(db, plan.planId))));
  expect(read.problems).toEqual([]);
  recordPilotSends(db, plan.planId, read.sends);
  return { db, plan };
}

/**
 * Follow-on orders after the start, imported as a normal order file: each pilot customer buys one
 * of the products recommended to them with their group's chance, a few days after their start.
 */
async function importFollowOnOrders(
  { db, plan }: Pilot,
  chance: { treatment: number; control: number },
  seed: number,
): Promise<void> {
  const sends = loadPilotSends(db, plan.planId);
  const ids = new Map(
    queryAll<{ product_id: string; name: string }>(db, 'SELECT product_id, name FROM products').map((p) => [
      p.name,
      p.product_id,
    ]),
  );
  const start = dayOf(planAsOf(db, plan.document)!);
  // Before any new order, nobody has bought a suggested product since the start.
  const outcomes = customerOutcomes(db, sends, loadPurchases(db), start, start + 2 * plan.document.pilot.durationDays);
  const productsOf = new Map(sends.map((s) => [s.customerId, s.products]));
  const next = seededRandom(seed);
  const lines = ['order_id,customer_id,ordered_at,product_id,quantity,unit_price,channel'];
  for (const o of outcomes) {
    expect(o.accepted).toBe(false);
    const products = productsOf.get(o.customerId) ?? [];
    if (products.length === 0 || next() >= chance[o.group]) continue;
    const product = ids.get(products[Math.floor(next() * products.length)]);
    expect(product).toBeDefined();
    lines.push(`PILOT-${o.customerId},${o.customerId},${stampOf(start + 1 + next() * 20)},${product},1,25.00,web`);
  }
  // A last order well past the 14 days, so the orders cover the days the verdict needs.
  lines.push(`PILOT-LAST,${outcomes[0].customerId},${stampOf(start + 40)},${ids.values().next().value},1,10.00,web`);
  const imported = await importFile(
    db,
    bytesSource('orders-since-the-start.csv', new TextEncoder().encode(lines.join('\n'))),
  );
  expect(imported.ok).toBe(true);
}

function measured({ db, plan }: Pilot): PilotResults {
  const results = measurePilot(db, plan.document, loadPilotSends(db, plan.planId));
  expect(results).not.toBeNull();
  return results!;
}

test('a pilot whose treated customers bought the suggested products more often is called a win', async () => {
  const pilot = await demoPilot();
  try {
    await importFollowOnOrders(pilot, { treatment: 0.5, control: 0.15 }, 7);
    const results = measured(pilot);
    const acceptance = results.measures.find((m) => m.id === 'acceptance')!;
    expect(results.treatmentCustomers).toBeGreaterThan(0);
    expect(results.controlCustomers).toBeGreaterThan(0);
    expect(acceptance.treatment).toBeGreaterThan(0.4);
    expect(acceptance.control).toBeLessThan(0.25);
    expect(acceptance.comparison!.low).toBeGreaterThan(0);
    expect(acceptance.comparison!.pValue).toBeLessThan(0.05);
    expect(results.daysOfData).toBeGreaterThanOrEqual(14);
    expect(results.verdict.criteria.map((c) => [c.id, c.met])).toEqual([
      ['acceptance', true],
      ['returns', true],
      ['customers', true],
      ['days', true],
    ]);
    expect(results.verdict.decision).toBe('scale');
  } finally {
    pilot.db.close();
  }
});

test('a pilot whose groups bought alike is not called a win', async () => {
  const pilot = await demoPilot();
  try {
    await importFollowOnOrders(pilot, { treatment: 0.25, control: 0.25 }, 11);
    const results = measured(pilot);
    const acceptance = results.measures.find((m) => m.id === 'acceptance')!;
    expect(acceptance.comparison!.low).toBeLessThan(0);
    expect(acceptance.comparison!.high).toBeGreaterThan(0);
    expect(results.verdict.criteria.find((c) => c.id === 'acceptance')!.met).toBe(false);
    // Enough customers and days: the pilot has run its course and did not show a rise.
    expect(results.verdict.decision).toBe('do-not-scale');
    expect(results.verdict.headline).toMatch(/^Do not scale/);
  } finally {
    pilot.db.close();
  }
});

test('with the sends recorded but no orders since the start, the pilot is kept running', async () => {
  const pilot = await demoPilot();
  try {
    const results = measured(pilot);
    expect(results.daysOfData).toBe(0);
    expect(results.verdict.decision).toBe('keep-running');
    expect(results.verdict.criteria.find((c) => c.id === 'days')!.met).toBe(false);
  } finally {
    pilot.db.close();
  }
});
