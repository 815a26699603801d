import {
  analyseBaselines,
  analyseFamilies,
  analyseLadders,
  analyseSequences,
  loadPurchases,
  type PurchaseHistory,
  type SequenceRow,
} from '../analysis/behaviour';
import { mineCombinations } from '../analysis/combinations/mine';
import type { CombinationsParameters } from '../analysis/combinations/types';
import type { ItemRef } from '../analysis/sequences';
import { percent } from '../analysis/stats';
import { metricBaselines } from '../plan/pilot';
import { createPlan } from '../plan/plan-store';
import { MIN_EVIDENCE_COUNT } from '../plan/recommendations';
import { queryAll, type Database } from '../store/sqlite';
import { blankPlan, type PlanDocument, type Recommendation, type RecommendationEvidence } from '../plan/plan-document';
import type { Industry } from '../store/workspace-types';
import { workspaceIdOf } from '../store/workspace-id';
import { DEMO_END } from './calendar';
import { demoWorkspace } from './demo-workspaces';

/**
 * One finished plan per demo shop, for its strategy, so a new user or a trainer opens a demo and
 * sees what a complete plan looks like. The recommendations and their evidence come from the
 * demo's own data, so they match what the insights screens show for it.
 */

/** The demo's history ends the day before; the example plans start the day after it. */
export const EXAMPLE_START_DATE = '2026-11-01';
const SAVED_AT = new Date(DEMO_END);

/** The analyses' parameters the evidence is taken with (also what the spec checks it against). */
export const EXAMPLE_ANALYSES = {
  sequences: { minCustomers: 5, limit: 2000 },
  families: { minCustomers: 5 },
  combinations: {
    level: 'product',
    basket: { kind: 'order' },
    minSupport: 0.002,
    minConfidence: 0.1,
    maxLength: 2,
    consequents: 'one',
  } satisfies CombinationsParameters,
} as const;

/**
 * Each plan approves enough picks that most of the moment's customers bought what one starts from:
 * only they get a message.
 */
const RECOMMENDATIONS = 20;
const WEEK_AFTER_ORDER = { postPurchaseHours: 7 * 24 };
/** The email goes the day after a customer enters the moment; the SMS, for those it did not move, three days later. */
// After a parcel has had time to arrive (the checklist assumes 72 h), and the text a few days later.
const EMAIL_AFTER_HOURS = 96;
const SMS_AFTER_HOURS = 168;

/** Writes the demo's example plan into a freshly generated demo workspace. */
export function addExamplePlan(db: Database, industry: Industry): void {
  const created = createPlan(db, examplePlan(db, industry), SAVED_AT);
  if (!created.ok) throw new Error(created.error);
}

export function examplePlan(
  db: Database,
  industry: Industry,
  history: PurchaseHistory = loadPurchases(db),
): PlanDocument {
  const catalog = productsOf(db);
  const draft = DRAFTS[industry];
  const { items, why } = draft.recommend(db, history, catalog);
  const baselines = analyseBaselines(db, {}, history);
  const effect = draft.minimumEffect;
  const metrics = metricBaselines(baselines, effect).map((m) => ({
    id: m.id,
    baseline: m.baseline,
    target: m.suggestedTarget,
  }));
  const acceptance = metrics.find((m) => m.id === 'acceptance');
  const returns = metrics.find((m) => m.id === 'return-rate');
  const base = blankPlan(draft.name);
  return {
    ...base,
    client: demoWorkspace(industry).name,
    objective: draft.objective,
    approver: draft.approver,
    strategy: { id: draft.strategy, why },
    moment: { id: draft.moment, startDate: EXAMPLE_START_DATE, settings: draft.settings, trigger: draft.trigger },
    recommendations: {
      ...base.recommendations,
      items,
      reviewedBy: draft.approver,
      reviewedAt: SAVED_AT.toISOString(),
      workspaceId: workspaceIdOf(db),
    },
    offer: { kind: 'percent', percent: draft.offer.percent, code: draft.offer.code, expiresAfterDays: 14 },
    messages: {
      ...base.messages,
      email: { ...base.messages.email, ...draft.email, enabled: true, productCards: 3, unsubscribeFooter: true },
      sms: { enabled: true, body: draft.sms, optOutText: 'Reply STOP to opt out', maxSegments: 1 },
      test: { variable: 'subject', variantB: draft.subjectB },
    },
    channels: {
      ...base.channels,
      sends: [
        { channel: 'email', offsetHours: EMAIL_AFTER_HOURS },
        { channel: 'sms', offsetHours: SMS_AFTER_HOURS },
      ],
      frequencyCap: { messages: 2, days: 7 },
      quietHours: { start: '21:00', end: '08:00' },
      stopOn: { purchase: true, click: true, unsubscribe: true },
    },
    pilot: {
      // The demo shops are small: the whole audience, split evenly, is what can show a 10-point lift.
      audienceShare: 1,
      controlShare: 0.5,
      seed: 20261101,
      durationDays: 30,
      minimumDetectableEffect: effect,
      metrics,
      scaleCriteria: [
        acceptance?.target != null
          ? `After 30 days, the pilot group accepts the suggestions at ${percent(acceptance.target)} or more, and at least ${points(effect)} above the control group.`
          : `After 30 days, the pilot group accepts the suggestions at a rate at least ${points(effect)} above the control group.`,
        returns?.baseline != null
          ? `Suggested products come back no more often than they do today (${percent(returns.baseline)} of them).`
          : 'Suggested products come back no more often than other products.',
        'Fewer than 1 in 200 customers who get the messages unsubscribe.',
        'No customer gets more than 2 cross-sell messages in any 7 days.',
      ],
    },
  };
}

