import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { assessReadiness } from '../../src/core/analysis/readiness';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import { queryValue, type Database } from '../../src/core/store/sqlite';
import type { Readiness, StrategyId, StrategyReadiness } from '../../src/core/analysis/readiness-types';
import type { Industry } from '../../src/core/store/workspace-types';

const num = (db: Database, sql: string) => Number(queryValue(db, sql));

function strategy(readiness: Readiness, id: StrategyId): StrategyReadiness {
  const found = readiness.strategies.find((s) => s.strategy === id);
  if (!found) throw new Error(`no ${id} in the readiness report`);
  return found;
}

const counts = (s: StrategyReadiness) => Object.fromEntries(s.counts.map((c) => [c.key, c.value]));

test('an empty workspace is ready for nothing, and says what to import for each strategy', async () => {
  const db = createWorkspaceDb(await loadSqlJs(), 'Empty');
  const readiness = assessReadiness(db);
  db.close();

  expect(readiness.strategies.map((s) => s.strategy)).toEqual(['completion', 'evolution', 'ecosystem']);
  for (const s of readiness.strategies) {
    expect(s.status).toBe('not-ready');
    expect(Object.values(counts(s)).every((value) => value === 0)).toBe(true);
    expect(s.hint).toBeTruthy();
  }
  expect(strategy(readiness, 'completion').hint).toContain('order lines');
  expect(strategy(readiness, 'evolution').hint).toContain('tier column');
  expect(strategy(readiness, 'ecosystem').hint).toContain('family column');
  expect(readiness.strategies.map((s) => s.importKind)).toEqual(['order_lines', 'products', 'products']);
});

const DEMO_STRATEGY: Record<Industry, StrategyId> = {
  beauty: 'completion',
  running: 'evolution',
  lighting: 'ecosystem',
};

for (const [industry, id] of Object.entries(DEMO_STRATEGY) as [Industry, StrategyId][]) {
  test(`the ${industry} demo is ready for ${id}, with counts that match the data`, async () => {
    const db = generateDemoWorkspace(await loadSqlJs(), industry);
    try {
      const readiness = assessReadiness(db);
      const s = strategy(readiness, id);
      expect(s.status).toBe('ready');
      expect(s.hint).toBeNull();
      expect(s.importKind).toBeNull();
      const c = counts(s);
      // Counted here a second way, row by row from each order or customer.
      if (id === 'completion') {
        expect(c.multiItemOrders).toBe(
          num(
            db,
            `SELECT count(*) FROM orders o WHERE (
               SELECT count(DISTINCT l.product_id) FROM order_lines l
               WHERE l.order_id = o.order_id AND l.product_id IS NOT NULL AND l.reverses_line IS NULL
                 AND NOT EXISTS (SELECT 1 FROM products p WHERE p.product_id = l.product_id AND p.is_product = 0)
             ) >= 2`,
          ),
        );
        expect(c.repeatCustomers).toBe(
          num(
            db,
            'SELECT count(*) FROM customers c WHERE (SELECT count(*) FROM orders o WHERE o.customer_id = c.customer_id) >= 2',
          ),
        );
      } else if (id === 'evolution') {
        expect(c.ladderCategories).toBe(
          num(
            db,
            'SELECT count(DISTINCT a.category) FROM products a JOIN products b ON a.category = b.category AND a.tier < b.tier',
          ),
        );
        expect(c.lowerTierBuyers).toBe(
          num(
            db,
            `SELECT count(DISTINCT o.customer_id) FROM orders o
             JOIN order_lines l ON l.order_id = o.order_id AND l.reverses_line IS NULL
             JOIN products p ON p.product_id = l.product_id AND p.is_product = 1
             WHERE EXISTS (SELECT 1 FROM products q WHERE q.category = p.category AND q.tier > p.tier)`,
          ),
        );
        expect(c.progressEvents).toBe(
          num(db, "SELECT count(*) FROM events WHERE type IN ('usage', 'milestone', 'loyalty_tier_reached')"),
        );
        expect(c.progressEvents).toBeGreaterThan(0);
      } else {
        expect(c.families).toBe(
          num(
            db,
            'SELECT count(DISTINCT a.family) FROM products a JOIN products b ON a.family = b.family AND a.product_id < b.product_id',
          ),
        );
        expect(c.familyOwners).toBe(
          num(
            db,
            `SELECT count(*) FROM customers c WHERE EXISTS (
               SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.order_id AND l.reverses_line IS NULL
               JOIN products p ON p.product_id = l.product_id AND p.is_product = 1 AND p.family IS NOT NULL
               WHERE o.customer_id = c.customer_id
                 AND (SELECT count(*) FROM products f WHERE f.family = p.family AND f.is_product = 1) >= 2)`,
          ),
        );
      }
    } finally {
      db.close();
    }
  });
}

test('a small workspace with some of what each strategy needs is partly ready, and says what is missing', async () => {
  const db = createWorkspaceDb(await loadSqlJs(), 'Small shop');
  // Two tiers in one category but nobody bought the lower one; one family of two; three orders.
  db.run(`INSERT INTO products(product_id, name, category, family, tier) VALUES
    ('lamp-basic', 'Basic lamp', 'lamps', NULL, 1),
    ('lamp-pro', 'Pro lamp', 'lamps', NULL, 2),
    ('hub', 'Hub', 'smart', 'home', NULL),
    ('bulb', 'Bulb', 'smart', 'home', NULL),
    ('shipping', 'Shipping', NULL, NULL, NULL)`);
  db.run(`UPDATE products SET is_product = 0 WHERE product_id = 'shipping'`);
  db.run(`INSERT INTO orders(order_id, customer_id, ordered_at) VALUES
    ('o1', 'c1', '2026-01-01'), ('o2', 'c1', '2026-02-01'), ('o3', 'c2', '2026-02-03')`);
  db.run(`INSERT INTO order_lines(order_id, product_id, quantity) VALUES
    ('o1', 'hub', 1), ('o1', 'bulb', 2),
    ('o2', 'lamp-pro', 1), ('o2', 'shipping', 1),
    ('o3', 'bulb', 1), ('o3', 'bulb', 1)`);
  db.run(`INSERT INTO events(customer_id, occurred_at, type) VALUES ('c1', '2026-02-10', 'usage')`);
  const readiness = assessReadiness(db);
  db.close();

  const completion = strategy(readiness, 'completion');
  expect(completion.status).toBe('partly');
  expect(counts(completion)).toEqual({ multiItemOrders: 1, repeatCustomers: 1 });
  expect(completion.hint).toContain('customer ID');

  const evolution = strategy(readiness, 'evolution');
  expect(evolution.status).toBe('partly');
  expect(counts(evolution)).toEqual({ ladderCategories: 1, lowerTierBuyers: 0, progressEvents: 1 });
  expect(evolution.hint).toContain('lower tiers');

  const ecosystem = strategy(readiness, 'ecosystem');
  expect(ecosystem.status).toBe('partly');
  expect(counts(ecosystem)).toEqual({ families: 1, familyOwners: 2 });
  expect(ecosystem.hint).toContain('more orders');
});
