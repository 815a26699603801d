import { MOMENT_IDS, type PlanMomentId } from '../plan/plan-document';
import { queryAll, type Database, type SqlValue } from '../store/sqlite';
import { MOMENT_TITLES } from '../vocabulary';
import { dayOf, resolveAsOf, stampOf } from './as-of';
import { LINE_IS_PURCHASE, LINE_KEPT, ORDER_STANDS, UNIX_EPOCH_JULIAN_DAY } from './purchases';
import { requireDatedOrders } from './unavailable';
import { page, percent, SAMPLE_SIZE, type Page, type PageRequest } from './stats';

/**
 * Moment audiences: who is in each customer moment at a chosen instant ("as of"). Every window
 * ends just before that instant and reaches back the given hours or days. Orders count when
 * they are not cancelled.
 */

/** The moments are declared once, with the plan document that names them. */
export type MomentId = PlanMomentId;
export { MOMENT_IDS };

export interface Season {
  name: string;
  /** 'MM-DD' on which the season begins each year. */
  start: string;
  /** Categories bought for this season; when left out, they are worked out from the season's sales. */
  categories?: string[];
}

export interface MomentParams {
  /** Default: just after the latest order or event. */
  asOf?: string;
  postPurchaseHours?: number;
  browseViews?: number;
  browseWindowDays?: number;
  cartAbandonmentHours?: number;
  supportResolutionHours?: number;
  loyaltyDays?: number;
  usageShare?: number;
  usageDays?: number;
  launchDays?: number;
  giftDays?: number;
  seasons?: Season[];
  seasonTransitionDays?: number;
  /** A category is seasonal when its share of a season's purchases is at least this many times its share over the year before. */
  seasonalLift?: number;
}

export const DEFAULT_SEASONS: readonly Season[] = [
  { name: 'Spring', start: '03-01' },
  { name: 'Summer', start: '06-01' },
  { name: 'Autumn', start: '09-01' },
  { name: 'Winter', start: '12-01' },
];

/** The playbook's windows and thresholds. */
export const MOMENT_DEFAULTS = {
  postPurchaseHours: 48,
  browseViews: 3,
  browseWindowDays: 7,
  cartAbandonmentHours: 4,
  supportResolutionHours: 24,
  loyaltyDays: 7,
  usageShare: 0.75,
  usageDays: 30,
  launchDays: 30,
  giftDays: 30,
  seasons: DEFAULT_SEASONS,
  seasonTransitionDays: 30,
  seasonalLift: 1.2,
} as const;

type Settings = Omit<typeof MOMENT_DEFAULTS, 'seasons'> & { seasons: readonly Season[] };

export interface MomentAudience {
  moment: MomentId;
  label: string;
  count: number;
  /** The first customer ids in id order. */
  sampleCustomerIds: string[];
  /** The window and thresholds this moment used. */
  parameters: Record<string, number | string | string[] | null>;
  explanation: string;
}

export interface MomentsResult {
  asOf: string | null;
  moments: MomentAudience[];
  explanation: string;
}

interface Found {
  ids: string[];
  parameters: MomentAudience['parameters'];
  /** What the audience is, for the explanation ("who ordered in the last 48 hours"). */
  who: string;
}

const HOUR = 1 / 24;
const ids = (db: Database, sql: string, params: SqlValue[]) =>
  queryAll<{ customer_id: string }>(db, sql, params).map((r) => r.customer_id);

const STANDING_PURCHASE = `FROM orders o JOIN order_lines l ON l.order_id = o.order_id LEFT JOIN products p ON p.product_id = l.product_id
  WHERE ${ORDER_STANDS} AND ${LINE_IS_PURCHASE}`;

/** Customers with an event of one of `types` in [from, to). */
function eventAudience(db: Database, types: string[], from: number, to: number): string[] {
  return ids(
    db,
    `SELECT DISTINCT customer_id FROM events WHERE type IN (${types.map(() => '?').join(', ')})
     AND occurred_at >= ? AND occurred_at < ? AND customer_id IS NOT NULL ORDER BY customer_id`,
    [...types, stampOf(from), stampOf(to)],
  );
}

/** Results a run over several instants can reuse: the seasonal categories of a season, by its dates. */
type Memo = Map<string, string[]>;

