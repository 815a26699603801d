import { momentCustomers } from '../analysis/moments';
import { queryAll, type Database } from '../store/sqlite';
import type { PlanDocument } from './plan-document';
import { listAcknowledgements, type Acknowledgement } from './acknowledgements';
import { checklistSummary, runChecklist, type ChecklistSummary } from './checklist';
import type { CheckResult, ChecklistContext } from './checks/types';
import { momentKey, noMemo, type Memo } from './memo';
import { momentSettings, planAsOf } from './moment-catalogue';
import { computePlanView } from './plan-view';

/** The checklist of one plan as the app, the export and the command line show it: every check, the acknowledgements and whether export is blocked. */

export interface ChecklistReport {
  checks: CheckResult[];
  acknowledged: Acknowledgement[];
  summary: ChecklistSummary;
  blocked: boolean;
}

/** Consent to email and text messages among the customers in the plan's moment on its start date. */
export function checklistContext(db: Database, plan: PlanDocument, memo: Memo = noMemo): ChecklistContext {
  const asOf = planAsOf(db, plan);
  const moment = plan.moment.id;
  if (asOf === null || moment === null) return { consent: null };
  const consent = memo(`consent:${momentKey(plan)}`, () => {
    const ids = momentCustomers(
      db,
      moment,
      { ...momentSettings(plan), asOf },
      { limit: Number.MAX_SAFE_INTEGER },
    ).items;
    const [row] = queryAll<{ email: number | null; sms: number | null }>(
      db,
      'SELECT SUM(email_opt_in = 1) AS email, SUM(sms_opt_in = 1) AS sms FROM customers WHERE customer_id IN (SELECT value FROM json_each(?))',
      [JSON.stringify(ids)],
    );
    return {
      email: { audience: ids.length, optedIn: row?.email ?? 0 },
      sms: { audience: ids.length, optedIn: row?.sms ?? 0 },
    };
  });
  return { consent };
}

/** The checklist for a (possibly unsaved) document of a stored plan; `otherPlans` are the workspace's other active plans. */
export function planChecklist(
  db: Database,
  planId: string,
  document: PlanDocument,
  otherPlans: readonly PlanDocument[],
  memo: Memo = noMemo,
): ChecklistReport {
  const view = computePlanView(db, document, otherPlans, memo);
  const checks = runChecklist(document, view, checklistContext(db, document, memo));
  const acknowledged = listAcknowledgements(db, planId);
  const summary = checklistSummary(checks, acknowledged);
  return { checks, acknowledged, summary, blocked: summary.blocked };
}