interface Product {
  label: string;
  family: string | null;
  inStock: boolean;
}
type Catalog = Map<string, Product>;

interface Picks {
  items: Recommendation[];
  why: string;
}

interface Draft {
  name: string;
  objective: string;
  approver: string;
  strategy: NonNullable<PlanDocument['strategy']['id']>;
  moment: NonNullable<PlanDocument['moment']['id']>;
  /** Windows changed from the moment's defaults. */
  settings: Record<string, number>;
  trigger: string;
  offer: { percent: number; code: string };
  email: Pick<PlanDocument['messages']['email'], 'subject' | 'preheader' | 'body' | 'callToAction'>;
  subjectB: string;
  sms: string;
  /** The smallest rise in acceptance the pilot should detect: what the 30 days' reachable customers can show. */
  minimumEffect: number;
  recommend(db: Database, history: PurchaseHistory, catalog: Catalog): Picks;
}

const DRAFTS: Record<Industry, Draft> = {
  beauty: {
    name: 'Complete the routine after a first order',
    objective:
      'Help customers who have just ordered one step of a skincare line finish the routine with the next step, so more of them buy a second product from the line within 90 days.',
    approver: 'Maya Lindqvist, e-commerce lead',
    strategy: 'completion',
    moment: 'post-purchase',
    settings: WEEK_AFTER_ORDER,
    trigger:
      'An order was placed in the last 7 days: a wider window than the usual 48 hours, so the pilot reaches enough customers.',
    offer: { percent: 10, code: 'ROUTINE10' },
    email: {
      subject: 'The next step in your routine, {first_name|there}',
      preheader: 'Chosen to go with {anchor_product|your last order}',
      body: 'Hi {first_name|there},\n\nThank you for your order. Customers who use {anchor_product|the product you just bought} often add {recommended_product} as the next step of their routine.\n\nFor the next 14 days, take {discount} off it with the code {code}.\n\nThe Glow & Co. team',
      callToAction: 'See the next step',
    },
    subjectB: '{first_name|Hello}, your routine is one step from complete',
    sms: 'Glow & Co: Hi {first_name|there}, {recommended_product} completes your routine. {discount} off with code {code} for 14 days.',
    minimumEffect: 0.2,
    recommend: routinePairs,
  },
  running: {
    name: 'Next shoe when the current pair is worn',
    objective:
      'Offer runners whose shoes are close to the end of their distance the next tier of shoe, so that more of them step up a tier instead of buying the same pair again or leaving for another shop.',
    approver: 'Tom Okafor, marketing manager',
    strategy: 'evolution',
    moment: 'usage-milestone',
    settings: {},
    trigger: 'A pair of shoes reached 75 % of its expected distance in a reading from the last 30 days.',
    offer: { percent: 15, code: 'STEPUP15' },
    email: {
      subject: 'Your shoes have covered the miles, {first_name|runner}',
      preheader: 'Ready for a step up from {anchor_product|your current pair}?',
      body: 'Hi {first_name|there},\n\nYour {anchor_product|running shoes} have logged most of the distance they are built for. Runners at your stage often move up to {recommended_product} for their longer runs.\n\nUse the code {code} for {discount} off your next pair within 14 days.\n\nNorthpace Running Co.',
      callToAction: 'Find your next pair',
    },
    subjectB: 'Time for a new pair, {first_name|runner}?',
    sms: 'Northpace: Hi {first_name|there}, your shoes are near their limit. Step up to {recommended_product}: {discount} off, code {code}, 14 days.',
    minimumEffect: 0.15,
    recommend: nextTierShoes,
  },
  lighting: {
    name: 'Add the missing pieces after a starter kit',
    objective:
      'Show customers who have just bought into a Lumora or Glowline family the pieces owners of the same set most often add next, so that more households grow beyond their first kit.',
    approver: 'Priya Raman, head of customer marketing',
    strategy: 'ecosystem',
    moment: 'post-purchase',
    settings: WEEK_AFTER_ORDER,
    trigger:
      'An order was placed in the last 7 days: a wider window than the usual 48 hours, so the pilot reaches enough customers.',
    offer: { percent: 10, code: 'ADDON10' },
    email: {
      subject: 'Make more of your {anchor_product|new lights}',
      preheader: 'The piece owners of your set most often add next',
      body: 'Hi {first_name|there},\n\nYour {anchor_product|new lights} work with {recommended_product}: it joins the same app and the same rooms, with no extra setup.\n\nTake {discount} off with the code {code} for the next 14 days.\n\nLumora Smart Lighting',
      callToAction: 'Add it to your home',
    },
    subjectB: '{first_name|Your} lighting has room to grow',
    sms: 'Lumora: Hi {first_name|there}, add {recommended_product} to your setup with {discount} off, code {code}, for 14 days.',
    minimumEffect: 0.15,
    recommend: missingFamilyMembers,
  },
};

