import { AnalysisUnavailable } from '../unavailable';
/** What a basket is, what an item is, and the thresholds of one run of the combinations analysis. */

/** An item is a product (its product_id) or a product category. */
export type ItemLevel = 'product' | 'category';

/** One basket per order, or one per customer's orders within `days` days of the first of them. */
export type BasketDefinition = { kind: 'order' } | { kind: 'days'; days: number };

export interface BasketOptions {
  level: ItemLevel;
  basket: BasketDefinition;
}

export interface CombinationsParameters extends BasketOptions {
  /** Fraction of baskets an itemset must appear in: count / baskets >= minSupport. */
  minSupport: number;
  /** Fraction of the antecedent's baskets that also hold the consequent. */
  minConfidence: number;
  /** Largest itemset looked for (2 finds pairs, 3 also triples). */
  maxLength: number;
  /** 'one': one item on the right-hand side of a rule; 'any': every split of an itemset. */
  consequents: 'one' | 'any';
}

/** Where the baskets came from: the order lines, or imported basket files when there are no lines. */
export type BasketSource = 'order-lines' | 'imported-baskets';

export interface AssociationRule {
  antecedent: string[];
  consequent: string[];
  /** Baskets holding every item of antecedent and consequent. */
  count: number;
  support: number;
  confidence: number;
  lift: number;
  leverage: number;
  /** null stands for infinity: every basket with the antecedent also holds the consequent. */
  conviction: number | null;
}

/** Plain data (it crosses to the UI thread and into JSON as it is). */
export interface CombinationsResult {
  parameters: CombinationsParameters;
  source: BasketSource;
  baskets: number;
  /** The smallest basket count that meets minSupport. */
  minCount: number;
  /** Frequent itemsets of every size from 1 to maxLength. */
  itemsets: number;
  /** itemsetsBySize[k - 1]: frequent itemsets of k items. */
  itemsetsBySize: number[];
  /** Rules by lift, then confidence, then count. */
  rules: AssociationRule[];
  /** Product names of the products in the rules (product level only). */
  names: Record<string, string>;
}

/** Reports work done out of the total; both are basket visits over all passes. */
export type MiningProgress = (done: number, total: number) => void;

export interface MiningHooks {
  onProgress?: MiningProgress;
  /** Asked now and then; answering true stops the run with CombinationsCancelled. */
  isCancelled?: () => boolean;
}

/** Why the analysis cannot run on this workspace, in words for the user. */
export class CombinationsUnavailable extends AnalysisUnavailable {}

export class CombinationsCancelled extends Error {
  constructor() {
    super('The combinations analysis was cancelled.');
  }
}
