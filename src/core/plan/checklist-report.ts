import type { Database } from '../store/sqlite';
import { audienceConsent, type ConsentChannel } from './consent';
import type { PlanDocument } from './plan-document';
import { listAcknowledgements, type Acknowledgement } from './acknowledgements';
import { checklistSummary, runChecklist, type ChecklistSummary } from './checklist';
import type { ChannelConsent, CheckResult, ChecklistContext } from './checks/types';
import { noMemo, type Memo } from './memo';
import { planAsOf } from './moment-catalogue';
import { computePlanView } from './plan-view';
import { planRecipients, recipientsKey } from './plan-recipients';
import { auditRecipients } from './recipient-audit';
import { getPlan } from './plan-store';
import { withReviewWorkspace } from './review-workspace';
import { picksHere } from './workspace-items';
import { workspaceIdOf } from '../store/workspace-id';

/** The checklist of one plan as the app, the export and the command line show it: every check, the acknowledgements and whether export is blocked. */

export interface ChecklistReport {
  checks: CheckResult[];
  acknowledged: Acknowledgement[];
  summary: ChecklistSummary;
  blocked: boolean;
}

/**
 * What the checks read from the workspace about the plan's recipients (the customers it is for over
 * the 30 days from its start, as the channel plan counts them): their consent, and their messages
 * checked against the order lines; and the plan's picks against this workspace.
 */
export function checklistContext(db: Database, plan: PlanDocument, memo: Memo = noMemo): ChecklistContext {
  const picks = picksHere(db, plan);
  if (planAsOf(db, plan) === null || plan.moment.id === null) return { consent: null, recipients: null, picks };
  const consent = memo(`consent:${recipientsKey(plan)}:${JSON.stringify(plan.channels.consentBasis)}`, () => {
    const ids = [...planRecipients(db, plan, memo).assignments.keys()];
    const { consent, byBasis } = audienceConsent(db, plan, ids);
    const of = (channel: ConsentChannel): ChannelConsent => ({
      audience: ids.length,
      optedIn: [...consent.values()].filter((c) => c[channel]).length,
      byBasis: byBasis[channel].size,
    });
    return { email: of('email'), sms: of('sms') };
  });
  return { consent, recipients: auditRecipients(db, plan, memo), picks };
}

/**
 * The checklist for a (possibly unsaved) document of a stored plan, judged as it would be saved (a new
 * sign-off counts as given here); `otherPlans` are the workspace's other active plans.
 */
export function planChecklist(
  db: Database,
  planId: string,
  unsaved: PlanDocument,
  otherPlans: readonly PlanDocument[],
  memo: Memo = noMemo,
): ChecklistReport {
  const stored = getPlan(db, planId);
  const document = withReviewWorkspace(
    stored.ok ? stored.value.document.recommendations : null,
    unsaved,
    workspaceIdOf(db),
  );
  const view = computePlanView(db, document, otherPlans, memo);
  const checks = runChecklist(document, view, checklistContext(db, document, memo));
  const acknowledged = listAcknowledgements(db, planId);
  const summary = checklistSummary(checks, acknowledged);
  return { checks, acknowledged, summary, blocked: summary.blocked };
}