/** Completion: routine steps customers bought in a later order, plus the strongest bought-together pair. */
function routinePairs(db: Database, history: PurchaseHistory, catalog: Catalog): Picks {
  const sequences = analyseSequences(db, EXAMPLE_ANALYSES.sequences, history).rows;
  const anchors = new Set<string>();
  const items: Recommendation[] = [];
  for (const row of sequences) {
    if (items.length === RECOMMENDATIONS - 1) break;
    const family = catalog.get(row.from.id)?.family;
    if (anchors.has(row.from.id) || !family || catalog.get(row.to.id)?.family !== family || !inStock(catalog, row.to))
      continue;
    anchors.add(row.from.id);
    items.push(recommendation('sequence', row.from, row.to, sequenceEvidence(row)));
  }
  const combinations = mineCombinations(db, EXAMPLE_ANALYSES.combinations);
  const chosen = new Set(items.map((i) => `${i.anchor?.id}>${i.recommended.id}`));
  const rule = combinations.rules.find(
    (r) =>
      r.antecedent.length === 1 &&
      r.consequent.length === 1 &&
      !chosen.has(`${r.antecedent[0]}>${r.consequent[0]}`) &&
      catalog.get(r.consequent[0])?.inStock,
  );
  if (rule) {
    const [anchor, recommended] = [ref(catalog, rule.antecedent[0]), ref(catalog, rule.consequent[0])];
    items.push(
      recommendation('pair', anchor, recommended, {
        count: rule.count,
        support: rule.support,
        confidence: rule.confidence,
        lift: rule.lift,
        share: null,
        medianDays: null,
        note: `Bought together in ${rule.count} orders: ${percent(rule.confidence)} of the orders with ${anchor.label} also held ${recommended.label}, ${rule.lift.toFixed(1)} times as often as orders in general.`,
      }),
    );
  }
  const top = sequences.find(
    (r) => items[0] && r.from.id === items[0].anchor?.id && r.to.id === items[0].recommended.id,
  );
  const why = top
    ? `Customers here build a routine one product at a time: of the ${top.fromCustomers} customers who bought ${top.from.label} and ordered again, ${percent(top.share)} later bought ${top.to.label}, typically ${top.days.median} days after. Completion suggests the step of the routine a customer has not bought yet, while the first order is fresh.`
    : 'Customers here build a routine one product at a time; completion suggests the step they have not bought yet.';
  return { items: pinFirst(items), why };
}

