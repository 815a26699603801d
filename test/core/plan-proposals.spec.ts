import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { AssociationRule } from '../../src/core/analysis/combinations/types';
import { importFile } from '../../src/core/import/import-file';
import { bytesSource } from '../../src/core/import/source';
import { pairKey, swapDirection } from '../../src/core/plan/pair-proposals';
import { blankPlan, type Recommendation } from '../../src/core/plan/plan-document';
import { manualRecommendationRefs, searchProducts } from '../../src/core/plan/product-search';
import { variantGroups, type VariantGroups } from '../../src/core/plan/product-variants';
import { minePairs, proposeRecommendations } from '../../src/core/plan/recommendations';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import { queryAll, type Database } from '../../src/core/store/sqlite';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { proposalsMatching } from '../../src/renderer/screens/plans/steps/proposal-filter';
import { ONLINE_RETAIL } from '../support/import-helpers';

// Proposals on the Online Retail data, imported once for the file. The plan starts on 2011-09-01,
// so the sequences are read from the nine months before it.
test.describe.configure({ mode: 'serial' });

let db: Database;
let proposals: Recommendation[];
let groups: VariantGroups;
let mined: AssociationRule[];

test.beforeAll(async () => {
  const SQL = await loadSqlJs();
  db = createWorkspaceDb(SQL, 'Online Retail');
  const outcome = await importFile(db, bytesSource('online_retail.csv', readFileSync(ONLINE_RETAIL)));
  if (!outcome.ok) throw new Error(outcome.failure.message);
  const plan = blankPlan('Gift shop completion');
  plan.strategy.id = 'completion';
  plan.moment = { id: 'post-purchase', startDate: '2011-09-01', settings: {}, trigger: '' };
  mined = minePairs(db);
  proposals = proposeRecommendations(db, plan, { limit: 500, pairRules: mined });
  groups = variantGroups(
    queryAll<{ id: string; name: string | null }>(db, 'SELECT product_id AS id, name FROM products'),
  );
});

test.afterAll(() => db?.close());

const ids = (p: Recommendation) => [p.anchor!.id, p.recommended.id];

test('a pair of products is proposed once, never also the other way round', () => {
  // Mined both ways round: 165,768 directed pairs, of which 152,615 reach 5 % confidence (82,880 pairs of products).
  expect(mined).toHaveLength(165_768);
  const confident = mined.filter((r) => r.confidence >= 0.05);
  expect(confident).toHaveLength(152_615);
  expect(new Set(confident.map((r) => pairKey(r.antecedent[0], r.consequent[0]))).size).toBe(82_880);

  expect(proposals).toHaveLength(500);
  expect(proposals.every((p) => p.source === 'pair')).toBe(true);
  const keys = proposals.map((p) => pairKey(p.anchor!.id, p.recommended.id));
  expect(new Set(keys).size).toBe(500);
  // Each carries the other direction's measures: the same orders, its own confidence.
  for (const p of proposals) {
    expect(p.evidence!.reverse!.count).toBe(p.evidence!.count);
    expect(p.evidence!.confidence!).toBeGreaterThanOrEqual(p.evidence!.reverse!.confidence!);
  }
});

test('no proposal pairs two colours or sizes of one product, and variants of either side make one proposal', () => {
  const groupPairs = proposals.map((p) => ids(p).map((id) => groups.groupOf(id)));
  expect(groupPairs.filter(([a, b]) => a === b)).toEqual([]);
  expect(new Set(groupPairs.map(([a, b]) => pairKey(a, b))).size).toBe(500);
  // 74 of the 500 stand for other colours or sizes of their anchor or recommended product.
  expect(proposals.filter((p) => p.variants)).toHaveLength(74);

  // Rake and spade come in blue and pink: one proposal stands for the four pairs, the best-evidenced one.
  const garden = proposals.filter((p) => ids(p).every((id) => ['22514', '22515', '22516', '22517'].includes(id)));
  expect(garden.map((p) => `${p.anchor!.label} → ${p.recommended.label}`)).toEqual([
    'CHILDS GARDEN RAKE BLUE → CHILDS GARDEN SPADE BLUE',
  ]);
  expect(garden[0].variants).toEqual({
    anchor: [{ id: '22517', label: 'CHILDS GARDEN RAKE PINK' }],
    recommended: [{ id: '22515', label: 'CHILDS GARDEN SPADE PINK' }],
  });
});

