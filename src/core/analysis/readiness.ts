import type { Readiness, ReadinessStatus, StrategyReadiness } from './readiness-types';
import { queryValue, type Database } from '../store/sqlite';
import { STRATEGY_TITLES } from '../vocabulary';

/** Fewer multi-item orders than this make combinations too thin to trust. */
export const MIN_MULTI_ITEM_ORDERS = 100;
/** Fewer repeat customers than this make purchase sequences too thin to trust. */
export const MIN_REPEAT_CUSTOMERS = 50;
/** Fewer owners of part of a family than this leave too small an audience for expansion. */
export const MIN_FAMILY_OWNERS = 50;

const count = (db: Database, sql: string) => Number(queryValue(db, sql) ?? 0);

/** Lines of real products: not reversals, and products not marked as fees or shipping. */
const PRODUCT_LINES = `
  SELECT l.order_id, l.product_id FROM order_lines l
  LEFT JOIN products p ON p.product_id = l.product_id
  WHERE l.product_id IS NOT NULL AND l.reverses_line IS NULL AND coalesce(p.is_product, 1) = 1`;

/** Categories whose products span at least two distinct tiers, with their highest tier. */
const LADDERS = `
  SELECT category, max(tier) AS top FROM products
  WHERE tier IS NOT NULL AND category IS NOT NULL AND is_product = 1
  GROUP BY category HAVING count(DISTINCT tier) >= 2`;

/** Families with at least two products. */
const FAMILIES = `
  SELECT family FROM products WHERE family IS NOT NULL AND is_product = 1
  GROUP BY family HAVING count(*) >= 2`;

export const PROGRESS_EVENT_TYPES = ['usage', 'milestone', 'loyalty_tier_reached'] as const;

export function assessReadiness(db: Database): Readiness {
  return { strategies: [completion(db), evolution(db), ecosystem(db)] };
}

function completion(db: Database): StrategyReadiness {
  const multiItemOrders = count(
    db,
    `SELECT count(*) FROM (SELECT order_id FROM (${PRODUCT_LINES}) GROUP BY order_id HAVING count(DISTINCT product_id) >= 2)`,
  );
  const repeatCustomers = count(
    db,
    'SELECT count(*) FROM (SELECT customer_id FROM orders WHERE customer_id IS NOT NULL GROUP BY customer_id HAVING count(*) >= 2)',
  );
  const enoughOrders = multiItemOrders >= MIN_MULTI_ITEM_ORDERS;
  const enoughRepeats = repeatCustomers >= MIN_REPEAT_CUSTOMERS;
  const status: ReadinessStatus =
    enoughOrders && enoughRepeats ? 'ready' : multiItemOrders > 0 || repeatCustomers > 0 ? 'partly' : 'not-ready';
  const hints: string[] = [];
  if (!enoughOrders)
    hints.push(
      'Import order lines (one row per product in an order, with the order number) so products bought together show up.',
    );
  if (!enoughRepeats)
    hints.push('Import orders that carry a customer ID, over a long enough period to see customers come back.');
  return {
    strategy: 'completion',
    title: STRATEGY_TITLES.completion,
    status,
    counts: [
      { key: 'multiItemOrders', label: 'Orders with 2+ products', value: multiItemOrders },
      { key: 'repeatCustomers', label: 'Customers with 2+ orders', value: repeatCustomers },
    ],
    importKind: !enoughOrders ? 'order_lines' : !enoughRepeats ? 'orders' : null,
    needs: `Finding what completes a purchase needs at least ${MIN_MULTI_ITEM_ORDERS} orders holding two or more different products, and at least ${MIN_REPEAT_CUSTOMERS} customers who ordered more than once, so that pairs and sequences are more than chance.`,
    hint: hints.length ? hints.join(' ') : null,
  };
}

