import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { runImport } from '../../src/cli/commands/import';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { frequentItemsets } from '../../src/core/analysis/combinations/apriori';
import { basketSetOf, type BasketSet } from '../../src/core/analysis/combinations/basket-set';
import { loadBaskets } from '../../src/core/analysis/combinations/baskets';
import { customersBehindRule } from '../../src/core/analysis/combinations/customers-behind';
import { itemsetAt } from '../../src/core/analysis/combinations/itemsets';
import { mineBaskets, mineCombinations } from '../../src/core/analysis/combinations/mine';
import {
  CombinationsCancelled,
  CombinationsUnavailable,
  type AssociationRule,
  type CombinationsParameters,
} from '../../src/core/analysis/combinations/types';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import { queryAll, type Database } from '../../src/core/store/sqlite';
import { Random, seedFrom } from '../../src/core/util/random';
import { scratchDir } from '../support/workspace-fixtures';

const PARAMETERS: CombinationsParameters = {
  level: 'product',
  basket: { kind: 'order' },
  minSupport: 0.5,
  minConfidence: 0,
  maxLength: 3,
  consequents: 'one',
};
const params = (changes: Partial<CombinationsParameters>): CombinationsParameters => ({ ...PARAMETERS, ...changes });

const rule = (rules: AssociationRule[], antecedent: string[], consequent: string[]) =>
  rules.find((r) => r.antecedent.join() === antecedent.join() && r.consequent.join() === consequent.join());

// ---------------------------------------------------------------------------------------------
// The oracle: every itemset of each basket counted directly, every rule from the definitions.

interface OracleResult {
  itemsets: Map<string, number>;
  rules: AssociationRule[];
}

function subsetsUpTo(items: string[], maxLength: number): string[][] {
  const out: string[][] = [];
  const extend = (from: number, chosen: string[]) => {
    for (let i = from; i < items.length; i++) {
      const next = [...chosen, items[i]];
      out.push(next);
      if (next.length < maxLength) extend(i + 1, next);
    }
  };
  extend(0, []);
  return out;
}

function oracle(lists: string[][], p: CombinationsParameters): OracleResult {
  const baskets = lists.map((list) => [...new Set(list)].sort()).filter((b) => b.length > 0);
  const n = baskets.length;
  const counted = new Map<string, number>();
  for (const basket of baskets) {
    for (const subset of subsetsUpTo(basket, p.maxLength))
      counted.set(subset.join('\u0000'), (counted.get(subset.join('\u0000')) ?? 0) + 1);
  }
  // Support as mlxtend compares it: count / n in double precision, against >= minSupport.
  const itemsets = new Map([...counted].filter(([, count]) => count / n >= p.minSupport));
  const rules: AssociationRule[] = [];
  for (const [key, countAC] of itemsets) {
    const items = key.split('\u0000');
    if (items.length < 2) continue;
    for (const consequent of subsetsUpTo(items, items.length - 1)) {
      if (p.consequents === 'one' && consequent.length !== 1) continue;
      const antecedent = items.filter((i) => !consequent.includes(i));
      const countA = counted.get(antecedent.join('\u0000'))!;
      const countC = counted.get(consequent.join('\u0000'))!;
      // The definitions, on fractions: confidence = P(C | A), lift = confidence / P(C), leverage =
      // P(A and C) - P(A) P(C), conviction = (1 - P(C)) / (1 - confidence).
      const confidence = countAC / countA;
      if (confidence < p.minConfidence) continue;
      const sA = countA / n;
      const sC = countC / n;
      const sAC = countAC / n;
      rules.push({
        antecedent,
        consequent,
        count: countAC,
        support: sAC,
        confidence,
        lift: confidence / sC,
        leverage: sAC - sA * sC,
        conviction: countAC === countA ? null : (1 - sC) / (1 - confidence),
      });
    }
  }
  return { itemsets, rules };
}

function minedItemsets(baskets: BasketSet, p: CombinationsParameters): Map<string, number> {
  const found = new Map<string, number>();
  for (const level of frequentItemsets(baskets, p.minSupport, p.maxLength).levels) {
    for (let i = 0; i < level.counts.length; i++) {
      const labels = Array.from(itemsetAt(level, i), (code) => baskets.labels[code]).sort();
      found.set(labels.join('\u0000'), level.counts[i]);
    }
  }
  return found;
}

