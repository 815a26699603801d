import type { PlanDocument } from './plan-document';
import { basisIsComplete, CONSENT_CHANNELS } from './consent';
import { CHANNEL_WORDS } from '../vocabulary';
import type { PlanStepId } from './plan-step-id';

/** What each step of a plan still lacks, in the words the walk-through shows above the step. */

export type StepState = 'done' | 'started' | 'empty';

export interface StepCompleteness {
  state: StepState;
  missing: string[];
}

const CHECKS: Record<PlanStepId, (plan: PlanDocument) => { missing: string[]; started: boolean }> = {
  strategy: (plan) => ({
    missing: [
      ...(plan.objective.trim() ? [] : ['An objective: what the plan should achieve, in a sentence.']),
      ...(plan.strategy.id ? [] : ['A strategy: completion, expert-user evolution or ecosystem expansion.']),
    ],
    started: Boolean(plan.objective.trim() || plan.strategy.id),
  }),
  moment: (plan) => ({
    missing: [
      ...(plan.moment.id ? [] : ['A moment: when the offer reaches the customer.']),
      ...(plan.moment.startDate ? [] : ['A start date, from which the audience is counted.']),
    ],
    started: Boolean(plan.moment.id || plan.moment.startDate),
  }),
  recommendations: (plan) => {
    const items = plan.recommendations.items;
    const approved = items.filter((i) => i.decision === 'approved').length;
    const open = items.filter((i) => i.decision === 'proposed').length;
    return {
      missing: [
        ...(approved > 0 ? [] : ['At least one approved recommendation.']),
        ...(open > 0 ? [`${open} recommendation${open === 1 ? '' : 's'} still to approve or reject.`] : []),
        ...(plan.recommendations.reviewedBy.trim() ? [] : ['The name of the person who reviewed them.']),
      ],
      started: items.length > 0,
    };
  },
  messages: (plan) => {
    const { email, sms, web, outreach } = plan.messages;
    const enabled = [email, sms, web, outreach].some((m) => m.enabled);
    return {
      missing: [
        ...(enabled ? [] : ['At least one channel with a message.']),
        ...(email.enabled && !(email.subject.trim() && email.body.trim()) ? ['The email’s subject and body.'] : []),
        ...(sms.enabled && !sms.body.trim() ? ['The text message.'] : []),
        ...(web.enabled && !web.headline.trim() ? ['The website slot’s headline.'] : []),
        ...(outreach.enabled && outreach.talkingPoints.length === 0 ? ['Talking points for direct outreach.'] : []),
      ],
      started: Boolean(email.subject || email.body || sms.body || web.headline || outreach.talkingPoints.length),
    };
  },
  channels: (plan) => ({
    missing: [
      ...(plan.channels.sends.length > 0
        ? []
        : ['At least one send: a channel and when it goes out after the trigger.']),
      ...CONSENT_CHANNELS.filter((c) => {
        const record = plan.channels.consentBasis[c];
        return record !== null && !basisIsComplete(record);
      }).map((c) => `Where and when customers opted in to ${CHANNEL_WORDS[c].plural}, or untick that consent record.`),
    ],
    started: plan.channels.sends.length > 0,
  }),
  pilot: (plan) => ({
    missing: [
      ...(plan.pilot.controlShare > 0 ? [] : ['A control group that gets no message.']),
      ...(plan.pilot.durationDays >= 14 ? [] : ['A pilot of at least 14 days.']),
      ...(plan.pilot.metrics.some((m) => m.target !== null) ? [] : ['A target for at least one metric.']),
      ...(plan.pilot.scaleCriteria.length > 0 ? [] : ['The signs that say it is time to scale.']),
    ],
    started: plan.pilot.scaleCriteria.length > 0 || plan.pilot.metrics.some((m) => m.target !== null),
  }),
};

export function stepCompleteness(step: PlanStepId, plan: PlanDocument): StepCompleteness {
  const { missing, started } = CHECKS[step](plan);
  return { missing, state: missing.length === 0 ? 'done' : started ? 'started' : 'empty' };
}

/** True when no step lacks anything. */
export const planIsComplete = (plan: PlanDocument) =>
  (Object.keys(CHECKS) as PlanStepId[]).every((step) => stepCompleteness(step, plan).missing.length === 0);
