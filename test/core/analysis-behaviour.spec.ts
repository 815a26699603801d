import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import * as behaviour from '../../src/core/analysis/behaviour';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import type { Database } from '../../src/core/store/sqlite';

/** Every entry of the index, run with its defaults on one shared purchase history. */
function runAll(db: Database) {
  const history = behaviour.loadPurchases(db);
  return {
    sequences: behaviour.analyseSequences(db, {}, history),
    categorySequences: behaviour.analyseSequences(db, { level: 'category' }, history),
    secondPurchase: behaviour.timeToSecondPurchase(db, {}, history),
    families: behaviour.analyseFamilies(db, {}, history),
    ladders: behaviour.analyseLadders(db, {}, history),
    segments: behaviour.analyseSegments(db, {}, history),
    moments: behaviour.analyseMoments(db),
    baselines: behaviour.analyseBaselines(db, {}, history),
  };
}

test('an empty workspace gives empty answers rather than errors', async () => {
  const db = createWorkspaceDb(await loadSqlJs(), 'Empty');
  const results = runAll(db);
  expect(results.sequences.rows).toEqual([]);
  expect(results.secondPurchase.overall).toMatchObject({
    customers: 0,
    repeatCustomers: 0,
    days: { count: 0, median: null },
  });
  expect(results.families.families).toEqual([]);
  expect(results.ladders.ladders).toEqual([]);
  expect(results.segments.customers).toBe(0);
  expect(results.moments).toEqual({ asOf: null, moments: [], explanation: expect.any(String) });
  expect(results.baselines.acceptance.overall).toEqual({ anchorCustomers: 0, accepted: 0, rate: 0 });
  expect(results.baselines.crossSellAov.anchorAov).toBeNull();
  db.close();
});

test('results survive a trip through JSON unchanged, so they can cross from the worker', async () => {
  const db = generateDemoWorkspace(await loadSqlJs(), 'lighting', { customers: 1500 });
  const results = runAll(db);
  expect(JSON.parse(JSON.stringify(results))).toEqual(results);
  // Every result says in words what it means, and none of them claims a cause.
  const explanations = JSON.stringify(results).match(/"explanation":"[^"]*"/g) ?? [];
  expect(explanations.length).toBeGreaterThan(50);
  expect(explanations.filter((e) => /\b(caus\w*|because|leads? to|drives?)\b/i.test(e))).toEqual(
    explanations.filter((e) => e.includes('not what causes it')),
  );
  expect(results.moments.moments.map((m) => m.moment)).toEqual(behaviour.MOMENT_IDS);
  db.close();
});