/** Evolution: for each tier of the busiest ladder, the next-tier product its buyers most often moved to. */
function nextTierShoes(db: Database, history: PurchaseHistory, catalog: Catalog): Picks {
  const ladder = [...analyseLadders(db, {}, history).ladders].sort(
    (a, b) => b.candidateCount - a.candidateCount || a.category.localeCompare(b.category),
  )[0];
  const sequences = analyseSequences(db, EXAMPLE_ANALYSES.sequences, history).rows;
  const steps: { row: SequenceRow; ready: number }[] = [];
  for (const [i, tier] of (ladder?.tiers ?? []).entries()) {
    const next = new Set(ladder.tiers[i + 1]?.products.map((p) => p.id) ?? []);
    for (const product of tier.products) {
      const row = sequences.find((r) => r.from.id === product.id && next.has(r.to.id) && inStock(catalog, r.to));
      if (row) steps.push({ row, ready: tier.candidates });
    }
  }
  steps.sort((a, b) => b.row.customers - a.row.customers || a.row.from.id.localeCompare(b.row.from.id));
  const items = steps.slice(0, RECOMMENDATIONS).map(({ row, ready }) =>
    recommendation('ladder', row.from, row.to, {
      ...sequenceEvidence(row),
      note: `${sequenceEvidence(row).note} ${ready} customers at this tier show signs of being ready for the next one.`,
    }),
  );
  const top = steps[0]?.row;
  const why =
    ladder && top
      ? `${ladder.category} here are ranked by tier, and ${ladder.candidateCount} customers below the top tier show signs of being ready for the next one: rising distance, a recent milestone or shoes near their limit. Of the ${top.fromCustomers} customers who bought ${top.from.label} and ordered again, ${percent(top.share)} later bought ${top.to.label}.`
      : 'Products here are ranked by tier; evolution offers the next tier to customers who show signs of being ready for it.';
  return { items: pinFirst(items), why };
}

/** Ecosystem: for owners of a single member of a family, the member owners of it most often added next. */
function missingFamilyMembers(db: Database, history: PurchaseHistory, catalog: Catalog): Picks {
  const families = analyseFamilies(db, EXAMPLE_ANALYSES.families, history).families;
  const candidates = families.flatMap((family) =>
    family.sets
      .filter((set) => set.members.length === 1)
      .flatMap((set) => set.next.map((next) => ({ family: family.family, anchor: set.members[0], set, next }))),
  );
  candidates.sort(
    (a, b) =>
      b.next.customers - a.next.customers ||
      a.anchor.id.localeCompare(b.anchor.id) ||
      a.next.member.id.localeCompare(b.next.member.id),
  );
  const items = candidates
    .filter((c) => inStock(catalog, c.next.member))
    .slice(0, RECOMMENDATIONS)
    .map(({ family, anchor, set, next }) =>
      recommendation('family', anchor, next.member, {
        count: next.customers,
        support: null,
        confidence: null,
        lift: null,
        share: next.share,
        medianDays: null,
        note: `Of the ${set.customersEver} customers who owned only ${anchor.label} from ${family}, ${next.customers} (${percent(next.share)}) added ${next.member.label} next; ${set.customersNow} own just ${anchor.label} today.`,
      }),
    );
  const top = candidates.find(
    (c) => items[0] && c.anchor.id === items[0].anchor?.id && c.next.member.id === items[0].recommended.id,
  );
  const why = top
    ? `Products here come in families that share one app, and most owners start with a single piece: of the ${top.set.customersEver} customers who owned only ${top.anchor.label}, ${percent(top.next.share)} added ${top.next.member.label} next. Ecosystem expansion offers the pieces a household is missing, starting with those owners of the same set most often add.`
    : 'Products here come in families that share one app; ecosystem expansion offers the pieces a household is missing.';
  return { items: pinFirst(items), why };
}

function sequenceEvidence(row: SequenceRow): RecommendationEvidence {
  return {
    count: row.customers,
    support: null,
    confidence: null,
    lift: null,
    share: row.share,
    medianDays: row.days.median,
    note: row.explanation,
  };
}

function recommendation(
  source: Recommendation['source'],
  anchor: ItemRef,
  recommended: ItemRef,
  evidence: RecommendationEvidence,
): Recommendation {
  return {
    id: `${source}:${anchor.id}>${recommended.id}`,
    anchor,
    recommended,
    source,
    evidence,
    decision: 'approved',
    pinned: false,
    flags: evidence.count < MIN_EVIDENCE_COUNT ? ['low-evidence'] : [],
  };
}

/** The strongest pick is pinned, so it stays first whatever is added by hand. */
const pinFirst = (items: Recommendation[]) => items.map((item, i) => (i === 0 ? { ...item, pinned: true } : item));

function productsOf(db: Database): Catalog {
  const rows = queryAll<{ product_id: string; name: string | null; family: string | null; in_stock: number | null }>(
    db,
    'SELECT product_id, name, family, in_stock FROM products',
  );
  return new Map(
    rows.map((r) => [r.product_id, { label: r.name ?? r.product_id, family: r.family, inStock: r.in_stock !== 0 }]),
  );
}

const points = (fraction: number) => `${Math.round(fraction * 100)} percentage points`;
const inStock = (catalog: Catalog, item: ItemRef) => catalog.get(item.id)?.inStock ?? false;
const ref = (catalog: Catalog, id: string): ItemRef => ({ id, label: catalog.get(id)?.label ?? id });