const MOMENTS: Record<MomentId, { find(db: Database, now: number, s: Settings, memo: Memo): Found }> = {
  'post-purchase': {
    find(db, now, s) {
      const from = now - s.postPurchaseHours * HOUR;
      return {
        ids: ids(
          db,
          `SELECT DISTINCT o.customer_id FROM orders o WHERE o.ordered_at >= ? AND o.ordered_at < ? AND o.customer_id IS NOT NULL AND ${ORDER_STANDS}
           ORDER BY o.customer_id`,
          [stampOf(from), stampOf(now)],
        ),
        parameters: { windowHours: s.postPurchaseHours },
        who: `who placed an order in the last ${s.postPurchaseHours} hours`,
      };
    },
  },
  browse: {
    find(db, now, s) {
      const from = stampOf(now - s.browseWindowDays);
      const to = stampOf(now);
      const views = `FROM events e JOIN products p ON p.product_id = e.product_id
        WHERE e.type = 'browse_view' AND e.occurred_at >= ? AND e.occurred_at < ? AND e.customer_id IS NOT NULL`;
      return {
        ids: ids(
          db,
          `SELECT DISTINCT b.customer_id FROM (
             SELECT e.customer_id, 'product' AS kind, e.product_id AS item ${views} GROUP BY e.customer_id, e.product_id HAVING count(*) >= ?
             UNION
             SELECT e.customer_id, 'category', p.category ${views} AND p.category IS NOT NULL GROUP BY e.customer_id, p.category HAVING count(*) >= ?
           ) b
           WHERE NOT EXISTS (
             SELECT 1 ${STANDING_PURCHASE} AND o.customer_id = b.customer_id AND o.ordered_at >= ? AND o.ordered_at < ?
               AND (CASE b.kind WHEN 'product' THEN l.product_id = b.item ELSE p.category = b.item END))
           ORDER BY b.customer_id`,
          [from, to, s.browseViews, from, to, s.browseViews, from, to],
        ),
        parameters: { minViews: s.browseViews, windowDays: s.browseWindowDays },
        who: `who viewed the same product or category at least ${s.browseViews} times in the last ${s.browseWindowDays} days without buying it`,
      };
    },
  },
  'cart-abandonment': {
    find(db, now, s) {
      const from = stampOf(now - s.cartAbandonmentHours * HOUR);
      const to = stampOf(now);
      return {
        ids: ids(
          db,
          `SELECT DISTINCT e.customer_id FROM events e
           WHERE e.type IN ('cart_abandoned', 'cart_add') AND e.occurred_at >= ? AND e.occurred_at < ? AND e.customer_id IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = e.customer_id AND o.ordered_at >= e.occurred_at AND o.ordered_at < ? AND ${ORDER_STANDS})
           ORDER BY e.customer_id`,
          [from, to, to],
        ),
        parameters: { windowHours: s.cartAbandonmentHours },
        who: `who abandoned a cart, or added to one, in the last ${s.cartAbandonmentHours} hours and have not ordered since`,
      };
    },
  },
  'support-resolution': {
    find(db, now, s) {
      return {
        ids: eventAudience(db, ['support_resolved'], now - s.supportResolutionHours * HOUR, now),
        parameters: { windowHours: s.supportResolutionHours },
        who: `whose support case was resolved in the last ${s.supportResolutionHours} hours`,
      };
    },
  },
  'loyalty-milestone': {
    find(db, now, s) {
      return {
        ids: eventAudience(db, ['loyalty_tier_reached'], now - s.loyaltyDays, now),
        parameters: { windowDays: s.loyaltyDays },
        who: `who reached a new loyalty tier in the last ${s.loyaltyDays} days`,
      };
    },
  },
  'usage-milestone': {
    find(db, now, s) {
      const from = stampOf(now - s.usageDays);
      const to = stampOf(now);
      return {
        ids: ids(
          db,
          // SQLite fills the other columns of a max() aggregate from the row holding the maximum: the latest reading.
          `SELECT DISTINCT customer_id FROM (
             SELECT customer_id, value, limit_value, max(occurred_at) FROM events
             WHERE type = 'usage' AND occurred_at >= ? AND occurred_at < ? AND customer_id IS NOT NULL
             GROUP BY customer_id, product_id)
           WHERE limit_value > 0 AND value >= ? * limit_value
           ORDER BY customer_id`,
          [from, to, s.usageShare],
        ),
        parameters: { minShareOfLimit: s.usageShare, windowDays: s.usageDays },
        who: `whose latest usage reading in the last ${s.usageDays} days reached ${percent(s.usageShare)} of its limit`,
      };
    },
  },
  launch: {
    find(db, now, s) {
      const to = stampOf(now);
      const launches = queryAll<{ product_id: string; category: string }>(
        db,
        `SELECT product_id, category FROM products WHERE is_product = 1 AND category IS NOT NULL
         AND julianday(launched_at) - ${UNIX_EPOCH_JULIAN_DAY} > ? AND julianday(launched_at) - ${UNIX_EPOCH_JULIAN_DAY} <= ? ORDER BY product_id`,
        [now - s.launchDays, now],
      );
      // One launch at a time, as "bought in the category" minus "owns the launch": far cheaper than NOT EXISTS per line.
      const audience = new Set<string>();
      for (const { product_id: launch, category } of launches) {
        const found = ids(
          db,
          `SELECT o.customer_id FROM products p CROSS JOIN order_lines l ON l.product_id = p.product_id CROSS JOIN orders o ON o.order_id = l.order_id
           WHERE p.category = ? AND p.product_id <> ? AND p.is_product = 1 AND o.customer_id IS NOT NULL AND o.ordered_at < ?
             AND ${ORDER_STANDS} AND ${LINE_KEPT}
           EXCEPT
           SELECT o.customer_id FROM order_lines l CROSS JOIN orders o ON o.order_id = l.order_id
           WHERE l.product_id = ? AND o.ordered_at < ? AND ${ORDER_STANDS} AND ${LINE_KEPT}`,
          [category, launch, to, launch, to],
        );
        for (const id of found) audience.add(id);
      }
      return {
        ids: [...audience].sort(),
        parameters: { windowDays: s.launchDays, launchedProducts: launches.map((l) => l.product_id) },
        who: `who bought in the category of a product launched in the last ${s.launchDays} days and do not own it yet`,
      };
    },
  },
  'gift-order': {
    find(db, now, s) {
      return {
        ids: ids(
          db,
          `SELECT DISTINCT o.customer_id FROM orders o WHERE o.is_gift = 1 AND o.ordered_at >= ? AND o.ordered_at < ?
           AND o.customer_id IS NOT NULL AND ${ORDER_STANDS} ORDER BY o.customer_id`,
          [stampOf(now - s.giftDays), stampOf(now)],
        ),
        parameters: { windowDays: s.giftDays },
        who: `who placed a gift order in the last ${s.giftDays} days`,
      };
    },
  },
  'seasonal-transition': {
    find(db, now, s, memo) {
      const { current, previous, currentStart, previousStart } = seasonAt(s.seasons, now);
      const parameters = {
        season: current.name,
        previousSeason: previous.name,
        transitionDays: s.seasonTransitionDays,
        seasonStart: stampOf(currentStart).slice(0, 10),
      };
      if (now - currentStart > s.seasonTransitionDays) {
        return {
          ids: [],
          parameters: { ...parameters, categories: [] },
          who: `(none: ${current.name} began more than ${s.seasonTransitionDays} days ago)`,
        };
      }
      const key = `${previousStart}/${currentStart}/${s.seasonalLift}`;
      const categories =
        previous.categories ?? memo.get(key) ?? seasonalCategories(db, previousStart, currentStart, s.seasonalLift);
      memo.set(key, categories);
      return {
        ids: ids(
          db,
          `SELECT DISTINCT o.customer_id ${STANDING_PURCHASE} AND o.ordered_at >= ? AND o.ordered_at < ? AND o.customer_id IS NOT NULL
             AND p.category IN (SELECT value FROM json_each(?)) ORDER BY o.customer_id`,
          [stampOf(previousStart), stampOf(currentStart), JSON.stringify(categories)],
        ),
        parameters: { ...parameters, categories },
        who: `who bought ${previous.name.toLowerCase()} categories (${categories.join(', ') || 'none found'}) last ${previous.name.toLowerCase()}, now that ${current.name.toLowerCase()} has begun`,
      };
    },
  },
};