const ruleKey = (r: AssociationRule) => `${r.antecedent.join('+')} -> ${r.consequent.join('+')}`;

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));

/** The miner and the oracle agree on every itemset, every rule and every measure. */
function expectAgreement(lists: string[][], p: CombinationsParameters, context: string) {
  const baskets = basketSetOf(lists);
  const expected = oracle(lists, p);
  expect(new Map([...minedItemsets(baskets, p)].sort()), context).toEqual(new Map([...expected.itemsets].sort()));
  const result = mineBaskets(baskets, 'imported-baskets', p);
  expect(result.itemsets, context).toBe(expected.itemsets.size);
  const mined = new Map(result.rules.map((r) => [ruleKey(r), r]));
  expect([...mined.keys()].sort(), context).toEqual(expected.rules.map(ruleKey).sort());
  const measures = ['count', 'support', 'confidence', 'lift', 'leverage', 'conviction'] as const;
  const differences = expected.rules.flatMap((want) => {
    const got = mined.get(ruleKey(want))!;
    return measures
      .filter((m) => !close(got[m], want[m]))
      .map((m) => `${ruleKey(want)} ${m}: ${got[m]} instead of ${want[m]}`);
  });
  expect(differences, context).toEqual([]);
  return result;
}

// ---------------------------------------------------------------------------------------------
// (1) A tiny data set whose every number is worked out by hand.

/** Five baskets; counts: bread 4, milk 4, diapers 4, beer 3, cola 2, eggs 1. */
const SHOP = [
  ['bread', 'milk'],
  ['bread', 'diapers', 'beer', 'eggs'],
  ['milk', 'diapers', 'beer', 'cola'],
  ['bread', 'milk', 'diapers', 'beer'],
  ['bread', 'milk', 'diapers', 'cola'],
];

test('pairs of the five-basket shop: every count and measure as worked out by hand', () => {
  const result = mineBaskets(basketSetOf(SHOP), 'imported-baskets', params({ minSupport: 0.6, minConfidence: 0.7 }));
  // Support 0.6 of 5 baskets = 3 baskets: bread, milk, diapers (4 each), beer (3); pairs bread+milk,
  // bread+diapers, milk+diapers, diapers+beer (3 each). bread+milk+diapers is in 2 baskets only.
  expect(result).toMatchObject({ baskets: 5, minCount: 3, itemsets: 8, itemsetsBySize: [4, 4] });
  expect(result.rules).toHaveLength(8);

  // beer -> diapers: all 3 beer baskets hold diapers. support 3/5 = 0.6, confidence 3/3 = 1,
  // lift 1 / (4/5) = 1.25, leverage 0.6 - 0.6 × 0.8 = 0.12, conviction (1 - 0.8) / 0 = infinite.
  const beerDiapers = rule(result.rules, ['beer'], ['diapers'])!;
  expect(beerDiapers).toMatchObject({ count: 3, support: 0.6, confidence: 1, conviction: null });
  expect(beerDiapers.lift).toBeCloseTo(1.25, 12);
  expect(beerDiapers.leverage).toBeCloseTo(0.12, 12);

  // diapers -> beer: confidence 3/4 = 0.75, lift 0.75 / 0.6 = 1.25, conviction (1 - 0.6) / (1 - 0.75) = 1.6.
  const diapersBeer = rule(result.rules, ['diapers'], ['beer'])!;
  expect(diapersBeer).toMatchObject({ count: 3, support: 0.6, confidence: 0.75 });
  expect(diapersBeer.lift).toBeCloseTo(1.25, 12);
  expect(diapersBeer.leverage).toBeCloseTo(0.12, 12);
  expect(diapersBeer.conviction!).toBeCloseTo(1.6, 12);

  // bread -> milk: confidence 3/4, lift 0.75 / 0.8 = 0.9375 (less often together than by chance),
  // leverage 0.6 - 0.8 × 0.8 = -0.04, conviction (1 - 0.8) / (1 - 0.75) = 0.8.
  const breadMilk = rule(result.rules, ['bread'], ['milk'])!;
  expect(breadMilk).toMatchObject({ count: 3, confidence: 0.75 });
  expect(breadMilk.lift).toBeCloseTo(0.9375, 12);
  expect(breadMilk.leverage).toBeCloseTo(-0.04, 12);
  expect(breadMilk.conviction!).toBeCloseTo(0.8, 12);

  // Strongest first: the two lift-1.25 rules, the one with confidence 1 ahead.
  expect(result.rules.slice(0, 2).map(ruleKey)).toEqual(['beer -> diapers', 'diapers -> beer']);
  // A higher confidence leaves only the rule that always holds.
  const strict = mineBaskets(basketSetOf(SHOP), 'imported-baskets', params({ minSupport: 0.6, minConfidence: 0.8 }));
  expect(strict.rules.map(ruleKey)).toEqual(['beer -> diapers']);
});

