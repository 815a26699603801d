import type { Database } from '../store/sqlite';
import { analyseBaselines, type BaselineParams, type BaselinesResult } from './baselines';
import type { LoadedBaskets } from './combinations/baskets';
import { mineBaskets, withProductNames } from './combinations/mine';
import type { BasketOptions, CombinationsParameters, CombinationsResult, MiningHooks } from './combinations/types';
import type { DataTable } from './data-version';
import { analyseFamilies, type FamiliesResult, type FamilyParams } from './families';
import { analyseLadders, type LadderParams, type LaddersResult } from './ladders';
import { analyseMoments, type MomentParams, type MomentsResult } from './moments';
import type { PurchaseHistory } from './purchases';
import { analyseSegments, type SegmentParams, type SegmentsResult } from './segments';
import {
  analyseSequences,
  timeToSecondPurchase,
  type SecondPurchaseResult,
  type SequenceParams,
  type SequencesResult,
} from './sequences';

/**
 * Every analysis the Insights screens and the command line can run: its parameters, its result,
 * and the tables it reads (which decide when a cached result is out of date).
 */

export interface SecondPurchaseParams {
  asOf?: string;
  bucketEdges?: number[];
}

export interface AnalysisCatalogue {
  combinations: { params: CombinationsParameters; result: CombinationsResult };
  sequences: { params: SequenceParams; result: SequencesResult };
  secondPurchase: { params: SecondPurchaseParams; result: SecondPurchaseResult };
  families: { params: FamilyParams; result: FamiliesResult };
  ladders: { params: LadderParams; result: LaddersResult };
  segments: { params: SegmentParams; result: SegmentsResult };
  moments: { params: MomentParams; result: MomentsResult };
  baselines: { params: BaselineParams; result: BaselinesResult };
}

export type AnalysisName = keyof AnalysisCatalogue;
export type ParamsOf<N extends AnalysisName> = AnalysisCatalogue[N]['params'];
export type ResultOf<N extends AnalysisName> = AnalysisCatalogue[N]['result'];

export interface AnalysisAnswer<N extends AnalysisName> {
  result: ResultOf<N>;
  computedAt: string;
  fromCache: boolean;
  /** Set when a stored result was not in the shape the app writes and was worked out again instead. */
  warning?: string;
}

/** Why an analysis gave no result (the data cannot support it), in words for the user. */
export type AnalysisFailure = { message: string };

export interface AnalysisContext {
  /** The purchase history the behavioural analyses share, loaded at most once per data version. */
  history(): PurchaseHistory;
  /** The baskets of one basket definition, loaded at most once per data version. */
  baskets(options: BasketOptions): LoadedBaskets;
  hooks: MiningHooks;
}

interface AnalysisDefinition<N extends AnalysisName> {
  reads: readonly DataTable[];
  run(db: Database, params: ParamsOf<N>, context: AnalysisContext): ResultOf<N>;
}

/** What the shared purchase history reads. */
export const HISTORY_TABLES: readonly DataTable[] = ['orders', 'order_lines', 'products'];
const WITH_CUSTOMERS: readonly DataTable[] = [...HISTORY_TABLES, 'customers'];
const WITH_EVENTS: readonly DataTable[] = [...HISTORY_TABLES, 'events'];
const EVERYTHING: readonly DataTable[] = [...WITH_CUSTOMERS, 'events'];

export const ANALYSES: { [N in AnalysisName]: AnalysisDefinition<N> } = {
  combinations: {
    reads: [...HISTORY_TABLES, 'baskets'],
    run: (db, params, { baskets, hooks }) => {
      const loaded = baskets({ level: params.level, basket: params.basket });
      return withProductNames(db, mineBaskets(loaded.baskets, loaded.source, params, hooks));
    },
  },
  sequences: { reads: HISTORY_TABLES, run: (db, params, { history }) => analyseSequences(db, params, history()) },
  secondPurchase: {
    reads: HISTORY_TABLES,
    run: (db, params, { history }) => timeToSecondPurchase(db, params, history()),
  },
  families: { reads: HISTORY_TABLES, run: (db, params, { history }) => analyseFamilies(db, params, history()) },
  ladders: { reads: WITH_EVENTS, run: (db, params, { history }) => analyseLadders(db, params, history()) },
  segments: { reads: EVERYTHING, run: (db, params, { history }) => analyseSegments(db, params, history()) },
  moments: { reads: EVERYTHING, run: (db, params) => analyseMoments(db, params) },
  baselines: { reads: HISTORY_TABLES, run: (db, params, { history }) => analyseBaselines(db, params, history()) },
};

export const isAnalysisName = (name: string): name is AnalysisName => Object.hasOwn(ANALYSES, name);

/** The tables behind a cache key made by `cacheKey(name, params)`, or null for a key of no known analysis. */
export function tablesOfCacheKey(key: string): readonly DataTable[] | null {
  const name = key.slice(0, key.indexOf(':'));
  return isAnalysisName(name) ? ANALYSES[name].reads : null;
}