function evolution(db: Database): StrategyReadiness {
  const ladderCategories = count(db, `SELECT count(*) FROM (${LADDERS})`);
  const tieredProducts = count(db, 'SELECT count(*) FROM products WHERE tier IS NOT NULL AND is_product = 1');
  const lowerTierBuyers = count(
    db,
    `SELECT count(DISTINCT o.customer_id) FROM (${PRODUCT_LINES}) l
     JOIN orders o ON o.order_id = l.order_id
     JOIN products p ON p.product_id = l.product_id
     JOIN (${LADDERS}) ladder ON ladder.category = p.category
     WHERE o.customer_id IS NOT NULL AND p.tier < ladder.top`,
  );
  const progressEvents = count(
    db,
    `SELECT count(*) FROM events WHERE type IN (${PROGRESS_EVENT_TYPES.map((t) => `'${t}'`).join(', ')})`,
  );
  const ladders = ladderCategories > 0 && lowerTierBuyers > 0;
  const status: ReadinessStatus = ladders ? 'ready' : progressEvents > 0 || tieredProducts > 0 ? 'partly' : 'not-ready';
  const hints: string[] = [];
  if (!ladders && tieredProducts === 0)
    hints.push(
      'Import a product file with a tier column (1 for entry level, higher for more advanced), or map an existing column to tier.',
    );
  else if (!ladders)
    hints.push(
      'Give products in the same category at least two different tiers, and import orders of the lower tiers, so there is a next step to suggest.',
    );
  if (!ladders && progressEvents === 0)
    hints.push('Usage, milestone or loyalty-tier events would also show who is ready to move up.');
  return {
    strategy: 'evolution',
    title: STRATEGY_TITLES.evolution,
    status,
    counts: [
      { key: 'ladderCategories', label: 'Categories with 2+ tiers', value: ladderCategories },
      { key: 'lowerTierBuyers', label: 'Customers who bought a lower tier', value: lowerTierBuyers },
      { key: 'progressEvents', label: 'Usage and progress events', value: progressEvents },
    ],
    importKind: ladders ? null : tieredProducts === 0 ? 'products' : 'order_lines',
    needs:
      'Suggesting the next step up needs products ranked by tier in at least one category with two or more tiers, and customers who bought one of the lower tiers. Usage, milestone and loyalty-tier events alone give a partial picture: they show who is advancing, but not what to offer.',
    hint: hints.length ? hints.join(' ') : null,
  };
}

function ecosystem(db: Database): StrategyReadiness {
  const families = count(db, `SELECT count(*) FROM (${FAMILIES})`);
  const familyOwners = count(
    db,
    `SELECT count(DISTINCT o.customer_id) FROM (${PRODUCT_LINES}) l
     JOIN orders o ON o.order_id = l.order_id
     JOIN products p ON p.product_id = l.product_id
     WHERE o.customer_id IS NOT NULL AND p.family IN (${FAMILIES})`,
  );
  const enoughOwners = familyOwners >= MIN_FAMILY_OWNERS;
  const status: ReadinessStatus = families > 0 && enoughOwners ? 'ready' : families > 0 ? 'partly' : 'not-ready';
  let hint: string | null = null;
  if (families === 0)
    hint =
      'Import a product file with a family column naming the range each product belongs to, or map an existing column to family.';
  else if (!enoughOwners)
    hint = 'Import more orders with customer IDs, so that enough customers are seen owning part of a family.';
  return {
    strategy: 'ecosystem',
    title: STRATEGY_TITLES.ecosystem,
    status,
    counts: [
      { key: 'families', label: 'Families of 2+ products', value: families },
      { key: 'familyOwners', label: 'Customers owning part of a family', value: familyOwners },
    ],
    importKind: families === 0 ? 'products' : !enoughOwners ? 'order_lines' : null,
    needs: `Offering the missing pieces of a range needs at least one product family of two or more products, and at least ${MIN_FAMILY_OWNERS} customers who own some of it, enough for a worthwhile audience.`,
    hint,
  };
}