/** The season `now` falls in and the one before it, with the days their latest occurrences began. */
function seasonAt(seasons: readonly Season[], now: number) {
  if (seasons.length < 2) throw new RangeError('Give at least two seasons.');
  const year = new Date(now * 86_400_000).getUTCFullYear();
  const starts = [year - 1, year]
    .flatMap((y) => seasons.map((season) => ({ season, day: dayOf(`${y}-${season.start}`) })))
    .filter((s) => s.day <= now)
    .sort((a, b) => a.day - b.day);
  const [previous, current] = starts.slice(-2);
  return { current: current.season, previous: previous.season, currentStart: current.day, previousStart: previous.day };
}

/** Categories whose share of purchases in [from, to) is at least `lift` times their share over the year before `to`. */
function seasonalCategories(db: Database, from: number, to: number, lift: number): string[] {
  if (queryAll(db, 'SELECT 1 FROM products WHERE category IS NOT NULL LIMIT 1').length === 0) return [];
  return queryAll<{ category: string }>(
    db,
    `WITH bought AS (SELECT p.category, o.ordered_at >= ? AS in_season ${STANDING_PURCHASE}
                     AND o.ordered_at >= ? AND o.ordered_at < ? AND p.category IS NOT NULL),
          totals AS (SELECT sum(in_season) AS season, count(*) AS year FROM bought)
     SELECT category FROM bought, totals GROUP BY category
     HAVING sum(in_season) > 0 AND (1.0 * sum(in_season) / max(totals.season, 1)) >= ? * (1.0 * count(*) / totals.year)
     ORDER BY category`,
    [stampOf(from), stampOf(to - 365), stampOf(to), lift],
  ).map((r) => r.category);
}

