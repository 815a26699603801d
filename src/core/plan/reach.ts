import { CHANNEL_WORDS } from '../vocabulary';
import { basisIsComplete, CONSENT_CHANNELS } from './consent';
import type { PlanDocument } from './plan-document';
import type { PlanSchedule } from './schedule';
import { approvedRecommendations } from './recommendations';

/**
 * Whether a plan reaches anybody: the customers at least one of its sends goes out to over the
 * 30 days. A plan that reaches nobody is never "in place", whatever else it has; these sentences
 * say what is missing wherever reach is shown.
 */

const count = (n: number) => n.toLocaleString('en-US');

/** What works when nobody can be reached. */
export const REACH_FIX =
  'Import the customers’ consent (an email or SMS opt-in column), or, if they opted in somewhere the data does not show, record where and when under “Consent recorded elsewhere” in the channel plan.';

/** What works when customers are in the moment but none bought what an approved recommendation starts from. */
export const MATCH_FIX =
  'Approve recommendations that start from products these customers buy, or choose a fallback product for the customers nothing matches.';

/**
 * Why the plan reaches nobody, with what fixes it; null when it reaches someone or has nothing to
 * judge yet (no moment, nobody in it, nothing approved, no sends).
 */
export function noReachReason(plan: PlanDocument, schedule: PlanSchedule | null): string | null {
  if (schedule === null || schedule.inMoment === 0 || plan.channels.sends.length === 0) return null;
  if (schedule.customers === 0) {
    if (approvedRecommendations(plan).length === 0) return null;
    return `Nobody can be reached: none of the ${count(schedule.inMoment)} customers entering the moment bought what an approved recommendation starts from. ${MATCH_FIX}`;
  }
  if (schedule.reached > 0) return null;
  const { consent, stopped, cap } = schedule.removed;
  const causes = [
    ...(consent > 0 ? [`missing consent holds back ${count(consent)}`] : []),
    ...(stopped > 0 ? [`stop rules ${count(stopped)}`] : []),
    ...(cap > 0 ? [`the frequency cap ${count(cap)}`] : []),
  ];
  const why =
    causes.length > 0 ? `: ${causes.join(', ')} of its sends` : ': none of its sends falls within the 30 days';
  return `Nobody can be reached: none of the ${count(schedule.customers)} customers the plan is for gets a message${why}. ${REACH_FIX}`;
}

/**
 * What the plan lacks to reach anybody, as a step lists it: a moment, somebody in it, an approved
 * recommendation they match, and then consent; null when it reaches someone or has no sends yet.
 */
function reachGap(plan: PlanDocument, schedule: PlanSchedule | null): string | null {
  if (schedule === null) return 'A moment and a start date (step 2): the plan sends to the customers who enter it.';
  if (schedule.inMoment === 0)
    return 'Customers to send to: nobody enters the moment in the 30 days from the start date (step 2).';
  if (schedule.customers === 0 && approvedRecommendations(plan).length === 0)
    return 'An approved recommendation (step 3): the plan sends only to customers who bought what one starts from.';
  return noReachReason(plan, schedule);
}

/** What the channel step still lacks for reach. */
export function channelReachGaps(plan: PlanDocument, schedule: PlanSchedule | null): string[] {
  const gap = reachGap(plan, schedule);
  return gap === null ? [] : [gap];
}

/** What the pilot step still lacks for reach: a pilot of customers nobody can reach tests nothing. */
export function pilotReachGaps(plan: PlanDocument, schedule: PlanSchedule | null): string[] {
  return reachGap(plan, schedule) === null
    ? []
    : [
        'Customers the plan can reach: nobody in its audience can get a message yet, so the pilot would test nothing (see the channel plan).',
      ];
}

/** The recorded consent bases, each with how many audience customers it counts for, said as a record rather than data. */
export function consentBasisLines(plan: PlanDocument, schedule: PlanSchedule | null): string[] {
  return CONSENT_CHANNELS.flatMap((channel) => {
    const record = plan.channels.consentBasis[channel];
    if (!basisIsComplete(record)) return [];
    const counted =
      schedule === null
        ? ''
        : ` It counts as consent for ${count(schedule.consentByBasis[channel])} of the plan’s customers the data says nothing about.`;
    return [
      `Consent to ${CHANNEL_WORDS[channel].plural} recorded by the marketer, not in the data: “${record.source.trim()}” (as of ${record.date}).${counted}`,
    ];
  });
}
