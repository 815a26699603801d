import type { ImportKind } from '../import/kinds';

/** Whether a workspace holds what each cross-sell strategy needs, as the engine reports it. */

export type StrategyId = 'completion' | 'evolution' | 'ecosystem';
export type ReadinessStatus = 'ready' | 'partly' | 'not-ready';

export interface ReadinessCount {
  key: string;
  label: string;
  value: number;
}

export interface StrategyReadiness {
  strategy: StrategyId;
  title: string;
  status: ReadinessStatus;
  counts: ReadinessCount[];
  /** What the strategy needs, thresholds included. */
  needs: string;
  /** What to import or map to get further; null once the strategy is ready. */
  hint: string | null;
  /** The kind of file the hint asks for first, to start the import with; null when it names none. */
  importKind: ImportKind | null;
}

export interface Readiness {
  strategies: StrategyReadiness[];
}
