import type { PlanDocument, Recommendation } from '../../../../core/plan/plan-document';

/** Building and changing the items of a plan's recommendation list, as the recommendations step does. */

export type ItemRef = Recommendation['recommended'];

const MAX_ID = 100;

/** How an item is named in buttons and lists: "Calm Skin Toner after Cleanser". */
export const itemName = (item: Pick<Recommendation, 'anchor' | 'recommended'>) =>
  `${item.recommended.label || item.recommended.id}${item.anchor ? ` after ${item.anchor.label || item.anchor.id}` : ''}`;

/** An id no item of the plan holds yet, in the same shape proposals use. */
export function freshId(plan: PlanDocument, base: string): string {
  const taken = new Set(plan.recommendations.items.map((i) => i.id));
  const clipped = base.slice(0, MAX_ID);
  if (!taken.has(clipped)) return clipped;
  for (let n = 2; ; n++) {
    const id = `${base.slice(0, MAX_ID - String(n).length - 1)}#${n}`;
    if (!taken.has(id)) return id;
  }
}

export function manualItem(plan: PlanDocument, anchor: ItemRef | null, recommended: ItemRef): Recommendation {
  return {
    id: freshId(plan, `manual:${anchor?.id ?? ''}>${recommended.id}`),
    anchor,
    recommended,
    source: 'manual',
    evidence: null,
    decision: 'proposed',
    pinned: false,
    flags: ['low-evidence'],
  };
}

/** A sign-off holds for the list as it was: any change to the items takes it back. */
export const updateItems = (plan: PlanDocument, items: Recommendation[]): PlanDocument => ({
  ...plan,
  recommendations: { ...plan.recommendations, items, reviewedAt: null },
});

export const updateItem = (plan: PlanDocument, id: string, change: (item: Recommendation) => Recommendation) =>
  updateItems(
    plan,
    plan.recommendations.items.map((i) => (i.id === id ? change(i) : i)),
  );