test('triples of the five-basket shop, with one or any number of items after the arrow', () => {
  // Support 0.4 = 2 baskets. bread+milk+diapers: baskets 4 and 5; milk+cola is in baskets 3 and 5, both with diapers.
  const result = mineBaskets(basketSetOf(SHOP), 'imported-baskets', params({ minSupport: 0.4 }));
  expect(result.minCount).toBe(2);
  expect(result.itemsetsBySize).toEqual([5, 8, 4]);
  // {bread, milk} -> diapers: confidence 2/3, lift (2/3) / 0.8 = 0.8333, leverage 0.4 - 0.6 × 0.8 = -0.08,
  // conviction (1 - 0.8) / (1 - 2/3) = 0.6.
  const r = rule(result.rules, ['bread', 'milk'], ['diapers'])!;
  expect(r).toMatchObject({ count: 2, support: 0.4 });
  expect(r.confidence).toBeCloseTo(2 / 3, 12);
  expect(r.lift).toBeCloseTo(5 / 6, 12);
  expect(r.leverage).toBeCloseTo(-0.08, 12);
  expect(r.conviction!).toBeCloseTo(0.6, 12);
  // {cola, milk} -> diapers always holds: lift 1 / 0.8 = 1.25, conviction infinite.
  expect(rule(result.rules, ['cola', 'milk'], ['diapers'])).toMatchObject({
    count: 2,
    confidence: 1,
    conviction: null,
  });
  expect(result.rules.every((x) => x.consequent.length === 1)).toBe(true);

  const any = mineBaskets(basketSetOf(SHOP), 'imported-baskets', params({ minSupport: 0.4, consequents: 'any' }));
  // cola -> {diapers, milk}: both cola baskets hold both; confidence 1, lift 1 / (3/5) = 5/3.
  const split = rule(any.rules, ['cola'], ['diapers', 'milk'])!;
  expect(split).toMatchObject({ count: 2, confidence: 1, conviction: null });
  expect(split.lift).toBeCloseTo(5 / 3, 12);
  // Each triple splits 6 ways, each pair 2 ways.
  expect(any.rules.length).toBe(4 * 6 + 8 * 2);
});

// ---------------------------------------------------------------------------------------------
// (2) The oracle against the miner on many seeded random data sets.

function randomLists(rng: Random): string[][] {
  const items = Array.from({ length: rng.int(2, 12) }, (_, i) => `i${String(i).padStart(2, '0')}`);
  const popularity = items.map(() => rng.between(0.05, 0.7));
  return Array.from({ length: rng.int(1, 80) }, () => {
    const basket = items.filter((_, i) => rng.chance(popularity[i]));
    if (rng.chance(0.2) && basket.length) basket.push(basket[0]);
    return rng.chance(0.1) ? [] : basket;
  });
}

test('the miner finds exactly what direct counting finds, on 300 random data sets', () => {
  for (let run = 0; run < 300; run++) {
    const rng = new Random(seedFrom('rules-oracle', run));
    const lists = randomLists(rng);
    const n = lists.filter((l) => l.length > 0).length;
    if (n === 0) continue;
    // Half the runs put the threshold exactly on a count (k / n), where >= matters.
    const minSupport = run % 2 === 0 ? rng.int(1, n) / n : rng.between(0.02, 0.6);
    const p = params({
      minSupport,
      minConfidence: rng.pick([0, 0.3, 0.5, 0.8, 1]),
      maxLength: rng.int(2, 5),
      consequents: rng.pick(['one', 'any'] as const),
    });
    expectAgreement(lists, p, `run ${run}: ${JSON.stringify(p)}`);
  }
});

