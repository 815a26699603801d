import { resolveAsOf } from '../analysis/as-of';
import {
  analyseMoments,
  MOMENT_DEFAULTS,
  momentCustomers,
  momentDailyCounts,
  type MomentParams,
} from '../analysis/moments';
import { queryAll, type Database } from '../store/sqlite';
import { MOMENT_TITLES } from '../vocabulary';
import type { PlanDocument, PlanMomentId, StrategyId } from './plan-document';

/**
 * The moments a plan can start from: what each is, its default window or trigger, and the
 * strategies it suits. Setting names are those of the moment analysis, so a plan's
 * `moment.settings` apply to it as they are.
 */

type NumericSetting = {
  [K in keyof MomentParams]-?: NonNullable<MomentParams[K]> extends number ? K : never;
}[keyof MomentParams];

export interface MomentSetting {
  name: NumericSetting;
  label: string;
  unit: 'hours' | 'days' | 'views' | 'share' | 'times';
  default: number;
}

export interface MomentDefinition {
  id: PlanMomentId;
  title: string;
  explanation: string;
  /** The default trigger in words. */
  trigger: string;
  settings: MomentSetting[];
  strategies: StrategyId[];
}

const setting = (name: NumericSetting, label: string, unit: MomentSetting['unit']): MomentSetting => ({
  name,
  label,
  unit,
  default: MOMENT_DEFAULTS[name],
});

export const MOMENT_CATALOGUE: Record<PlanMomentId, MomentDefinition> = {
  'post-purchase': {
    id: 'post-purchase',
    title: MOMENT_TITLES['post-purchase'],
    explanation: 'Right after an order the customer is still thinking about it: the moment to offer what completes it.',
    trigger: 'An order was placed within the last 48 hours.',
    settings: [setting('postPurchaseHours', 'Hours after the order', 'hours')],
    strategies: ['completion', 'ecosystem'],
  },
  browse: {
    id: 'browse',
    title: MOMENT_TITLES.browse,
    explanation:
      'Someone who keeps coming back to the same product or category is weighing it up; a suggestion can help them decide.',
    trigger: 'The same product or category was viewed 3 or more times within 7 days without an order of it.',
    settings: [setting('browseViews', 'Views at least', 'views'), setting('browseWindowDays', 'Within days', 'days')],
    strategies: ['completion', 'evolution'],
  },
  'cart-abandonment': {
    id: 'cart-abandonment',
    title: MOMENT_TITLES['cart-abandonment'],
    explanation:
      'A cart left behind shows clear intent; a reminder with what goes with it can bring the customer back.',
    trigger: 'A cart was left, or added to, within the last 4 hours with no order since.',
    settings: [setting('cartAbandonmentHours', 'Hours since the cart', 'hours')],
    strategies: ['completion'],
  },
  'support-resolution': {
    id: 'support-resolution',
    title: MOMENT_TITLES['support-resolution'],
    explanation:
      'A problem solved well builds trust; shortly after is a good time to show what makes the product work even better.',
    trigger: 'A support case was resolved within the last 24 hours.',
    settings: [setting('supportResolutionHours', 'Hours since the resolution', 'hours')],
    strategies: ['ecosystem', 'evolution'],
  },
  'loyalty-milestone': {
    id: 'loyalty-milestone',
    title: MOMENT_TITLES['loyalty-milestone'],
    explanation:
      'Reaching a new loyalty tier marks a committed customer, open to stepping up or adding to what they own.',
    trigger: 'A new loyalty tier was reached within the last 7 days.',
    settings: [setting('loyaltyDays', 'Days since the tier was reached', 'days')],
    strategies: ['evolution', 'ecosystem'],
  },
  'usage-milestone': {
    id: 'usage-milestone',
    title: MOMENT_TITLES['usage-milestone'],
    explanation:
      'A product near the end of its life, or used to 75 % of its limit, is the natural time to suggest the next one.',
    trigger: 'The latest usage reading within 30 days reached 75 % of its limit.',
    settings: [
      setting('usageShare', 'Share of the limit', 'share'),
      setting('usageDays', 'Readings within days', 'days'),
    ],
    strategies: ['evolution'],
  },
  launch: {
    id: 'launch',
    title: MOMENT_TITLES.launch,
    explanation: 'A new product is news for customers who already buy in its category and do not own it yet.',
    trigger: 'A product in a category the customer buys was launched within the last 30 days.',
    settings: [setting('launchDays', 'Days since the launch', 'days')],
    strategies: ['evolution', 'ecosystem'],
  },
  'gift-order': {
    id: 'gift-order',
    title: MOMENT_TITLES['gift-order'],
    explanation: 'Someone who just bought a gift may want something to go with it, or something for themselves.',
    trigger: 'A gift order was placed within the last 30 days.',
    settings: [setting('giftDays', 'Days since the gift order', 'days')],
    strategies: ['completion'],
  },
  'seasonal-transition': {
    id: 'seasonal-transition',
    title: MOMENT_TITLES['seasonal-transition'],
    explanation:
      'When a season turns, last season’s buyers need what the new one calls for; the same holds when a customer’s needs change with time.',
    trigger:
      'A new season began within the last 30 days, for customers who bought seasonal categories in the season before.',
    settings: [
      setting('seasonTransitionDays', 'Days since the season began', 'days'),
      setting('seasonalLift', 'Seasonal categories sell at least this many times their usual share', 'times'),
    ],
    strategies: ['completion', 'evolution', 'ecosystem'],
  },
};

