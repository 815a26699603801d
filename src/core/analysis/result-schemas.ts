import { z } from 'zod';
import { MOMENT_IDS } from '../plan/plan-document';
import type { BaselinesResult } from './baselines';
import type { AnalysisName, ResultOf } from './catalogue';
import type { CombinationsResult } from './combinations/types';
import type { FamiliesResult } from './families';
import type { LaddersResult } from './ladders';
import type { MomentsResult } from './moments';
import type { SegmentsResult } from './segments';
import type { SecondPurchaseResult, SequencesResult } from './sequences';

/**
 * The shape of every analysis result, as the cache stores it and checks it when it reads it back:
 * a workspace file from elsewhere may hold a result of any shape. Each schema is typed by its
 * result, so the compiler keeps them in step.
 */

const count = z.number().int().nonnegative();
const ratio = z.number();
const asOf = z.string().nullable();
const ids = z.array(z.string());
const itemRef = z.object({ id: z.string(), label: z.string() });
const spread = z.object({ count, median: z.number().nullable(), q1: z.number().nullable(), q3: z.number().nullable() });

const combinations: z.ZodType<CombinationsResult> = z.object({
  parameters: z.object({
    level: z.enum(['product', 'category']),
    basket: z.union([z.object({ kind: z.literal('order') }), z.object({ kind: z.literal('days'), days: z.number() })]),
    minSupport: z.number(),
    minConfidence: z.number(),
    maxLength: z.number(),
    consequents: z.enum(['one', 'any']),
  }),
  source: z.enum(['order-lines', 'imported-baskets']),
  baskets: count,
  minCount: count,
  itemsets: count,
  itemsetsBySize: z.array(count),
  rules: z.array(
    z.object({
      antecedent: ids,
      consequent: ids,
      count,
      support: ratio,
      confidence: ratio,
      lift: ratio,
      leverage: ratio,
      conviction: ratio.nullable(),
    }),
  ),
  names: z.record(z.string(), z.string()),
});

const sequences: z.ZodType<SequencesResult> = z.object({
  parameters: z.object({
    level: z.enum(['product', 'category']),
    minCustomers: z.number(),
    limit: z.number(),
    asOf,
  }),
  repeatCustomers: count,
  rows: z.array(
    z.object({
      from: itemRef,
      to: itemRef,
      customers: count,
      fromCustomers: count,
      share: ratio,
      days: spread,
      sampleCustomerIds: ids,
      explanation: z.string(),
    }),
  ),
  explanation: z.string(),
});

const secondPurchaseGroup = z.object({
  category: z.string().nullable(),
  customers: count,
  repeatCustomers: count,
  repeatShare: ratio,
  days: spread,
  buckets: z.array(z.object({ label: z.string(), from: z.number(), to: z.number().nullable(), count })),
  explanation: z.string(),
});

const secondPurchase: z.ZodType<SecondPurchaseResult> = z.object({
  parameters: z.object({ asOf, bucketEdges: z.array(z.number()) }),
  overall: secondPurchaseGroup,
  byFirstCategory: z.array(secondPurchaseGroup),
  explanation: z.string(),
});

const families: z.ZodType<FamiliesResult> = z.object({
  parameters: z.object({ minCustomers: z.number(), maxSets: z.number(), asOf }),
  families: z.array(
    z.object({
      family: z.string(),
      members: z.array(itemRef),
      owners: count,
      ownershipCounts: z.array(z.object({ members: count, customers: count })),
      sets: z.array(
        z.object({
          members: z.array(itemRef),
          customersEver: count,
          customersNow: count,
          addedLater: count,
          next: z.array(z.object({ member: itemRef, customers: count, share: ratio })),
          sampleCustomerIds: ids,
          explanation: z.string(),
        }),
      ),
      explanation: z.string(),
    }),
  ),
  explanation: z.string(),
});

