import { getPlan, listPlans } from '../../src/core/plan/plan-store';
import type { Database } from '../../src/core/store/sqlite';
import type { PlanRecord } from '../../src/core/plan/plan-document';

/** The example plan a demo workspace opens with: its first plan. */
export function examplePlan(db: Database): PlanRecord {
  const found = getPlan(db, listPlans(db)[0].planId);
  if (!found.ok) throw new Error(found.error);
  return found.value;
}
