import type { AnalysisName, ParamsOf } from '../../core/analysis/catalogue';

/** What each analysis starts with on screen; every value can be changed there. */
export const DEFAULT_PARAMS: { [N in AnalysisName]: ParamsOf<N> } = {
  combinations: {
    level: 'product',
    basket: { kind: 'order' },
    minSupport: 0.01,
    minConfidence: 0.2,
    maxLength: 3,
    consequents: 'one',
  },
  sequences: { level: 'product', minCustomers: 20, limit: 500 },
  secondPurchase: {},
  families: {},
  ladders: {},
  segments: {},
  moments: {},
  baselines: {},
};
