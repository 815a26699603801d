/**
 * The behavioural analyses in one place, for the engine API and the CLI. Each entry takes the
 * workspace database and optional parameters (every one has a default) and returns plain,
 * JSON-serialisable data. Those that read purchases accept a `PurchaseHistory` as their last
 * argument, so a caller running several of them can load it once with `loadPurchases`.
 */
export { loadPurchases, type PurchaseHistory } from './purchases';
export { latestActivity } from './as-of';
export type { Page, PageRequest, Spread, HistogramBucket } from './stats';
export {
  analyseSequences,
  sequenceCustomers,
  timeToSecondPurchase,
  SEQUENCE_DEFAULTS,
  SECOND_PURCHASE_BUCKETS,
  type ItemRef,
  type SequenceLevel,
  type SequenceParams,
  type SequenceRow,
  type SequencesResult,
  type SequenceCustomer,
  type SecondPurchaseGroup,
  type SecondPurchaseParams,
  type SecondPurchaseResult,
} from './sequences';
export {
  analyseFamilies,
  familySetCustomers,
  FAMILY_DEFAULTS,
  type FamilyParams,
  type FamiliesResult,
  type FamilyReport,
  type OwnershipSet,
  type NextMember,
} from './families';
export {
  analyseLadders,
  ladderCandidates,
  LADDER_DEFAULTS,
  type LadderParams,
  type LaddersResult,
  type LadderReport,
  type LadderTier,
  type LadderCandidate,
  type AdvancementSignal,
} from './ladders';
export {
  analyseSegments,
  segmentCustomers,
  SEGMENT_DEFAULTS,
  type SegmentParams,
  type SegmentsResult,
  type SegmentFilter,
  type SegmentGroup,
  type ScoreGroup,
  type CustomerSegment,
} from './segments';
export {
  analyseMoments,
  momentCustomers,
  momentDailyCounts,
  MOMENT_IDS,
  MOMENT_DEFAULTS,
  DEFAULT_SEASONS,
  type MomentId,
  type MomentParams,
  type MomentsResult,
  type MomentAudience,
  type Season,
} from './moments';
export {
  analyseBaselines,
  crossSellAcceptance,
  BASELINE_DEFAULTS,
  type BaselineParams,
  type BaselinesResult,
  type CrossSellPair,
  type AcceptanceResult,
  type AcceptanceRow,
} from './baselines';