function settingsOf(params: MomentParams): Settings {
  const { asOf: _asOf, ...rest } = params;
  return { ...MOMENT_DEFAULTS, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) };
}

function audience(db: Database, moment: MomentId, now: number, settings: Settings): MomentAudience {
  const { find } = MOMENTS[moment];
  const found = find(db, now, settings, new Map());
  return {
    moment,
    label: MOMENT_TITLES[moment],
    count: found.ids.length,
    sampleCustomerIds: found.ids.slice(0, SAMPLE_SIZE),
    parameters: found.parameters,
    explanation: found.ids.length ? `${found.ids.length} customers ${found.who}.` : `No customers ${found.who}.`,
  };
}

export function analyseMoments(db: Database, params: MomentParams = {}): MomentsResult {
  const asOf = resolveAsOf(db, params.asOf);
  if (asOf === null)
    requireDatedOrders(
      db,
      'customer moments cannot be found: each one looks back a number of hours or days from a date (who just bought, who has gone quiet, whose season is starting)',
    );
  const settings = settingsOf(params);
  return {
    asOf,
    moments: asOf === null ? [] : MOMENT_IDS.map((moment) => audience(db, moment, dayOf(asOf), settings)),
    explanation: `Who is in each customer moment as of ${asOf ?? 'the as-of date'}: the windows look back from that instant.`,
  };
}

/** Every customer in one moment, in id order, a page at a time. */
export function momentCustomers(
  db: Database,
  moment: MomentId,
  params: MomentParams = {},
  request: PageRequest = {},
): Page<string> {
  const asOf = resolveAsOf(db, params.asOf);
  return page(asOf === null ? [] : MOMENTS[moment].find(db, dayOf(asOf), settingsOf(params), new Map()).ids, request);
}

/** The moment's audience size on each of `days` days from `start` (each taken at the time of day of `start`). */
export function momentDailyCounts(
  db: Database,
  moment: MomentId,
  start: string,
  days = 30,
  params: Omit<MomentParams, 'asOf'> = {},
): { date: string; count: number }[] {
  const settings = settingsOf(params);
  const first = dayOf(start);
  const memo: Memo = new Map();
  return Array.from({ length: days }, (_, i) => ({
    date: stampOf(first + i).slice(0, 10),
    count: MOMENTS[moment].find(db, first + i, settings, memo).ids.length,
  }));
}