const ladders: z.ZodType<LaddersResult> = z.object({
  parameters: z.object({
    asOf,
    recentDays: z.number(),
    usageGrowth: z.number(),
    milestoneDays: z.number(),
    usageLimitShare: z.number(),
    minSignals: z.number(),
    maxCandidates: z.number(),
  }),
  ladders: z.array(
    z.object({
      category: z.string(),
      tiers: z.array(z.object({ tier: z.number(), products: z.array(itemRef), customers: count, candidates: count })),
      candidateCount: count,
      candidates: z.array(
        z.object({
          customerId: z.string(),
          currentTier: z.number(),
          nextTier: z.number(),
          signals: z.array(z.enum(['usage-growth', 'orders-rising', 'milestone', 'usage-near-limit'])),
          reasons: z.array(z.string()),
        }),
      ),
      explanation: z.string(),
    }),
  ),
  explanation: z.string(),
});

const moments: z.ZodType<MomentsResult> = z.object({
  asOf,
  moments: z.array(
    z.object({
      moment: z.enum(MOMENT_IDS),
      label: z.string(),
      count,
      sampleCustomerIds: ids,
      parameters: z.record(z.string(), z.union([z.number(), z.string(), z.array(z.string()), z.null()])),
      explanation: z.string(),
    }),
  ),
  explanation: z.string(),
});

const scoreGroup = z.object({
  score: z.number(),
  customers: count,
  min: z.number().nullable(),
  max: z.number().nullable(),
});
const segmentGroup = z.object({ key: z.string(), customers: count, sampleCustomerIds: ids });

const segments: z.ZodType<SegmentsResult> = z.object({
  parameters: z.object({ asOf, goldShare: z.number(), silverShare: z.number() }),
  customers: count,
  recency: z.array(scoreGroup),
  frequency: z.array(scoreGroup),
  monetary: z.array(scoreGroup),
  rfmCells: z.array(segmentGroup),
  loyalty: z.object({
    source: z.enum(['imported', 'derived-from-spend']),
    tiers: z.array(segmentGroup),
    explanation: z.string(),
  }),
  breadth: z.array(segmentGroup),
  undated: z.string().nullable(),
  explanation: z.string(),
});

const baselines: z.ZodType<BaselinesResult> = z.object({
  parameters: z.object({ asOf, windowDays: z.number(), topPairs: z.number(), minCustomers: z.number() }),
  acceptance: z.object({
    parameters: z.object({ windowDays: z.number(), asOf }),
    pairs: z.array(
      z.object({
        anchor: itemRef,
        recommended: itemRef,
        anchorCustomers: count,
        accepted: count,
        rate: ratio,
        sampleCustomerIds: ids,
        explanation: z.string(),
      }),
    ),
    overall: z.object({ anchorCustomers: count, accepted: count, rate: ratio }),
    explanation: z.string(),
  }),
  secondaryPurchase: z.object({ days: spread, customers: count, explanation: z.string() }),
  categoryExpansion: z.object({
    customers: count,
    expanded: count,
    rate: ratio,
    sampleCustomerIds: ids,
    explanation: z.string(),
  }),
  crossSellAov: z.object({
    anchorOrders: count,
    anchorAov: z.number().nullable(),
    followOnOrders: count,
    followOnAov: z.number().nullable(),
    ratio: z.number().nullable(),
    explanation: z.string(),
  }),
  returnRate: z.object({
    followOnItems: z.number(),
    followOnReturned: z.number(),
    followOnRate: ratio,
    allItems: z.number(),
    allReturned: z.number(),
    allRate: ratio,
    explanation: z.string(),
  }),
  explanation: z.string(),
});

export const ANALYSIS_RESULT_SCHEMAS: { [N in AnalysisName]: z.ZodType<ResultOf<N>> } = {
  combinations,
  sequences,
  secondPurchase,
  families,
  ladders,
  segments,
  moments,
  baselines,
};

/** The schema of the result stored under a cache key (`<analysis>:<parameters>`), or null for a key of no analysis. */
export function resultSchemaOfCacheKey(key: string): z.ZodType | null {
  const name = key.slice(0, key.indexOf(':'));
  return Object.hasOwn(ANALYSIS_RESULT_SCHEMAS, name) ? ANALYSIS_RESULT_SCHEMAS[name as AnalysisName] : null;
}