test('the proposal carries both directions’ measures, and turned round reads the other way', () => {
  const rakeSpade = proposals.find((p) => p.id === 'pair:22516>22514')!;
  // 20,538 orders; 63 with the blue rake, 104 with the blue spade, 50 with both.
  expect(rakeSpade.evidence).toMatchObject({
    count: 50,
    support: 50 / 20_538,
    confidence: 50 / 63,
    lift: expect.closeTo((50 * 20_538) / (63 * 104), 9),
    reverse: { count: 50, confidence: 50 / 104 },
  });
  expect(rakeSpade.evidence!.note).toMatch(/^50 orders held both\. 79 % of the orders with CHILDS GARDEN RAKE BLUE/);

  const spadeRake = swapDirection(rakeSpade);
  expect(spadeRake).toMatchObject({
    id: 'pair:22514>22516',
    anchor: { id: '22514' },
    recommended: { id: '22516' },
    variants: rakeSpade.variants && { anchor: rakeSpade.variants.recommended },
  });
  expect(spadeRake.evidence).toMatchObject({
    confidence: 50 / 104,
    lift: rakeSpade.evidence!.lift,
    reverse: { confidence: 50 / 63 },
  });
  expect(spadeRake.evidence!.note).toMatch(
    /48 % of the orders with CHILDS GARDEN SPADE BLUE also held CHILDS GARDEN RAKE BLUE/,
  );
});

test('“what goes with X?” keeps the proposals naming X by name or code, counting the colours a proposal stands for', () => {
  const named = (query: string) =>
    proposalsMatching(proposals, query).map((p) => `${p.anchor!.label} → ${p.recommended.label}`);
  // The pink spade leads the spade → fork proposal, and is one of the colours rake → spade stands for.
  const spade = [
    'CHILDS GARDEN RAKE BLUE → CHILDS GARDEN SPADE BLUE',
    'CHILDS GARDEN SPADE PINK → CHILDS GARDEN FORK PINK',
  ];
  expect(named('garden spade pink')).toEqual(spade);
  expect(named('22515')).toEqual(spade);
  expect(named('no such thing')).toEqual([]);
  expect(proposalsMatching(proposals, '  ')).toHaveLength(500);
});

test('adding by hand finds products by part of a name or code, and refuses a product the workspace does not hold', () => {
  expect(searchProducts(db, 'garden RAKE')).toEqual([
    { id: '22516', name: 'CHILDS GARDEN RAKE BLUE' },
    { id: '22517', name: 'CHILDS GARDEN RAKE PINK' },
  ]);
  expect(searchProducts(db, '85123a')).toEqual([{ id: '85123A', name: 'WHITE HANGING HEART T-LIGHT HOLDER' }]);
  expect(searchProducts(db, 'postage')).toEqual([]);
  expect(searchProducts(db, '   ')).toEqual([]);

  expect(manualRecommendationRefs(db, '22516', '22514')).toEqual({
    ok: true,
    value: {
      anchor: { id: '22516', label: 'CHILDS GARDEN RAKE BLUE' },
      recommended: { id: '22514', label: 'CHILDS GARDEN SPADE BLUE' },
    },
  });
  expect(manualRecommendationRefs(db, '22516', 'NO-SUCH')).toEqual({
    ok: false,
    error: 'There is no product “NO-SUCH” in this workspace. Pick the product to recommend from the list of products.',
  });
  expect(manualRecommendationRefs(db, 'GHOST', '22514')).toEqual({
    ok: false,
    error:
      'There is no product “GHOST” in this workspace. Pick the product the customer bought from the list of products.',
  });
  expect(manualRecommendationRefs(db, 'POST', '22514')).toEqual({
    ok: false,
    error: '“POSTAGE” is a fee or adjustment line, not a product to sell. Pick another product the customer bought.',
  });
});
