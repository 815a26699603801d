import { z } from 'zod';

/**
 * The plan document: one cross-sell plan, versioned, validated on every load. The workspace stores
 * it (with its revisions), the command line reads and writes it as JSON, and a plan made for one
 * client applies to another workspace as a template.
 */

export const PLAN_SCHEMA_VERSION = 1;

export const STRATEGY_IDS = ['completion', 'evolution', 'ecosystem'] as const;
export const MOMENT_IDS = [
  'post-purchase',
  'browse',
  'cart-abandonment',
  'support-resolution',
  'loyalty-milestone',
  'usage-milestone',
  'launch',
  'gift-order',
  'seasonal-transition',
] as const;
export const CHANNEL_IDS = ['email', 'sms', 'web', 'outreach'] as const;
export const METRIC_IDS = [
  'acceptance',
  'time-to-secondary',
  'category-expansion',
  'cross-sell-aov',
  'return-rate',
] as const;
export const TEST_VARIABLES = ['subject', 'offer', 'timing', 'call-to-action', 'channel', 'products'] as const;
export const RECOMMENDATION_SOURCES = ['pair', 'sequence', 'ladder', 'family', 'manual'] as const;
export const MATCH_RULES = ['strongest-evidence', 'list-order'] as const;
export const RECOMMENDATION_FLAGS = [
  'owned',
  'out-of-stock',
  'low-evidence',
  'out-of-season',
  'category-level',
] as const;

const text = (max: number) => z.string().max(max);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written as YYYY-MM-DD');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time written as HH:MM');
const fraction = z.number().min(0).max(1);
/** The longest product or category label a plan keeps (`itemRef` in item-ref.ts clips to it). */
export const ITEM_LABEL_MAX = 300;
const itemRef = z.object({ id: text(200).min(1), label: text(ITEM_LABEL_MAX) }).strict();

