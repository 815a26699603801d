import { analyseBaselines } from '../analysis/baselines';
import { analyseFamilies } from '../analysis/families';
import { analyseLadders } from '../analysis/ladders';
import type { AssociationRule } from '../analysis/combinations/types';
import { loadPurchases, type PurchaseHistory } from '../analysis/purchases';
import { assessReadiness } from '../analysis/readiness';
import { queryAll, type Database } from '../store/sqlite';
import type { PlanDocument, PlanMomentId, Recommendation } from './plan-document';
import type { Readiness } from '../analysis/readiness-types';
import { renderDrafts, type Drafts, type PreviewCustomer, type ProductDetails } from './messages';
import { pilotDraw } from './pilot-draw';
import { planRecipients } from './plan-recipients';
import { recipientReason } from './recipient-reasons';
import type { Recipients } from './recipients';
import {
  audienceCustomers,
  MOMENT_CATALOGUE,
  momentAudience,
  momentCounts,
  planAsOf,
  TIMELINE_DAYS,
  type MomentAudienceView,
  type MomentDefinition,
} from './moment-catalogue';
import { momentKey, noMemo, type Memo } from './memo';
import { metricBaselines, pilotSizing, type MetricBaseline, type PilotSizing } from './pilot';
import { flagOwnedBy, minePairs, proposeRecommendations, reviewState, type ReviewState } from './recommendations';
import { planSchedule, type PlanSchedule } from './schedule';
import {
  adviseStrategy,
  COMMON_PAIR_SUPPORT,
  STRATEGIES,
  type StrategyAdvice,
  type StrategyExplanation,
  type StrategyInsights,
} from './strategy-advice';
import { variantB, variantDifferences, type TestVariable } from './variants';

/** Everything the planning screens show for one plan, computed in one call, as plain JSON data. */

/** How many recipients the preview lists, each with the recommendation they get and why. */
export const RECIPIENT_SAMPLE = 50;

export interface RecipientView {
  customerId: string;
  firstName: string | null;
  /** What they bought that their recommendation starts from; null for the fallback. */
  anchor: string | null;
  recommended: string;
  why: string;
}

/** The plan's audience: who of the moment's customers gets which recommendation, over the 30 days from its start. */
export interface RecipientsView {
  /** Customers who get a message about a recommendation (matched or the fallback). */
  count: number;
  inMoment: number;
  fallback: number;
  leftOut: number;
  /** The first recipients, in the order they enter the moment. */
  sample: RecipientView[];
}

export interface MomentCard extends MomentDefinition {
  /** Customers in the moment as of the plan's start date; null in an empty workspace. */
  count: number | null;
  suitsStrategy: boolean;
}

export interface PlanView {
  asOf: string | null;
  readiness: Readiness;
  strategies: readonly StrategyExplanation[];
  advice: StrategyAdvice;
  moments: MomentCard[];
  audience: MomentAudienceView | null;
  proposals: Recommendation[];
  review: ReviewState;
  recipients: RecipientsView | null;
  preview: { customer: PreviewCustomer; drafts: Drafts; why: string } | null;
  variant: { differences: TestVariable[]; problem: string | null };
  schedule: PlanSchedule | null;
  pilot: PilotSizing;
  metrics: MetricBaseline[];
}

function insightsOf(
  db: Database,
  asOf: string | undefined,
  history: PurchaseHistory,
  pairs: readonly AssociationRule[],
): StrategyInsights {
  const ladders = analyseLadders(db, { asOf, maxCandidates: 0 }, history);
  const families = analyseFamilies(db, { asOf }, history).families;
  const largest = families.reduce<(typeof families)[number] | null>(
    (best, f) => (best === null || f.owners > best.owners ? f : best),
    null,
  );
  const completeOwners = largest?.ownershipCounts.find((c) => c.members === largest.members.length)?.customers ?? 0;
  return {
    customers: history.customers.length,
    ruleCount: pairs.filter((r) => r.lift > 1).length,
    strongestLift: pairs
      .filter((r) => r.support >= COMMON_PAIR_SUPPORT)
      .reduce<number | null>((best, r) => (best === null || r.lift > best ? r.lift : best), null),
    ladderCandidates: ladders.ladders.reduce((sum, l) => sum + l.candidateCount, 0),
    partialFamilyOwners: largest ? largest.owners - completeOwners : 0,
  };
}

function previewCustomer(db: Database, id: string): PreviewCustomer {
  const [row] = queryAll<{ first_name: string | null; last_name: string | null; email: string | null }>(
    db,
    'SELECT first_name, last_name, email FROM customers WHERE customer_id = ?',
    [id],
  );
  return { id, firstName: row?.first_name ?? null, lastName: row?.last_name ?? null, email: row?.email ?? null };
}

function productDetails(db: Database): Record<string, ProductDetails> {
  return Object.fromEntries(
    queryAll<{
      product_id: string;
      name: string | null;
      price: number | null;
      rating: number | null;
      review_count: number | null;
    }>(db, 'SELECT product_id, name, price, rating, review_count FROM products WHERE is_product = 1').map((p) => [
      p.product_id,
      { id: p.product_id, name: p.name, price: p.price, rating: p.rating, reviewCount: p.review_count },
    ]),
  );
}

