import { examplePlan } from '../demo/example-plans';
import { planChecklist } from '../plan/checklist-report';
import { createPlan, deletePlan, getPlan, otherActivePlans } from '../plan/plan-store';
import type { Database } from '../store/sqlite';
import type { PlanDocument } from '../plan/plan-document';
import type { Exercise } from './exercise';
import { readMeta, writeMeta } from './exercise-state';

/** Lighting: a plan made to fail three checks of the checklist; solved when none of the three fails any more. */

export const BROKEN_CHECKS = ['pilot-control', 'pilot-duration', 'messages-unsubscribe'] as const;
const PLAN_KEY = 'exercise:fix-plan:plan';
const PLAN_NAME = 'Exercise: fix this plan';

/** The demo's example plan with no control group, a one-week pilot and an email without an unsubscribe footer. */
function brokenPlan(db: Database): PlanDocument {
  const plan = examplePlan(db, 'lighting');
  return {
    ...plan,
    name: PLAN_NAME,
    pilot: { ...plan.pilot, controlShare: 0, durationDays: 7 },
    messages: { ...plan.messages, email: { ...plan.messages.email, unsubscribeFooter: false } },
  };
}

/** The exercise's plan, when it is still in the workspace. */
function exercisePlanId(db: Database): string | null {
  const planId = readMeta(db, PLAN_KEY);
  return planId !== null && getPlan(db, planId).ok ? planId : null;
}

export const fixPlan: Exercise = {
  id: 'fix-plan',
  industry: 'lighting',
  title: 'Fix a plan that fails three checks',
  brief:
    `The plan “${PLAN_NAME}” fails three checks of its checklist. Open it in Plans, read each failing check in Plans → Check and export, and change the plan until none of those three fails. ` +
    'Acknowledging a check does not count: fix the plan itself.',
  task: (db) => ({ kind: 'plan', planId: exercisePlanId(db) }),
  check(db) {
    const planId = exercisePlanId(db);
    if (planId === null)
      return { solved: false, feedback: 'The exercise plan is not in this workspace. Use Reset to put it back.' };
    const record = getPlan(db, planId);
    if (!record.ok) return { solved: false, feedback: record.error };
    const report = planChecklist(db, planId, record.value.document, otherActivePlans(db, planId));
    const failing = report.checks.filter(
      (c) => (BROKEN_CHECKS as readonly string[]).includes(c.id) && c.status === 'fail',
    );
    if (failing.length === 0)
      return {
        solved: true,
        feedback: 'Solved: the plan has a control group, a pilot of at least 14 days and a way to unsubscribe.',
      };
    return {
      solved: false,
      feedback: `${failing.length} of the three checks still fail${failing.length === 1 ? 's' : ''}: ${failing.map((c) => c.title).join('; ')}.`,
    };
  },
  prepare(db) {
    const old = exercisePlanId(db);
    if (old !== null) {
      const deleted = deletePlan(db, old);
      if (!deleted.ok) throw new Error(deleted.error);
    }
    const created = createPlan(db, brokenPlan(db), new Date());
    if (!created.ok) throw new Error(created.error);
    writeMeta(db, PLAN_KEY, created.value.planId);
  },
};