const SETTING_NAMES = new Set<string>(Object.values(MOMENT_CATALOGUE).flatMap((m) => m.settings.map((s) => s.name)));

/** The plan's changed windows and thresholds as moment-analysis parameters (unknown names are left out). */
export function momentSettings(plan: PlanDocument): Omit<MomentParams, 'asOf'> {
  return Object.fromEntries(Object.entries(plan.moment.settings).filter(([name]) => SETTING_NAMES.has(name)));
}

/**
 * The instant audiences are taken at: the start of the plan's start date, or just after the
 * workspace's latest activity when the plan has no date yet; null in an empty workspace.
 */
export function planAsOf(db: Database, plan: PlanDocument): string | null {
  return resolveAsOf(db, plan.moment.startDate === null ? undefined : `${plan.moment.startDate}T00:00:00`);
}

export interface AudienceCustomer {
  id: string;
  firstName: string | null;
  email: string | null;
}

export interface MomentAudienceView {
  moment: PlanMomentId;
  title: string;
  asOf: string;
  count: number;
  sample: AudienceCustomer[];
  /** The audience size on each of the 30 days from the start. */
  daily: { date: string; count: number }[];
  explanation: string;
}

export const AUDIENCE_SAMPLE_SIZE = 10;
export const TIMELINE_DAYS = 30;

export function audienceCustomers(db: Database, ids: readonly string[]): AudienceCustomer[] {
  if (ids.length === 0) return [];
  const known = new Map(
    queryAll<{ customer_id: string; first_name: string | null; email: string | null }>(
      db,
      'SELECT customer_id, first_name, email FROM customers WHERE customer_id IN (SELECT value FROM json_each(?))',
      [JSON.stringify(ids)],
    ).map((r) => [r.customer_id, r]),
  );
  return ids.map((id) => ({ id, firstName: known.get(id)?.first_name ?? null, email: known.get(id)?.email ?? null }));
}

/** Who is in the plan's moment as of its start date, and how the audience changes over the 30 days from it. */
export function momentAudience(db: Database, plan: PlanDocument): MomentAudienceView | null {
  const moment = plan.moment.id;
  const asOf = planAsOf(db, plan);
  if (moment === null || asOf === null) return null;
  const params = momentSettings(plan);
  const customers = momentCustomers(db, moment, { ...params, asOf }, { limit: AUDIENCE_SAMPLE_SIZE });
  const daily = momentDailyCounts(db, moment, asOf, TIMELINE_DAYS, params);
  const { title } = MOMENT_CATALOGUE[moment];
  const counts = daily.map((d) => d.count);
  return {
    moment,
    title,
    asOf,
    count: customers.total,
    sample: audienceCustomers(db, customers.items),
    daily,
    explanation: `${customers.total} customers are in “${title}” as of ${asOf.slice(0, 10)}; over the 30 days from then the audience ranges from ${Math.min(...counts)} to ${Math.max(...counts)} a day.`,
  };
}

/** The audience size of every moment as of the plan's start date, for the moment cards. */
export function momentCounts(db: Database, plan: PlanDocument): Record<PlanMomentId, number> | null {
  const asOf = planAsOf(db, plan);
  if (asOf === null) return null;
  const result = analyseMoments(db, { ...momentSettings(plan), asOf });
  return Object.fromEntries(result.moments.map((m) => [m.moment, m.count])) as Record<PlanMomentId, number>;
}
