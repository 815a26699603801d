import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { DEMO_EVENT_TYPES, generateDemoWorkspace } from '../../src/core/demo';
import { queryAll, queryValue, type Database } from '../../src/core/store/sqlite';
import { INDUSTRIES, type Industry } from '../../src/core/store/workspace-types';

const num = (db: Database, sql: string) => Number(queryValue(db, sql));

/** Orders a shop's customers placed for themselves and kept (not gifts, not cancelled). */
const OWN_ORDERS = "o.is_gift = 0 AND o.status != 'cancelled'";

function monthlyOrders(db: Database): Map<string, number> {
  const rows = queryAll<{ month: string; n: number }>(
    db,
    'SELECT substr(ordered_at, 1, 7) AS month, count(*) AS n FROM orders GROUP BY month',
  );
  return new Map(rows.map((r) => [r.month, r.n]));
}

const average = (months: Map<string, number>, keys: string[]) =>
  keys.reduce((sum, k) => sum + (months.get(k) ?? 0), 0) / keys.length;

for (const industry of INDUSTRIES) {
  test.describe(`the ${industry} demo`, () => {
    let db: Database;
    test.beforeAll(async () => {
      db = generateDemoWorkspace(await loadSqlJs(), industry);
    });
    test.afterAll(() => db?.close());

    test('has about 5,000 customers and 50,000 order lines over 18 months', () => {
      expect(num(db, 'SELECT count(*) FROM customers')).toBe(5_000);
      const lines = num(db, 'SELECT count(*) FROM order_lines');
      expect(lines).toBeGreaterThan(45_000);
      expect(lines).toBeLessThan(55_000);
      expect(String(queryValue(db, 'SELECT min(ordered_at) FROM orders'))).toMatch(/^2025-05-0[1-7]T/);
      expect(String(queryValue(db, 'SELECT max(ordered_at) FROM orders'))).toMatch(/^2026-10-(2\d|3[01])T/);
      expect(monthlyOrders(db).size).toBe(18);
      const badStamps = num(
        db,
        `SELECT count(*) FROM orders WHERE ordered_at NOT GLOB '20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]'`,
      );
      expect(badStamps).toBe(0);
    });

    test('is named, records where its rows came from, and keeps every row linked', () => {
      expect(queryValue(db, "SELECT value FROM meta WHERE key = 'name'")).toMatch(/\(demo\)$/);
      expect(queryValue(db, "SELECT value FROM meta WHERE key = 'demo'")).toBe(industry);
      const imports = queryAll<{ import_id: number; kind: string; file_name: string; rows_imported: number }>(
        db,
        'SELECT * FROM imports',
      );
      expect(imports).toHaveLength(1);
      expect(imports[0]).toMatchObject({ kind: 'demo', file_name: `demo:${industry}` });
      for (const table of ['customers', 'products', 'orders', 'order_lines', 'events']) {
        expect(num(db, `SELECT count(*) FROM ${table} WHERE import_id IS NOT ${imports[0].import_id}`), table).toBe(0);
      }
      expect(num(db, 'SELECT count(*) FROM orders WHERE customer_id NOT IN (SELECT customer_id FROM customers)')).toBe(
        0,
      );
      expect(
        num(db, 'SELECT count(*) FROM order_lines WHERE product_id NOT IN (SELECT product_id FROM products)'),
      ).toBe(0);
      expect(num(db, 'SELECT count(*) FROM order_lines WHERE order_id NOT IN (SELECT order_id FROM orders)')).toBe(0);
    });

    test('has a believable catalog: ratings, reviews, a few sold out, some just launched', () => {
      const products = num(db, 'SELECT count(*) FROM products WHERE is_product = 1');
      expect(products).toBeGreaterThan(30);
      expect(
        num(db, 'SELECT count(*) FROM products WHERE rating < 1 OR rating > 5 OR round(rating, 1) != rating'),
      ).toBe(0);
      expect(num(db, 'SELECT count(*) FROM products WHERE review_count IS NULL OR review_count < 0')).toBe(0);
      const soldOut = num(db, 'SELECT count(*) FROM products WHERE in_stock = 0');
      expect(soldOut).toBeGreaterThan(0);
      expect(soldOut).toBeLessThan(products / 4);
      expect(num(db, "SELECT count(*) FROM products WHERE launched_at >= '2026-09-01'")).toBeGreaterThanOrEqual(2);
      // New products sell in their launch window, and nothing sells before its launch.
      expect(
        num(
          db,
          `SELECT count(*) FROM order_lines l JOIN orders o USING (order_id) JOIN products p USING (product_id)
                 WHERE p.launched_at >= '2026-09-01' AND o.ordered_at >= p.launched_at`,
        ),
      ).toBeGreaterThan(50);
      expect(
        num(
          db,
          `SELECT count(*) FROM order_lines l JOIN orders o USING (order_id) JOIN products p USING (product_id)
                 WHERE o.ordered_at < p.launched_at`,
        ),
      ).toBe(0);
    });

    test('has customers with unique example addresses, mixed consent and loyalty tiers', () => {
      expect(num(db, 'SELECT count(DISTINCT email) FROM customers')).toBe(5_000);
      expect(
        num(
          db,
          "SELECT count(*) FROM customers WHERE email != lower(email) OR email NOT GLOB '*@example.[cno][oer][mtg]'",
        ),
      ).toBe(0);
      const emailOptIn = num(db, 'SELECT avg(email_opt_in) FROM customers');
      const smsOptIn = num(db, 'SELECT avg(sms_opt_in) FROM customers');
      expect(emailOptIn).toBeGreaterThan(0.4);
      expect(emailOptIn).toBeLessThan(0.85);
      expect(smsOptIn).toBeGreaterThan(0.05);
      expect(smsOptIn).toBeLessThan(emailOptIn);
      const tiers = queryAll<{ loyalty_tier: string }>(
        db,
        'SELECT DISTINCT loyalty_tier FROM customers ORDER BY 1',
      ).map((r) => r.loyalty_tier);
      expect(tiers).toEqual(['bronze', 'gold', 'silver']);
      expect(
        num(
          db,
          'SELECT count(*) FROM customers WHERE first_name IS NULL OR phone IS NULL OR birthday IS NULL OR country IS NULL',
        ),
      ).toBe(0);
    });

    test('has gift orders, concentrated in December', () => {
      const giftShare = (where: string) => num(db, `SELECT avg(is_gift) FROM orders WHERE ${where}`);
      const december = giftShare("substr(ordered_at, 6, 2) = '12'");
      const rest = giftShare("substr(ordered_at, 6, 2) != '12'");
      expect(rest).toBeGreaterThan(0);
      expect(december).toBeGreaterThan(3 * rest);
    });

    test('has mostly completed orders, some returned with lines that reverse a purchase, some cancelled', () => {
      const statuses = new Map(
        queryAll<{ status: string; share: number }>(
          db,
          'SELECT status, count(*) * 1.0 / (SELECT count(*) FROM orders) AS share FROM orders GROUP BY status',
        ).map((r) => [r.status, r.share]),
      );
      expect(statuses.get('completed')).toBeGreaterThan(0.85);
      expect(statuses.get('returned')).toBeGreaterThan(0.01);
      expect(statuses.get('cancelled')).toBeGreaterThan(0.005);
      const returns = num(db, 'SELECT count(*) FROM order_lines WHERE quantity < 0');
      expect(returns).toBeGreaterThan(100);
      const matched = num(
        db,
        `SELECT count(*) FROM order_lines r JOIN order_lines l ON l.line_id = r.reverses_line
         WHERE r.quantity < 0 AND l.order_id = r.order_id AND l.product_id = r.product_id AND l.quantity = -r.quantity`,
      );
      expect(matched).toBe(returns);
      expect(num(db, 'SELECT count(*) FROM order_lines WHERE discount > 0')).toBeGreaterThan(1_000);
    });

    test('has every kind of behaviour event, timed around the orders', () => {
      const types = new Set(queryAll<{ type: string }>(db, 'SELECT DISTINCT type FROM events').map((r) => r.type));
      for (const type of DEMO_EVENT_TYPES) expect(types, type).toContain(type);
      // Most online orders follow a look at, or a cart with, one of the products bought.
      const browsedFirst = num(
        db,
        `SELECT avg(EXISTS (
           SELECT 1 FROM order_lines l CROSS JOIN events e ON e.customer_id = o.customer_id AND e.product_id = l.product_id
           WHERE l.order_id = o.order_id AND e.type IN ('browse_view', 'cart_add')
             AND e.occurred_at < o.ordered_at AND e.occurred_at >= datetime(o.ordered_at, '-3 days')))
         FROM orders o WHERE o.channel != 'store'`,
      );
      expect(browsedFirst).toBeGreaterThan(0.5);
      const abandonedAfterCart = num(
        db,
        `SELECT avg(EXISTS (
           SELECT 1 FROM events c WHERE c.customer_id = a.customer_id AND c.product_id = a.product_id AND c.type = 'cart_add'
             AND c.occurred_at < a.occurred_at AND c.occurred_at >= datetime(a.occurred_at, '-3 hours')))
         FROM events a WHERE a.type = 'cart_abandoned'`,
      );
      expect(abandonedAfterCart).toBeGreaterThan(0.95);
      const resolvedWithinDays = num(
        db,
        `SELECT avg(EXISTS (
           SELECT 1 FROM events s WHERE s.customer_id = r.customer_id AND s.product_id = r.product_id AND s.type = 'support_opened'
             AND s.occurred_at < r.occurred_at AND s.occurred_at >= datetime(r.occurred_at, '-7 days')))
         FROM events r WHERE r.type = 'support_resolved'`,
      );
      expect(resolvedWithinDays).toBeGreaterThan(0.95);
      expect(
        num(
          db,
          "SELECT count(*) FROM events WHERE type LIKE 'email_%' AND customer_id IN (SELECT customer_id FROM customers WHERE email_opt_in = 0)",
        ),
      ).toBe(0);
      expect(
        num(db, "SELECT count(*) FROM events WHERE type = 'usage' AND (value IS NULL OR limit_value IS NULL)"),
      ).toBe(0);
      expect(
        num(db, "SELECT count(*) FROM events WHERE occurred_at < '2025-05-01' OR occurred_at >= '2026-11-01'"),
      ).toBe(0);
    });

    test('follows its seasons', () => {
      const months = monthlyOrders(db);
      if (industry === 'running') {
        // A spring running season: more orders than the summer that follows.
        expect(average(months, ['2026-03', '2026-04', '2026-05'])).toBeGreaterThan(
          1.15 * average(months, ['2026-07', '2026-08']),
        );
      } else {
        const q4 = average(months, ['2025-10', '2025-11', '2025-12']);
        const summer = average(months, ['2025-06', '2025-07', '2025-08', '2026-06', '2026-07', '2026-08']);
        expect(q4).toBeGreaterThan(1.3 * summer);
      }
    });

    test('shows the pattern of its strategy', () => {
      PLANTED_PATTERNS[industry](db);
    });
  });
}

