import { MOMENT_CATALOGUE } from '../../../core/plan/moment-catalogue';
import { STRATEGIES } from '../../../core/plan/strategy-advice';
import type { PlanMomentId, StrategyId } from '../../../core/plan/plan-document';

/** Short names of strategies and moments for lists and headings, taken from the catalogues. */
export const STRATEGY_TITLES = Object.fromEntries(STRATEGIES.map((s) => [s.id, s.title])) as Record<StrategyId, string>;
export const MOMENT_TITLES = Object.fromEntries(Object.values(MOMENT_CATALOGUE).map((m) => [m.id, m.title])) as Record<
  PlanMomentId,
  string
>;