const evidence = z
  .object({
    /** Baskets or customers the evidence rests on. */
    count: z.number().int().min(0),
    support: fraction.nullable(),
    confidence: fraction.nullable(),
    lift: z.number().min(0).nullable(),
    /** Share of anchor buyers who went on to buy the recommended item. */
    share: fraction.nullable(),
    medianDays: z.number().min(0).nullable(),
    note: text(500),
    /** The same pair read the other way (recommended → anchor), so a pair shows once with both directions. */
    reverse: z
      .object({
        count: z.number().int().min(0),
        confidence: fraction.nullable(),
        share: fraction.nullable(),
        medianDays: z.number().min(0).nullable(),
        /** The warnings the item would carry read that way round (stock, ownership and season of the anchor). */
        flags: z.array(z.enum(RECOMMENDATION_FLAGS)).max(RECOMMENDATION_FLAGS.length).optional(),
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();

const recommendation = z
  .object({
    id: text(100).min(1),
    anchor: itemRef.nullable(),
    recommended: itemRef,
    source: z.enum(RECOMMENDATION_SOURCES),
    evidence: evidence.nullable(),
    decision: z.enum(['proposed', 'approved', 'rejected']),
    pinned: z.boolean(),
    flags: z.array(z.enum(RECOMMENDATION_FLAGS)).max(RECOMMENDATION_FLAGS.length),
    /** The other colours or sizes of the anchor and of the recommended product this item stands for. */
    variants: z
      .object({ anchor: z.array(itemRef).max(50), recommended: z.array(itemRef).max(50) })
      .strict()
      .optional(),
  })
  .strict();

const email = z
  .object({
    enabled: z.boolean(),
    subject: text(200),
    preheader: text(200),
    body: text(5000),
    callToAction: text(80),
    /** How many recommended products the email shows as cards. */
    productCards: z.number().int().min(0).max(6),
    unsubscribeFooter: z.boolean(),
  })
  .strict();

const sms = z
  .object({
    enabled: z.boolean(),
    body: text(1600),
    optOutText: text(100),
    maxSegments: z.number().int().min(1).max(10),
  })
  .strict();
const web = z
  .object({ enabled: z.boolean(), slot: text(100), headline: text(200), productCount: z.number().int().min(0).max(12) })
  .strict();
const outreach = z.object({ enabled: z.boolean(), talkingPoints: z.array(text(500)).max(20) }).strict();

/**
 * Where customers agreed to a channel, as the marketer records it when the data has no consent
 * column (e.g. "opted in to email at checkout, per the shop's records"). It counts as consent only
 * for the plan's audience customers the data says nothing about (a recorded "no" stays a no), and
 * only once both the source and the date are filled in.
 */
const consentRecord = z.object({ source: text(300), date: day.nullable() }).strict();
const noConsentBasis = () => ({ email: null, sms: null });

const variantTest = z
  .object({
    variable: z.enum(TEST_VARIABLES).nullable(),
    /** What the B variant changes, in the variable under test; A is the draft as written. */
    variantB: text(1000),
  })
  .strict();

export const planDocumentSchema = z
  .object({
    schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
    name: text(200).min(1),
    client: text(200),
    objective: text(2000),
    /** The person who reviews the recommendations and signs the plan off. */
    approver: text(200),
    strategy: z.object({ id: z.enum(STRATEGY_IDS).nullable(), why: text(2000) }).strict(),
    moment: z
      .object({
        id: z.enum(MOMENT_IDS).nullable(),
        /** The day the plan starts; audiences are taken as of this date. */
        startDate: day.nullable(),
        /** Windows and thresholds changed from the moment's defaults, by parameter name. */
        settings: z.record(z.string().max(60), z.number().min(0).max(100_000)),
        trigger: text(500),
      })
      .strict(),
    recommendations: z
      .object({
        items: z.array(recommendation).max(500),
        reviewedBy: text(200),
        reviewedAt: z.string().max(40).nullable(),
        /** Which approved recommendation a customer several match gets: the strongest evidence, or the first in the list. */
        matchRule: z.enum(MATCH_RULES).default('strongest-evidence'),
        /** What customers in the moment who match no recommendation get; null leaves them out. */
        fallback: itemRef.nullable().default(null),
        /** The workspace the picks were signed off in (null before any sign-off): evidence from elsewhere fails a check. */
        workspaceId: text(100).nullable().default(null),
      })
      .strict(),
    offer: z
      .object({
        kind: z.enum(['none', 'percent']),
        percent: z.number().min(0).max(100),
        code: text(40),
        expiresAfterDays: z.number().int().min(0).max(365),
      })
      .strict(),
    messages: z
      .object({
        email,
        sms,
        web,
        outreach,
        test: variantTest,
        /** The audience customer the previews are shown for; null picks the first one. */
        previewCustomerId: text(200).nullable(),
      })
      .strict(),
    channels: z
      .object({
        sends: z
          .array(
            z
              .object({
                channel: z.enum(CHANNEL_IDS),
                offsetHours: z
                  .number()
                  .min(0)
                  .max(24 * 90),
              })
              .strict(),
          )
          .max(20),
        frequencyCap: z
          .object({ messages: z.number().int().min(1).max(50), days: z.number().int().min(1).max(90) })
          .strict(),
        quietHours: z.object({ start: time, end: time }).strict().nullable(),
        stopOn: z.object({ purchase: z.boolean(), click: z.boolean(), unsubscribe: z.boolean() }).strict(),
        consentBasis: z
          .object({ email: consentRecord.nullable(), sms: consentRecord.nullable() })
          .strict()
          .default(noConsentBasis),
      })
      .strict(),
    pilot: z
      .object({
        /** Share of the moment's audience taken into the pilot. */
        audienceShare: fraction,
        controlShare: fraction,
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1),
        durationDays: z.number().int().min(1).max(365),
        /** Smallest lift in acceptance rate (absolute, as a fraction) the pilot should be able to detect. */
        minimumDetectableEffect: fraction,
        metrics: z
          .array(
            z
              .object({ id: z.enum(METRIC_IDS), baseline: z.number().nullable(), target: z.number().nullable() })
              .strict(),
          )
          .max(METRIC_IDS.length),
        scaleCriteria: z.array(text(500)).max(20),
      })
      .strict(),
  })
  .strict();

export type PlanDocument = z.infer<typeof planDocumentSchema>;
export type StrategyId = (typeof STRATEGY_IDS)[number];
export type PlanMomentId = (typeof MOMENT_IDS)[number];
export type ChannelId = (typeof CHANNEL_IDS)[number];
export type MetricId = (typeof METRIC_IDS)[number];
export type Recommendation = z.infer<typeof recommendation>;
export type RecommendationEvidence = z.infer<typeof evidence>;
export type ConsentBasis = PlanDocument['channels']['consentBasis'];
export type ConsentRecord = z.infer<typeof consentRecord>;

/** A plan as the workspace holds it: the document plus what the workspace keeps about it. */
export interface PlanRecord {
  planId: string;
  status: 'active' | 'archived';
  createdAt: string;
  updatedAt: string;
  revision: number;
  document: PlanDocument;
}

/** The plan a new user starts from: every step open, the playbook's defaults filled in. */
export function blankPlan(name: string): PlanDocument {
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    name,
    client: '',
    objective: '',
    approver: '',
    strategy: { id: null, why: '' },
    moment: { id: null, startDate: null, settings: {}, trigger: '' },
    recommendations: {
      items: [],
      reviewedBy: '',
      reviewedAt: null,
      workspaceId: null,
      matchRule: 'strongest-evidence',
      fallback: null,
    },
    offer: { kind: 'none', percent: 0, code: '', expiresAfterDays: 14 },
    messages: {
      email: {
        enabled: true,
        subject: '',
        preheader: '',
        body: '',
        callToAction: 'Take a look',
        productCards: 3,
        unsubscribeFooter: true,
      },
      sms: { enabled: false, body: '', optOutText: 'Reply STOP to opt out', maxSegments: 1 },
      web: { enabled: false, slot: 'Home page', headline: '', productCount: 3 },
      outreach: { enabled: false, talkingPoints: [] },
      test: { variable: null, variantB: '' },
      previewCustomerId: null,
    },
    channels: {
      sends: [{ channel: 'email', offsetHours: 48 }],
      frequencyCap: { messages: 2, days: 7 },
      quietHours: { start: '21:00', end: '08:00' },
      stopOn: { purchase: true, click: false, unsubscribe: true },
      consentBasis: noConsentBasis(),
    },
    pilot: {
      audienceShare: 0.2,
      controlShare: 0.2,
      seed: 1,
      durationDays: 30,
      minimumDetectableEffect: 0.05,
      metrics: METRIC_IDS.map((id) => ({ id, baseline: null, target: null })),
      scaleCriteria: [],
    },
  };
}
