import { queryAll, type Database } from '../store/sqlite';
import { workspaceIdOf } from '../store/workspace-id';
import type { PicksHere } from './checks/types';
import type { PlanDocument, Recommendation } from './plan-document';
import { approvedRecommendations } from './recommendations';

/**
 * Which recommendations name something this workspace does not have: a product id not in its
 * products, a category no product of it is in (for category-level items), or a family set (ids
 * joined by "+") with a member it does not sell.
 */
export function itemsMissingHere(db: Database, items: readonly Recommendation[]): Recommendation[] {
  const ids = [...new Set(items.flatMap((i) => [i.recommended.id, ...(i.anchor ? i.anchor.id.split('+') : [])]))];
  const present = (sql: string) => new Set(queryAll<{ id: string }>(db, sql, [JSON.stringify(ids)]).map((r) => r.id));
  const products = present(
    'SELECT product_id AS id FROM products WHERE product_id IN (SELECT value FROM json_each(?))',
  );
  const categories = present(
    'SELECT DISTINCT category AS id FROM products WHERE category IN (SELECT value FROM json_each(?))',
  );
  const known = (id: string, categoryLevel: boolean) =>
    categoryLevel ? categories.has(id) : products.has(id) || id.split('+').every((member) => products.has(member));
  return items.filter((item) => {
    const categoryLevel = item.flags.includes('category-level');
    return (
      !known(item.recommended.id, categoryLevel) || (item.anchor !== null && !known(item.anchor.id, categoryLevel))
    );
  });
}

/** A recommendation as a reader knows it: “anchor → recommended”, quoted. */
export const pickLabel = (item: Recommendation) =>
  `“${item.anchor ? `${item.anchor.label} → ${item.recommended.label}` : item.recommended.label}”`;

/** What the checklist needs to judge whether the plan's approved picks belong to this workspace. */
export function picksHere(db: Database, plan: PlanDocument): PicksHere {
  return {
    workspaceId: workspaceIdOf(db),
    missing: itemsMissingHere(db, approvedRecommendations(plan)).map(pickLabel),
  };
}
