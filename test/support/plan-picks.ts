import type { PlanDocument, Recommendation } from '../../src/core/plan/plan-document';

/** An approved recommendation added by hand: customers who bought `anchor` are offered `recommended`. */
export function approvedPick(
  anchor: string,
  recommended: string,
  fields: Partial<Recommendation> = {},
): Recommendation {
  return {
    id: `manual:${anchor}>${recommended}`,
    anchor: { id: anchor, label: anchor },
    recommended: { id: recommended, label: recommended },
    source: 'manual',
    evidence: null,
    decision: 'approved',
    pinned: false,
    flags: [],
    ...fields,
  };
}

/** The plan as a completion plan whose only approved pick is `anchor` → `recommended`. */
export function withPick(plan: PlanDocument, anchor: string, recommended: string): PlanDocument {
  plan.strategy.id = 'completion';
  plan.recommendations.items = [approvedPick(anchor, recommended)];
  return plan;
}