test('support exactly at the threshold counts, one basket less does not, with no rounding trap', () => {
  // 7 of 100 baskets: 0.07 × 100 is 7.000000000000001 in floating point, so a threshold taken as
  // ceil(minSupport × n) would wrongly ask for 8 baskets; 7 / 100 >= 0.07 holds, as in mlxtend.
  const lists = [
    ...Array.from({ length: 7 }, () => ['a', 'b']),
    ...Array.from({ length: 6 }, () => ['c', 'd']),
    ...Array.from({ length: 87 }, () => ['e']),
  ];
  const result = expectAgreement(lists, params({ minSupport: 0.07 }), 'at 0.07');
  expect(result.minCount).toBe(7);
  expect(result.rules.map(ruleKey).sort()).toEqual(['a -> b', 'b -> a']);
  // 0.1 × 3 is 0.30000000000000004: 3 of 10 baskets falls short of it, as the same comparison says.
  const ten = [...Array.from({ length: 3 }, () => ['a', 'b']), ...Array.from({ length: 7 }, () => ['e'])];
  expect(mineBaskets(basketSetOf(ten), 'imported-baskets', params({ minSupport: 0.1 * 3 })).rules).toEqual([]);
  expect(mineBaskets(basketSetOf(ten), 'imported-baskets', params({ minSupport: 0.3 })).rules).toHaveLength(2);
});

// ---------------------------------------------------------------------------------------------
// (3) A groceries-style basket file (one basket per line, comma-separated, no header), imported.

const FIXTURES = fileURLToPath(new URL('../fixtures/combinations/', import.meta.url));

test('an imported groceries-style basket file gives what direct counting of the file gives', async () => {
  const file = join(FIXTURES, 'groceries.csv');
  const workspace = join(scratchDir(), 'groceries.xsell');
  let out = '';
  const code = await runImport([file, '--workspace', workspace, '--as', 'baskets', '--json'], {
    out: (t) => (out += t),
    err: () => undefined,
  });
  expect(code).toBe(0);
  expect(JSON.parse(out)).toMatchObject({ kind: 'baskets', rowsRead: 400, baskets: 400 });

  const lists = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(',').map((item) => item.trim()));
  const SQL = await loadSqlJs();
  const db = new SQL.Database(readFileSync(workspace));
  for (const p of [
    params({ minSupport: 0.02, minConfidence: 0.1 }),
    params({ minSupport: 0.005, maxLength: 4, consequents: 'any' }),
  ]) {
    const fromWorkspace = mineCombinations(db, p);
    const expected = oracle(lists, p);
    expect(fromWorkspace).toMatchObject({ source: 'imported-baskets', baskets: 400, itemsets: expected.itemsets.size });
    expect(fromWorkspace.rules.map(ruleKey).sort()).toEqual(expected.rules.map(ruleKey).sort());
    expectAgreement(lists, p, JSON.stringify(p));
  }
  // The pairs planted in the file come out on top of their items' rules.
  const rules = mineCombinations(db, params({ minSupport: 0.02, minConfidence: 0.2 })).rules;
  expect(rule(rules, ['yogurt'], ['whole milk'])!.lift).toBeGreaterThan(1.5);
  expect(rule(rules, ['sausage'], ['rolls/buns'])!.lift).toBeGreaterThan(1.5);
  db.close();
});

// ---------------------------------------------------------------------------------------------
// (4) The skincare demo: its planted routine pairs lead the rules.