/** The drafts for one recipient, with the recommendations they get. */
function previewFor(
  db: Database,
  plan: PlanDocument,
  recipients: Recipients,
  customerId: string,
  asOf: string | null,
  memo: Memo,
): PlanView['preview'] {
  const customer = previewCustomer(db, customerId);
  const assignment = recipients.assignments.get(customerId) ?? null;
  const drafts = renderDrafts(plan, customer, {
    products: memo('products', () => productDetails(db)),
    assignment,
    sendDate: (asOf ?? '1970-01-01').slice(0, 10),
  });
  const why =
    assignment === null
      ? 'This customer gets no message from this plan: nothing they bought matches an approved recommendation.'
      : recipientReason(assignment, plan.recommendations.matchRule);
  return { customer, drafts, why };
}

function recipientsView(db: Database, plan: PlanDocument, recipients: Recipients): RecipientsView {
  const first = [...recipients.assignments.values()].slice(0, RECIPIENT_SAMPLE);
  const names = new Map(
    audienceCustomers(
      db,
      first.map((a) => a.customerId),
    ).map((c) => [c.id, c.firstName]),
  );
  return {
    count: recipients.assignments.size,
    inMoment: recipients.inMoment,
    fallback: recipients.fallback,
    leftOut: recipients.leftOut,
    sample: first.map((a) => ({
      customerId: a.customerId,
      firstName: names.get(a.customerId) ?? null,
      anchor: a.anchor?.label ?? null,
      recommended: a.items[0].recommended.label,
      why: recipientReason(a, plan.recommendations.matchRule),
    })),
  };
}

/**
 * The customers the pilot counts: the draw the audience file lists, over a pilot within the 30 days
 * the schedule covers; over a longer one, the customers reached in 30 days scaled to its length.
 */
function pilotOf(
  db: Database,
  plan: PlanDocument,
  otherPlans: readonly PlanDocument[],
  schedule: PlanSchedule | null,
  memo: Memo,
): { audience: number; drawn?: { treatment: number; control: number } } {
  if (schedule === null) return { audience: 0 };
  if (plan.pilot.durationDays > TIMELINE_DAYS)
    return { audience: Math.round((schedule.reached * plan.pilot.durationDays) / TIMELINE_DAYS) };
  const draw = pilotDraw(db, plan, otherPlans, memo);
  if (draw === null) return { audience: 0 };
  return { audience: draw.reachable, drawn: { treatment: draw.treatment.length, control: draw.control.length } };
}

/**
 * Everything the planning steps show for a plan. `otherPlans` are the workspace's other active
 * plans, whose messages count against the frequency cap. The purchase history is loaded once.
 */
export function computePlanView(
  db: Database,
  plan: PlanDocument,
  otherPlans: readonly PlanDocument[],
  memo: Memo = noMemo,
): PlanView {
  const history = memo('history', () => loadPurchases(db));
  const asOfStamp = planAsOf(db, plan);
  const asOf = asOfStamp ?? undefined;
  const pairs = memo('pairs', () => minePairs(db));
  const readiness = memo('readiness', () => assessReadiness(db));
  const advice = memo(`advice:${asOfStamp}`, () => adviseStrategy(readiness, insightsOf(db, asOf, history, pairs)));

  const counts = memo(`counts:${asOfStamp}:${JSON.stringify(plan.moment.settings)}`, () => momentCounts(db, plan));
  const moments = (Object.keys(MOMENT_CATALOGUE) as PlanMomentId[]).map((id) => ({
    ...MOMENT_CATALOGUE[id],
    count: counts?.[id] ?? null,
    suitsStrategy: plan.strategy.id !== null && MOMENT_CATALOGUE[id].strategies.includes(plan.strategy.id),
  }));
  const audience = memo(`audience:${momentKey(plan)}`, () => momentAudience(db, plan));

  const recipients = audience === null ? null : planRecipients(db, plan, memo);
  const firstRecipient = recipients?.assignments.keys().next().value ?? null;
  const previewId = plan.messages.previewCustomerId ?? firstRecipient ?? audience?.sample[0]?.id ?? null;
  // Proposals take seconds on a large history: worked out once per strategy and date, then flagged for the preview customer.
  const proposals = flagOwnedBy(
    db,
    memo(`proposals:${plan.strategy.id}:${asOfStamp}`, () =>
      proposeRecommendations(db, plan, { history, pairRules: pairs }),
    ),
    previewId,
  );
  const preview =
    previewId === null || recipients === null ? null : previewFor(db, plan, recipients, previewId, asOfStamp, memo);

  const variant = variantB(plan);
  const schedule = planSchedule(db, plan, otherPlans, memo);
  const baselines = memo(`baselines:${asOfStamp}`, () => analyseBaselines(db, { asOf }, history));
  const pilot = pilotOf(db, plan, otherPlans, schedule, memo);
  const acceptance = baselines.acceptance.overall.anchorCustomers > 0 ? baselines.acceptance.overall.rate : null;
  return {
    asOf: asOfStamp,
    readiness,
    strategies: STRATEGIES,
    advice,
    moments,
    audience,
    proposals,
    review: reviewState(plan),
    recipients: recipients === null ? null : recipientsView(db, plan, recipients),
    preview,
    variant: { differences: variantDifferences(plan, variant.plan), problem: variant.problem },
    schedule,
    pilot: pilotSizing(plan, pilot.audience, acceptance, pilot.drawn),
    metrics: metricBaselines(baselines, plan.pilot.minimumDetectableEffect),
  };
}
