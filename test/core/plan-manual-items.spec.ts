import { expect, test } from '@playwright/test';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { blankPlan, type PlanDocument, type Recommendation } from '../../src/core/plan/plan-document';
import { createPlan } from '../../src/core/plan/plan-store';
import { createEngine } from '../../src/engine/engine';
import { loadSqlJs } from '../../src/node/node-sqljs';

/** Recommendations added by hand, through the engine the app and the command line share, on a small skincare demo. */

const manual = (id: string, label: string): Recommendation => ({
  id: `manual:>${id}`,
  anchor: null,
  recommended: { id, label },
  source: 'manual',
  evidence: null,
  decision: 'proposed',
  pinned: false,
  flags: ['low-evidence'],
});
const withItems = (plan: PlanDocument, ...items: Recommendation[]): PlanDocument => ({
  ...plan,
  recommendations: { ...plan.recommendations, items },
});

async function demoEngine() {
  const SQL = await loadSqlJs();
  const db = generateDemoWorkspace(SQL, 'beauty', { seed: 7, customers: 200 });
  // A plan saved before products were checked, holding a hand-made id the workspace never had.
  const older = createPlan(db, withItems(blankPlan('Older plan'), manual('GC-POUCH', 'Travel Pouch')), new Date());
  if (!older.ok) throw new Error(older.error);
  const engine = createEngine(SQL);
  const opened = await engine.workspace.open(db.export());
  db.close();
  if (!opened.ok) throw new Error(opened.failure.message);
  return { engine, older: older.value };
}

test('products are found by part of a name or code, and only products of the workspace can be added by hand', async () => {
  const { engine, older } = await demoEngine();
  expect(await engine.plans.searchProducts('serum', 2)).toEqual([
    { id: 'GC133', name: 'Age Renew Retinal Night Serum 0.1% 30 ml' },
    { id: 'GC123', name: 'Bright Boost Vitamin C Serum 15% 30 ml' },
  ]);
  expect(await engine.plans.searchProducts('gc30')).toHaveLength(5);
  // Gift wrapping is a service line, not a product to sell.
  expect(await engine.plans.searchProducts('gift wrapping')).toEqual([]);

  expect(await engine.plans.manualRecommendation('GC123', 'GC112')).toEqual({
    ok: true,
    value: {
      anchor: { id: 'GC123', label: 'Bright Boost Vitamin C Serum 15% 30 ml' },
      recommended: { id: 'GC112', label: 'Calm Skin Oat Milk Toner 200 ml' },
    },
  });
  expect(await engine.plans.manualRecommendation(null, 'GC-CARD')).toMatchObject({
    ok: false,
    failure: {
      kind: 'plan',
      message:
        'There is no product “GC-CARD” in this workspace. Pick the product to recommend from the list of products.',
    },
  });

  // Saving: a product added by hand must exist here; what an older revision already held is left alone.
  const created = await engine.plans.create(withItems(blankPlan('Hand-picked'), manual('GC112', 'Oat Milk Toner')));
  if (!created.ok) throw new Error(created.failure.message);
  const plan = created.plan;
  const refused = await engine.plans.save(
    plan.planId,
    withItems(plan.document, ...plan.document.recommendations.items, manual('GC-CARD', 'Gift Card')),
    plan.revision,
  );
  expect(refused).toMatchObject({
    ok: false,
    failure: {
      message:
        'There is no product “GC-CARD” in this workspace. Pick the product to recommend from the list of products.',
    },
  });
  expect(await engine.plans.create(withItems(blankPlan('Made up'), manual('GC900', 'Gift wrapping')))).toMatchObject({
    ok: false,
    failure: {
      message: '“Gift wrapping” is a fee or adjustment line, not a product to sell. Pick another product to recommend.',
    },
  });
  const renamed = await engine.plans.save(
    older.planId,
    { ...older.document, objective: 'Still saves' },
    older.revision,
  );
  expect(renamed).toMatchObject({ ok: true, plan: { revision: older.revision + 1 } });
});