test('the skincare demo shows its routine pairs (cleanser with toner of the same range) on top', async () => {
  const db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
  try {
    const p = params({ minSupport: 0.005, minConfidence: 0.2, maxLength: 3 });
    const result = mineCombinations(db, p);
    const cleanserToner = [
      ['GC101', 'GC102'],
      ['GC111', 'GC112'],
      ['GC121', 'GC122'],
      ['GC131', 'GC132'],
    ];
    const topPairs = result.rules.slice(0, 10).map((r) => [...r.antecedent, ...r.consequent].sort().join('+'));
    for (const pair of cleanserToner) expect(topPairs).toContain(pair.join('+'));
    // Routines are built within one range: the 20 strongest rules all pair products of the same range.
    const familyOf = new Map(
      queryAll<{ product_id: string; family: string | null }>(db, 'SELECT product_id, family FROM products').map(
        (r) => [r.product_id, r.family],
      ),
    );
    for (const r of result.rules.slice(0, 20)) {
      const families = new Set([...r.antecedent, ...r.consequent].map((id) => familyOf.get(id)));
      expect(families.size, ruleKey(r)).toBe(1);
      expect(families.has(null), ruleKey(r)).toBe(false);
    }
    for (const [cleanser, toner] of cleanserToner) {
      const r = rule(result.rules, [toner], [cleanser])!;
      expect(r.lift).toBeGreaterThan(3);
      expect(r.confidence).toBeGreaterThan(0.3);
    }
    expect(result.names.GC101).toBe('Clear Balance Foaming Gel Cleanser 150 ml');
    // Gift wrapping is a service, not a product: never part of a combination.
    expect(result.rules.some((r) => [...r.antecedent, ...r.consequent].includes('GC900'))).toBe(false);

    // The baskets as SQL sees them (purchases of products, per order) give the same rules.
    const lists = queryAll<{ items: string }>(
      db,
      `SELECT group_concat(DISTINCT l.product_id) AS items FROM order_lines l
       JOIN orders o ON o.order_id = l.order_id JOIN products p ON p.product_id = l.product_id
       WHERE o.status <> 'cancelled' AND l.quantity > 0 AND l.reverses_line IS NULL AND p.is_product = 1
       GROUP BY l.order_id`,
    ).map((row) => row.items.split(','));
    expect(result.baskets).toBe(lists.length);
    expectAgreement(lists, p, 'beauty demo');
    // Strongest first.
    expect(result.rules.every((r, i) => i === 0 || result.rules[i - 1].lift >= r.lift)).toBe(true);

    // Behind the strongest rule: as many baskets as its count, each an order holding both products.
    const top = result.rules[0];
    const behind = customersBehindRule(db, p, top, { limit: 3, offset: 0 });
    expect(behind.baskets).toBe(top.count);
    expect(behind.customers).toBeGreaterThan(0);
    expect(behind.rows).toHaveLength(3);
    for (const row of behind.rows) {
      const held = queryAll<{ product_id: string }>(
        db,
        'SELECT DISTINCT product_id FROM order_lines WHERE order_id = ? AND quantity > 0',
        [row.orderIds[0]],
      ).map((r) => r.product_id);
      expect(held).toEqual(expect.arrayContaining([...top.antecedent, ...top.consequent]));
      expect(
        queryAll(db, 'SELECT 1 FROM orders WHERE order_id = ? AND customer_id = ?', [row.orderIds[0], row.customerId]),
      ).toHaveLength(1);
    }
  } finally {
    db.close();
  }
});

// ---------------------------------------------------------------------------------------------
// (5) Returns, cancelled orders and codes that are not products; (6) categories; baskets over days.

interface Line {
  product: string;
  quantity?: number;
  reverses?: number;
}

async function workspace(
  orders: { id: string; customer?: string; at?: string; status?: string; lines: (string | Line)[] }[],
  categories = true,
): Promise<Database> {
  const db = createWorkspaceDb(await loadSqlJs(), 'Shop');
  const products: [string, string | null, number][] = [
    ['A', 'Cleanser', 1],
    ['B', 'Toner', 1],
    ['C', 'Toner', 1],
    ['D', 'Serum', 1],
    ['SHIP', 'Service', 0],
  ];
  for (const [id, category, isProduct] of products) {
    db.run('INSERT INTO products(product_id, category, is_product, name) VALUES (?, ?, ?, ?)', [
      id,
      categories ? category : null,
      isProduct,
      `Product ${id}`,
    ]);
  }
  let lineId = 0;
  for (const order of orders) {
    db.run('INSERT INTO orders(order_id, customer_id, ordered_at, status) VALUES (?, ?, ?, ?)', [
      order.id,
      order.customer ?? null,
      order.at ?? null,
      order.status ?? 'completed',
    ]);
    for (const entry of order.lines) {
      const line = typeof entry === 'string' ? { product: entry } : entry;
      db.run('INSERT INTO order_lines(line_id, order_id, product_id, quantity, reverses_line) VALUES (?, ?, ?, ?, ?)', [
        ++lineId,
        order.id,
        line.product,
        line.quantity ?? 1,
        line.reverses ?? null,
      ]);
    }
  }
  return db;
}