const PLANTED_PATTERNS: Record<Industry, (db: Database) => void> = {
  beauty(db) {
    // Bought a cleanser first, later bought a toner or serum: far more often than customers in general.
    const [row] = queryAll<{ conf: number; base: number; starters: number }>(
      db,
      `WITH firsts AS (
         SELECT customer_id, min(ordered_at) AS first_at FROM orders o WHERE ${OWN_ORDERS} GROUP BY customer_id),
       repeat AS (
         SELECT f.* FROM firsts f WHERE EXISTS (
           SELECT 1 FROM orders o WHERE o.customer_id = f.customer_id AND o.ordered_at > f.first_at AND ${OWN_ORDERS})),
       flags AS (
         SELECT
           EXISTS (SELECT 1 FROM orders o JOIN order_lines l USING (order_id) JOIN products p USING (product_id)
                   WHERE o.customer_id = r.customer_id AND o.ordered_at = r.first_at AND p.category = 'Cleanser') AS a,
           EXISTS (SELECT 1 FROM orders o JOIN order_lines l USING (order_id) JOIN products p USING (product_id)
                   WHERE o.customer_id = r.customer_id AND o.ordered_at > r.first_at AND ${OWN_ORDERS}
                     AND l.quantity > 0 AND p.category IN ('Toner', 'Serum')) AS b
         FROM repeat r)
       SELECT avg(b) FILTER (WHERE a) AS conf, avg(b) AS base, sum(a) AS starters FROM flags`,
    );
    expect(row.starters).toBeGreaterThan(500);
    expect(row.conf / row.base).toBeGreaterThan(1.5);

    // Cleanser and toner in the same order.
    const together = num(
      db,
      `WITH has AS (SELECT DISTINCT l.order_id, p.category FROM order_lines l JOIN products p USING (product_id) WHERE l.quantity > 0)
       SELECT (SELECT count(*) FROM has a JOIN has b ON a.order_id = b.order_id AND a.category = 'Cleanser' AND b.category = 'Toner') * 1.0
            * (SELECT count(DISTINCT order_id) FROM has)
            / ((SELECT count(*) FROM has WHERE category = 'Cleanser') * (SELECT count(*) FROM has WHERE category = 'Toner'))`,
    );
    expect(together).toBeGreaterThan(1.5);
  },

  running(db) {
    expect(num(db, "SELECT count(DISTINCT tier) FROM products WHERE family = 'Road shoes'")).toBe(3);
    expect(num(db, "SELECT count(*) FROM events WHERE type = 'milestone'")).toBeGreaterThan(100);
    // After a shoe passes 75 % of its mileage limit, its runner buys the next tier up in the same family.
    const upgradeRate = (nearLimit: boolean) =>
      queryAll<{ runners: number; rate: number }>(
        db,
        `WITH usage AS (
           SELECT customer_id, product_id, min(occurred_at) AS first_at,
                  min(occurred_at) FILTER (WHERE value >= 0.75 * limit_value) AS near_at
           FROM events WHERE type = 'usage' GROUP BY customer_id, product_id),
         tracked AS (
           SELECT u.customer_id, ${nearLimit ? 'u.near_at' : 'u.first_at'} AS since, p.family, p.tier
           FROM usage u JOIN products p USING (product_id)
           WHERE p.tier < 3 AND ${nearLimit ? 'u.near_at IS NOT NULL' : 'u.customer_id NOT IN (SELECT customer_id FROM usage WHERE near_at IS NOT NULL)'})
         SELECT count(*) AS runners, avg(EXISTS (
           SELECT 1 FROM orders o JOIN order_lines l USING (order_id) JOIN products q USING (product_id)
           WHERE o.customer_id = t.customer_id AND o.ordered_at > t.since AND ${OWN_ORDERS}
             AND l.quantity > 0 AND q.family = t.family AND q.tier > t.tier)) AS rate
         FROM tracked t`,
      )[0];
    const near = upgradeRate(true);
    const far = upgradeRate(false);
    expect(near.runners).toBeGreaterThan(300);
    expect(far.runners).toBeGreaterThan(50);
    expect(near.rate).toBeGreaterThan(0.25);
    expect(near.rate).toBeGreaterThan(3 * far.rate);
  },

  lighting(db) {
    const families = queryAll<{ family: string; members: number }>(
      db,
      'SELECT family, count(*) AS members FROM products WHERE family IS NOT NULL GROUP BY family',
    );
    expect(families.length).toBeGreaterThanOrEqual(3);
    expect(families.every((f) => f.members >= 5)).toBe(true);
    const ownsSeveral = num(
      db,
      `WITH owned AS (
         SELECT o.customer_id, p.family, count(DISTINCT p.product_id) AS members
         FROM orders o JOIN order_lines l USING (order_id) JOIN products p USING (product_id)
         WHERE p.family IS NOT NULL AND l.quantity > 0 AND ${OWN_ORDERS} GROUP BY 1, 2)
       SELECT avg(members >= 2) FROM owned`,
    );
    expect(ownsSeveral).toBeGreaterThan(0.6);
    // Starter-kit owners who come back add other members of the kit's family.
    const addsMembers = num(
      db,
      `WITH kits AS (
         SELECT o.customer_id, p.family, min(o.ordered_at) AS bought
         FROM orders o JOIN order_lines l USING (order_id) JOIN products p USING (product_id)
         WHERE p.category = 'Starter kits' AND ${OWN_ORDERS} GROUP BY 1, 2),
       came_back AS (
         SELECT k.* FROM kits k WHERE EXISTS (
           SELECT 1 FROM orders o WHERE o.customer_id = k.customer_id AND o.ordered_at > k.bought AND ${OWN_ORDERS}))
       SELECT avg(EXISTS (
         SELECT 1 FROM orders o JOIN order_lines l USING (order_id) JOIN products p USING (product_id)
         WHERE o.customer_id = r.customer_id AND o.ordered_at > r.bought AND ${OWN_ORDERS}
           AND p.family = r.family AND p.category != 'Starter kits' AND l.quantity > 0))
       FROM came_back r`,
    );
    expect(addsMembers).toBeGreaterThan(0.7);
    expect(num(db, "SELECT count(*) FROM events WHERE type = 'usage' AND value >= 0.75 * limit_value")).toBeGreaterThan(
      0,
    );
  },
};
