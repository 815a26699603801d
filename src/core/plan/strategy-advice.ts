import type { Readiness, ReadinessStatus } from '../analysis/readiness-types';
import { STRATEGY_TITLES } from '../vocabulary';
import type { StrategyId } from './plan-document';

/** The three strategies in the product's words, and which one the workspace's data supports best. */

export interface StrategyExplanation {
  id: StrategyId;
  title: string;
  what: string;
  whenItFits: string;
  dataNeeded: string;
}

export const STRATEGIES: readonly StrategyExplanation[] = [
  {
    id: 'completion',
    title: STRATEGY_TITLES.completion,
    what: 'Help customers finish what they started: after a first purchase, suggest the products that usually go with it, the pieces that make it a whole.',
    whenItFits:
      'When customers buy towards a larger goal, such as a routine, an outfit or a project, and some products are often bought together or one after another.',
    dataNeeded:
      'Orders with their lines (which products were in each order) and customer ids, so that products bought together and in sequence show up.',
  },
  {
    id: 'evolution',
    title: STRATEGY_TITLES.evolution,
    what: 'Offer the next step up when a customer shows they are growing: more use, more orders, a milestone reached, a product close to the end of its life.',
    whenItFits:
      'When products form a ladder from entry level to advanced, and customers get more demanding as they gain experience.',
    dataNeeded:
      'Products ranked by tier within their category, orders with customer ids, and ideally usage, milestone or loyalty events as signs of progress.',
  },
  {
    id: 'ecosystem',
    title: STRATEGY_TITLES.ecosystem,
    what: 'Show owners of part of a product family the pieces they are missing, and what those pieces add to what they already have.',
    whenItFits:
      'When products work better together, such as devices of one system or a range designed to be combined, and many customers own only part of it.',
    dataNeeded:
      'Products grouped into families, and orders with customer ids, so that partial owners and the members they add next are visible.',
  },
];

/** Figures from the analyses that sharpen the advice; each is optional. */
export interface StrategyInsights {
  /** Customers with at least one purchase: the scale the counts below are read against. */
  customers?: number;
  /** Association rules found between products. */
  ruleCount?: number;
  /** The highest lift among rules common enough to build a plan on (see `COMMON_PAIR_SUPPORT`). */
  strongestLift?: number | null;
  /** Customers below the top of a ladder who show signs of advancing. */
  ladderCandidates?: number;
  /** Customers owning part, but not all, of the largest product family. */
  partialFamilyOwners?: number;
}

export interface StrategyScore {
  strategy: StrategyId;
  status: ReadinessStatus;
  /** 0 to 1: how strongly the data supports the strategy. */
  score: number;
  reasons: string[];
}

export interface StrategyAdvice {
  recommended: StrategyId | null;
  /** Best supported first. */
  scores: StrategyScore[];
  /** Why the recommended strategy, as sentences. */
  reasons: string[];
}

const STATUS_WEIGHT: Record<ReadinessStatus, number> = { ready: 1, partly: 0.5, 'not-ready': 0 };
/** Order of preference on a tie: completion asks least of the data. */
const PREFERENCE: readonly StrategyId[] = ['completion', 'ecosystem', 'evolution'];
/** A lift at or above this counts as fully convincing. */
const STRONG_LIFT = 10;
/** Pairs in fewer baskets than this share are too rare to judge a strategy by: their lift swings widely. */
export const COMMON_PAIR_SUPPORT = 0.005;
/** When a third of the customers show signs of moving up a ladder, evolution counts as fully supported. */
const STRONG_CANDIDATE_SHARE = 1 / 3;

const clamp = (n: number) => Math.max(0, Math.min(1, n));
const round2 = (n: number) => Math.round(n * 100) / 100;

/** How strongly the insights support each strategy, 0 to 1, with a sentence; null without the figures. */
function evidenceOf(strategy: StrategyId, insights: StrategyInsights): { strength: number; reason: string } | null {
  const customers = insights.customers ?? 0;
  if (strategy === 'completion') {
    if (insights.ruleCount === undefined) return null;
    if (insights.ruleCount === 0 || !insights.strongestLift)
      return { strength: 0, reason: 'No products are bought together clearly more often than chance.' };
    return {
      strength: clamp((insights.strongestLift - 1) / (STRONG_LIFT - 1)),
      reason: `${insights.ruleCount} product pairs are bought together more often than chance; the strongest ${round2(insights.strongestLift)} times as often.`,
    };
  }
  if (strategy === 'evolution') {
    if (insights.ladderCandidates === undefined || customers === 0) return null;
    return {
      strength: clamp(insights.ladderCandidates / customers / STRONG_CANDIDATE_SHARE),
      reason: insights.ladderCandidates
        ? `${insights.ladderCandidates} customers below the top of a product ladder show signs of moving up.`
        : 'No customer below the top of a product ladder shows signs of moving up yet.',
    };
  }
  if (insights.partialFamilyOwners === undefined || customers === 0) return null;
  return {
    strength: clamp(insights.partialFamilyOwners / customers),
    reason: insights.partialFamilyOwners
      ? `${insights.partialFamilyOwners} customers own part of the largest product family and could add the rest.`
      : 'No customer owns part of a product family with pieces left to add.',
  };
}

/**
 * Recommends a strategy. Each is scored by its readiness (ready counts fully, partly half, not
 * ready not at all) times the strength of its evidence in the analyses when they are given; with
 * no analyses, readiness alone decides, and a tie goes to the strategy that asks least of the data.
 */
export function adviseStrategy(readiness: Readiness, insights: StrategyInsights = {}): StrategyAdvice {
  const scores = readiness.strategies.map((r): StrategyScore => {
    const evidence = evidenceOf(r.strategy, insights);
    const weight = STATUS_WEIGHT[r.status];
    const reasons = [
      r.status === 'ready'
        ? `The data holds what ${r.title.toLowerCase()} needs.`
        : r.status === 'partly'
          ? `The data holds part of what ${r.title.toLowerCase()} needs. ${r.hint ?? ''}`.trim()
          : `The data lacks what ${r.title.toLowerCase()} needs. ${r.hint ?? ''}`.trim(),
    ];
    if (evidence && weight > 0) reasons.push(evidence.reason);
    return {
      strategy: r.strategy,
      status: r.status,
      score: round2(weight * (evidence ? evidence.strength : 1)),
      reasons,
    };
  });
  scores.sort((a, b) => b.score - a.score || PREFERENCE.indexOf(a.strategy) - PREFERENCE.indexOf(b.strategy));
  const best = scores[0];
  if (!best || best.score === 0) {
    return {
      recommended: null,
      scores,
      reasons: [
        'No strategy has enough behind it yet. Import orders with their lines and customer ids first; completion needs the least beyond that.',
      ],
    };
  }
  const title = STRATEGY_TITLES[best.strategy];
  const runnerUp = scores[1];
  return {
    recommended: best.strategy,
    scores,
    reasons: [
      `${title} has the most behind it in this workspace.`,
      ...best.reasons,
      ...(runnerUp && runnerUp.score > 0 && runnerUp.score >= best.score * 0.8
        ? [`${STRATEGY_TITLES[runnerUp.strategy]} is a close second and could follow once the first plan has run.`]
        : []),
    ],
  };
}