const basketsOf = (db: Database, p: CombinationsParameters) => {
  const { baskets } = loadBaskets(db, p);
  return Array.from({ length: baskets.count }, (_, b) =>
    Array.from(baskets.items.subarray(baskets.start[b], baskets.start[b + 1]), (code) => baskets.labels[code])
      .sort()
      .join('+'),
  ).sort();
};

test('returns, cancelled orders and codes that are not products are left out of the baskets', async () => {
  const db = await workspace([
    { id: 'o1', lines: ['A', 'B', 'B', 'SHIP'] },
    { id: 'o2', lines: ['A', 'C', { product: 'C', quantity: -1, reverses: 5 }] },
    { id: 'o3', status: 'cancelled', lines: ['A', 'D'] },
    { id: 'o4', status: 'Cancelled', lines: ['C', 'D'] },
    {
      id: 'o5',
      lines: [
        { product: 'D', quantity: -1 },
        { product: 'B', quantity: 1, reverses: 1 },
      ],
    },
    { id: 'o6', lines: ['SHIP'] },
    { id: 'o7', lines: ['A', 'B'] },
  ]);
  // o1 counts B once and drops shipping; o2 keeps its purchase of C, not the return line;
  // o3, o4 are cancelled; o5 holds only a return and a reversal; o6 only shipping.
  expect(basketsOf(db, PARAMETERS)).toEqual(['A+B', 'A+B', 'A+C']);
  const result = mineCombinations(db, params({ minSupport: 0.5 }));
  expect(result.baskets).toBe(3);
  expect(result.rules.map(ruleKey).sort()).toEqual(['A -> B', 'B -> A']);
  expect(rule(result.rules, ['B'], ['A'])).toMatchObject({ count: 2, confidence: 1 });
  db.close();
});

test('by category, items are distinct per basket, and a workspace without categories says what to import', async () => {
  const orders = [
    { id: 'o1', lines: ['A', 'B', 'C'] },
    { id: 'o2', lines: ['A', 'C'] },
    { id: 'o3', lines: ['D', 'B'] },
    { id: 'o4', lines: ['A', 'SHIP'] },
  ];
  const db = await workspace(orders);
  const p = params({ level: 'category', minSupport: 0.25 });
  // B and C are both toners: o1 holds Cleanser+Toner once. Shipping's category is not a product's.
  expect(basketsOf(db, p)).toEqual(['Cleanser', 'Cleanser+Toner', 'Cleanser+Toner', 'Serum+Toner']);
  const result = mineCombinations(db, p);
  expect(result.names).toEqual({});
  expect(rule(result.rules, ['Cleanser'], ['Toner'])).toMatchObject({ count: 2, support: 0.5 });
  expect(rule(result.rules, ['Serum'], ['Toner'])).toMatchObject({ count: 1, confidence: 1 });
  db.close();

  const bare = await workspace(orders, false);
  expect(() => mineCombinations(bare, p)).toThrow(CombinationsUnavailable);
  expect(() => mineCombinations(bare, p)).toThrow(/category column/);
  expect(mineCombinations(bare, params({ minSupport: 0.25 })).baskets).toBe(4);
  bare.close();
});

