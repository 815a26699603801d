import type { PlanDocument } from './plan-document';
import type { Acknowledgement } from './acknowledgements';
import { contextChecked, namedApprover, reviewedByPerson } from './checks/automation';
import { consentForChannel, frequencyCap, otherPlansOverlap, sameOfferEverywhere } from './checks/channels';
import { oneVariable, smsLength, unresolvedTokens, unsubscribe } from './checks/messages';
import { controlGroup, pilotDuration, sampleSize } from './checks/pilot';
import { categoryLevel, outOfSeason, thinEvidence, weakLift } from './checks/relevance';
import { alreadyOwned, ownPurchase } from './checks/recipients';
import { reachAboveZero } from './checks/reach';
import { evidenceFromHere } from './checks/provenance';
import { timingTrap } from './checks/timing';
import type { CheckStatus } from './checks/check-status';
import type { Check, CheckResult, ChecklistContext } from './checks/types';
import type { PlanView } from './plan-view';

/**
 * The pitfall checklist a plan passes before it leaves the app. Each check passes, warns or fails
 * with the finding behind it; a failing check blocks the export until it is fixed or acknowledged
 * with a written reason. The thresholds:
 *
 * | check                       | warn                                                   | fail                                                    |
 * |-----------------------------|--------------------------------------------------------|---------------------------------------------------------|
 * | timing-trap (after orders)  | first send within 24 h after delivery                  | first send before delivery (72 h, or settings.deliveryHours) |
 * | timing-trap (usage)         | fires under 50 % of the limit                          | fires at 0 %: before any usage                          |
 * | relevance-category-level    | some approved items name a category                    | all of them do                                          |
 * | relevance-lift              | an approved pair's lift under 1.2                      | an approved pair's lift at or below 1                   |
 * | relevance-evidence          | an approved item rests on under 30 orders or customers | under 10, or no evidence at all                         |
 * | relevance-owned             | no recipients to judge yet                              | a recipient is sent a product they own, or a variant    |
 * | relevance-season            | no start date (season judged at the end of the data)   | an approved item is out of season                       |
 * | relevance-workspace         | nothing approved yet                                   | approved picks signed off in another workspace, or naming products it does not have |
 * | automation-review           | no review date, or items still undecided               | nothing approved, or no reviewer named                  |
 * | automation-approver         | –                                                      | no approver named                                       |
 * | automation-context          | approved items still carry a flag                      | no start date, or nothing approved                      |
 * | channels-at-once            | different channels within 24 h of each other           | different channels at the same offset                   |
 * | channels-cap                | the cap holds back over 10 % of the plan's sends       | the cap allows more than 2 messages in 7 days           |
 * | channels-overlap            | other plans write to the same customers                | they already use the whole allowance (2 per 7 days)     |
 * | channels-consent            | under half the audience agreed to a channel            | nobody did                                              |
 * | reach-above-zero            | no moment, audience or sends yet to judge              | no audience customer gets any message                   |
 * | messages-unsubscribe        | an unsubscribe does not stop later sends               | email without unsubscribe footer, SMS without opt-out   |
 * | messages-sms-length         | under 10 units left in the last allowed segment        | more segments than the plan's limit                     |
 * | messages-tokens             | first or last name without a fallback                  | a token unresolved for the preview customer             |
 * | messages-own-purchase       | no text names the customer's purchase                  | a recipient's "your …" is not in their orders           |
 * | messages-one-variable       | variant B cannot be made, or changes nothing           | variant B changes more than one variable                |
 * | pilot-duration              | –                                                      | under 14 days                                           |
 * | pilot-control               | –                                                      | no control group, or one that rounds to nobody          |
 * | pilot-sample-size           | the pilot cannot be sized (no baseline yet)            | groups too small for the minimum detectable effect      |
 *
 * Checks whose subject is missing (no moment, nothing approved yet) warn that there is nothing to
 * judge rather than pass; where the missing part is itself the pitfall (no approver), they fail.
 */

export const CHECKS: readonly Check[] = [
  timingTrap,
  categoryLevel,
  weakLift,
  thinEvidence,
  alreadyOwned,
  outOfSeason,
  evidenceFromHere,
  reviewedByPerson,
  namedApprover,
  contextChecked,
  sameOfferEverywhere,
  frequencyCap,
  otherPlansOverlap,
  consentForChannel,
  reachAboveZero,
  unsubscribe,
  smsLength,
  unresolvedTokens,
  ownPurchase,
  oneVariable,
  pilotDuration,
  controlGroup,
  sampleSize,
];

export const CHECK_IDS: ReadonlySet<string> = new Set(CHECKS.map((c) => c.id));

export function runChecklist(plan: PlanDocument, view: PlanView, context: ChecklistContext): CheckResult[] {
  return CHECKS.map(({ run, ...check }) => {
    const { step, ...verdict } = run({ plan, view, context });
    return { ...check, ...verdict, step: step ?? check.step };
  });
}

export interface ChecklistSummary {
  counts: Record<CheckStatus, number>;
  /** Failing checks nobody acknowledged: while there are any, the plan cannot be exported. */
  unacknowledged: CheckResult[];
  /** Failing checks someone accepted with a written reason. */
  acknowledged: CheckResult[];
  blocked: boolean;
}

export function checklistSummary(
  results: readonly CheckResult[],
  acks: readonly Pick<Acknowledgement, 'checkId'>[],
): ChecklistSummary {
  const accepted = new Set(acks.map((a) => a.checkId));
  const fails = results.filter((r) => r.status === 'fail');
  const unacknowledged = fails.filter((r) => !accepted.has(r.id));
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0 };
  for (const r of results) counts[r.status]++;
  return {
    counts,
    unacknowledged,
    acknowledged: fails.filter((r) => accepted.has(r.id)),
    blocked: unacknowledged.length > 0,
  };
}

export type { CheckResult, ChecklistContext } from './checks/types';
export type { CheckStatus } from './checks/check-status';