test('a basket over N days joins a customer’s orders up to N days after the first one', async () => {
  const db = await workspace([
    { id: 'o1', customer: 'c1', at: '2025-03-01T10:00:00', lines: ['A'] },
    { id: 'o2', customer: 'c1', at: '2025-03-06T09:00:00', lines: ['B'] },
    { id: 'o3', customer: 'c1', at: '2025-03-08T10:00:00', lines: ['C'] },
    { id: 'o4', customer: 'c1', at: '2025-03-20T10:00:00', lines: ['D'] },
    { id: 'o5', customer: 'c2', at: '2025-03-01T10:00:00', lines: ['A'] },
    { id: 'o6', at: '2025-03-02T10:00:00', lines: ['B'] },
    { id: 'o7', at: '2025-03-02T10:00:00', lines: ['C'] },
  ]);
  const days = (n: number) => params({ basket: { kind: 'days', days: n } });
  // 7 days: o1 opens a basket that takes o2 and o3 (exactly 7 days later); o4 opens the next.
  expect(basketsOf(db, days(7))).toEqual(['A', 'A+B+C', 'B', 'C', 'D']);
  // 6 days: o3 is 7 days after o1, so it opens a new basket (windows start at their first order).
  expect(basketsOf(db, days(6))).toEqual(['A', 'A+B', 'B', 'C', 'C', 'D']);
  expect(basketsOf(db, days(0))).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D']);
  db.close();
});

test('the customers behind a rule: every basket holding both sides, page by page', async () => {
  const db = await workspace([
    { id: 'o1', customer: 'c2', lines: ['A', 'B'] },
    { id: 'o2', customer: 'c1', lines: ['A', 'B', 'D'] },
    { id: 'o3', customer: 'c1', lines: ['A', 'B'] },
    { id: 'o4', lines: ['A', 'B'] },
    { id: 'o5', customer: 'c3', lines: ['A', 'C'] },
    { id: 'o6', customer: 'c4', status: 'cancelled', lines: ['A', 'B'] },
  ]);
  const result = mineCombinations(db, params({ minSupport: 0.5 }));
  const ab = rule(result.rules, ['A'], ['B'])!;
  const all = customersBehindRule(db, PARAMETERS, ab, { limit: 10, offset: 0 });
  expect(all.baskets).toBe(ab.count);
  expect(all).toMatchObject({ baskets: 4, customers: 2 });
  expect(all.rows.map((r) => [r.customerId, r.orderIds.join()])).toEqual([
    ['c1', 'o2'],
    ['c1', 'o3'],
    ['c2', 'o1'],
    [null, 'o4'],
  ]);
  const page = customersBehindRule(db, PARAMETERS, ab, { limit: 2, offset: 2 });
  expect(page).toMatchObject({ baskets: 4, customers: 2 });
  expect(page.rows.map((r) => r.orderIds[0])).toEqual(['o1', 'o4']);
  expect(
    customersBehindRule(db, PARAMETERS, { antecedent: ['A'], consequent: ['Z'] }, { limit: 5, offset: 0 }),
  ).toEqual({ baskets: 0, customers: 0, rows: [] });
  db.close();
});

test('progress reaches its total, and a cancelled run stops with its own error', () => {
  const rng = new Random(7);
  const lists = Array.from({ length: 20_000 }, () => Array.from({ length: rng.int(1, 6) }, () => `p${rng.int(1, 40)}`));
  const baskets = basketSetOf(lists);
  const seen: [number, number][] = [];
  frequentItemsets(baskets, 0.001, 3, { onProgress: (done, total) => seen.push([done, total]) });
  expect(seen.length).toBeGreaterThan(3);
  expect(seen.every(([done, total], i) => done <= total && (i === 0 || done >= seen[i - 1][0]))).toBe(true);
  expect(seen[seen.length - 1][0]).toBe(seen[seen.length - 1][1]);

  let asked = 0;
  expect(() => frequentItemsets(baskets, 0.001, 3, { isCancelled: () => ++asked > 2 })).toThrow(CombinationsCancelled);
});

test('a workspace with nothing to combine says what to import', async () => {
  const db = createWorkspaceDb(await loadSqlJs(), 'Empty');
  expect(() => mineCombinations(db, PARAMETERS)).toThrow(/Import order lines/);
  db.close();
  const onlyShipping = await workspace([{ id: 'o1', lines: ['SHIP'] }]);
  expect(() => mineCombinations(onlyShipping, PARAMETERS)).toThrow(CombinationsUnavailable);
  onlyShipping.close();
});
